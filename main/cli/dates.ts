import type { Locale } from '../../preload/contract';

export type CliDateProblem = 'format' | 'ambiguous' | 'invalid';
export type CliDate = { readonly ok: true; readonly iso: string } | { readonly ok: false; readonly problem: CliDateProblem };

/** Where people write the day first (08/12/2026 is 8 December): pt-BR and Spanish. */
const DAY_FIRST: ReadonlySet<Locale> = new Set(['pt-BR', 'es']);

function localDay(year: number, month: number, day: number, bound: 'start' | 'end'): CliDate {
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return { ok: false, problem: 'invalid' };
  // "--to 08/12/2026" includes that whole day: the filter's end is the next local midnight.
  if (bound === 'end') date.setDate(date.getDate() + 1);
  return { ok: true, iso: date.toISOString() };
}

/**
 * A date typed on the command line: ISO (`2026-12-08`, or a full ISO date-time) everywhere, and
 * the locale's own day-first form (`08/12/2026`, also with `.` or `-`) where people write it so.
 * Elsewhere `08/12/2026` could be either day first or month first, so it is refused, not guessed;
 * a two-digit year is refused too. A day is local midnight; an end day counts whole.
 */
export function parseCliDate(raw: string, locale: Locale, bound: 'start' | 'end'): CliDate {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) return localDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), bound);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? { ok: false, problem: 'invalid' } : { ok: true, iso: new Date(ms).toISOString() };
  }
  const dmy = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/.exec(text);
  if (!dmy) return { ok: false, problem: 'format' };
  if (!DAY_FIRST.has(locale)) return { ok: false, problem: 'ambiguous' };
  if (dmy[4]?.length !== 4) return { ok: false, problem: 'format' };
  return localDay(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]), bound);
}
