import type { Locale } from '../../../preload/contract';

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte'] as const;

/** A feed's size for people: `2048` → "2 kB", in the locale's digits (powers of 1024, as file managers show). */
export function formatBytes(locale: Locale, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: BYTE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(
    value,
  );
}

/** A cycle's duration: seconds under a minute ("34 s"), minutes above ("2.5 min"). */
export function formatDuration(locale: Locale, ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60)
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: seconds < 10 ? 1 : 0 }).format(seconds);
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }).format(seconds / 60);
}

/** The uploaded JSON, indented for reading; anything that does not parse is shown as stored. */
export function prettyDocument(content: string): string {
  try {
    return JSON.stringify(JSON.parse(content), null, 2);
  } catch {
    return content;
  }
}
