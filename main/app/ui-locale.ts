import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeSchema, type Locale } from '../../preload/contract';

/**
 * The language the seller chose, kept beside the database for the window's process: Chromium takes
 * its own language (`--lang`, which sets the date and number formats of native inputs such as
 * <input type="date">) before the app is ready, long before the core can be asked. The core's
 * database stays the source of truth; this file only mirrors it.
 */
const FILE = 'ui-locale.json';

export function readUiLocale(userDataDir: string): Locale | undefined {
  try {
    const parsed = localeSchema.safeParse((JSON.parse(readFileSync(join(userDataDir, FILE), 'utf8')) as { locale?: unknown }).locale);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `null`: the seller follows the system's language again. */
export function writeUiLocale(userDataDir: string, locale: Locale | null): void {
  const file = join(userDataDir, FILE);
  if (locale === null) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(userDataDir, { recursive: true });
  writeFileSync(file, JSON.stringify({ locale }));
}
