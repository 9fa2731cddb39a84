import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * "No English on a pt-BR screen", as data: the strings of other languages' catalogs that must not
 * appear on a screen shown in `locale`, and a matcher over the texts a screen shows.
 */

const ROOT = resolve(import.meta.dirname, '../../..');
export const CATALOG_DIRS = { renderer: join(ROOT, 'renderer/app/i18n/locales'), main: join(ROOT, 'main/i18n/locales') } as const;
export type CatalogName = keyof typeof CATALOG_DIRS;

type Tree = { readonly [key: string]: string | Tree };

/** Every string of one language: `renderer:sync.json:status.live` → "Live". */
export function catalogStrings(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, dir] of Object.entries(CATALOG_DIRS)) {
    const folder = join(dir, locale);
    for (const file of readdirSync(folder)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const walk = (tree: Tree, prefix: string) => {
        for (const [k, v] of Object.entries(tree)) {
          if (typeof v === 'string') out.set(`${name}:${file}:${prefix}${k}`, v);
          else walk(v, `${prefix}${k}.`);
        }
      };
      walk(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Tree, '');
    }
  }
  return out;
}

/** Whitespace as a screen reader sees it: no-break spaces are spaces, runs collapse. */
export const normalize = (text: string): string =>
  text
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const EDGE = /^[\s.,:;!?()[\]“”"'‘’…—–\-*/|·•→]+|[\s.,:;!?()[\]“”"'‘’…—–\-*/|·•→]+$/gu;
const trimEdges = (text: string): string => normalize(text).replace(EDGE, '');
const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
/** `{{count, number}}`, `$t(key)` and line breaks split a string into the fixed text around them. */
const SPLIT = /\{\{[^}]*\}\}|\$t\([^)]*\)|\n/;

export interface Forbidden {
  /** Phrases of two words or more that may not appear inside any text on the screen. */
  readonly phrases: ReadonlyMap<string, string>;
  /** One-word strings that may not be a whole text of the screen (a button, a badge, a cell). */
  readonly words: ReadonlyMap<string, string>;
}

/**
 * The strings of `sources` (e.g. en, and pt-BR for an es screen) that differ from every string of
 * `locale`: a whole string, or the fixed fragments of two words or more around its placeholders.
 * A fragment that also appears inside some `locale` string (an Amazon name such as "Seller
 * Central", a code such as "SKU") is not forbidden. `allow` lists phrases allowed anyway.
 */
export interface ForbiddenOptions {
  /** Phrases allowed anyway. */
  readonly allow?: readonly string[];
  /**
   * The sources whose one-word strings are forbidden too (default: all). Portuguese words such as
   * "Cor" or "Tamanho" are also a Brazilian store's own characteristic names, so a Spanish screen
   * of that store shows them as data.
   */
  readonly wordsFrom?: readonly string[];
}

/** A fragment cut out by placeholders needs this many characters to say something on its own ("do produto" does not). */
const MIN_FRAGMENT_CHARS = 12;

export function forbiddenFor(locale: string, sources: readonly string[], options: ForbiddenOptions = {}): Forbidden {
  const allow = options.allow ?? [];
  const wordsFrom = new Set(options.wordsFrom ?? sources);
  const own = [...catalogStrings(locale).values()].map(normalize);
  const ownWhole = new Set(own);
  const insideOwn = (fragment: string) => own.some((text) => containsPhrase(text, fragment));
  const allowed = new Set(allow.map(normalize));
  const phrases = new Map<string, string>();
  const words = new Map<string, string>();
  for (const source of sources) {
    for (const [key, value] of catalogStrings(source)) {
      const whole = normalize(value);
      if (ownWhole.has(whole)) continue;
      const parts = value
        .split(SPLIT)
        .map(trimEdges)
        .filter((p) => p !== '');
      const interpolated = parts.length !== 1 || trimEdges(value) !== parts[0];
      for (const part of parts) {
        if (ownWhole.has(part) || allowed.has(part)) continue;
        const n = wordCount(part);
        if (n >= 2) {
          if ((!interpolated || part.length >= MIN_FRAGMENT_CHARS) && !insideOwn(part)) phrases.set(part, key);
        } else if (n === 1 && !interpolated && wordsFrom.has(source) && /\p{L}{2,}/u.test(part)) {
          words.set(part, key);
        }
      }
    }
  }
  return { phrases, words };
}

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** `phrase` inside `text`, not as part of a longer word ("Sends" is not in "Sendspace"). */
export function containsPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + phrase.length])) return true;
  }
  return false;
}

export interface Leak {
  /** What the screen shows. */
  readonly text: string;
  /** The other language's string found in it. */
  readonly found: string;
  /** Where that string lives: `renderer:sync.json:status.live`. */
  readonly key: string;
}

/**
 * The forbidden strings among the texts of one screen (lines of innerText, attribute values).
 * `quoted` are words the screen shows as they came — Amazon's (product type names, attribute
 * titles in the marketplace's language) and the seller's own (account names, catalog data) —
 * cut out of each text before it is read.
 */
export function findLeaks(texts: readonly string[], forbidden: Forbidden, quoted: readonly string[] = []): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  const cut = [...new Set(quoted.map(normalize).filter((q) => q.length >= 3))].sort((a, b) => b.length - a.length);
  for (const raw of texts) {
    let text = normalize(raw);
    for (const q of cut) if (text.includes(q)) text = normalize(text.split(q).join(' · '));
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    const bare = trimEdges(text);
    const word = forbidden.words.get(bare);
    if (word !== undefined) leaks.push({ text, found: bare, key: word });
    for (const [phrase, key] of forbidden.phrases) if (containsPhrase(text, phrase)) leaks.push({ text, found: phrase, key });
  }
  return leaks;
}
