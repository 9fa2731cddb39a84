import { describe, expect, it } from 'vitest';

/**
 * Every count a seller reads goes through i18next's plural forms ("1 produto", "2 produtos"):
 * a text with {{count}} lives under `key_one` / `key_other` (never a bare key that says
 * "A Amazon recusou 1 produtos"), and each plural family is complete. Both processes, every language.
 */
type Tree = { readonly [key: string]: string | Tree };

// Every JSON file on disk in both processes (the renderer's test config is DOM-only: no node:fs).
const renderer = import.meta.glob<Tree>('../../../renderer/app/i18n/locales/*/*.json', { eager: true, import: 'default' });
const main = import.meta.glob<Tree>('../../../main/i18n/locales/*/*.json', { eager: true, import: 'default' });
const PLURAL = /_(zero|one|two|few|many|other)$/;
/** `{{count}}`, `{{count, number}}`: the variable i18next picks the plural form from. */
const COUNT = /\{\{\s*count\s*[,}]/;

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

const files = [
  ...Object.entries(renderer).map(([path, tree]) => ['renderer', path, tree] as const),
  ...Object.entries(main).map(([path, tree]) => ['main', path, tree] as const),
].map(([side, path, tree]) => ({ name: `${side} ${/locales\/(.+)$/.exec(path)?.[1] ?? path}`, tree }));

describe('plural forms in every locale file', () => {
  it('finds the locale files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('$name: a text with {{count}} is a plural form', ({ tree }) => {
    const bare = flatten(tree).filter(([key, text]) => COUNT.test(text) && !PLURAL.test(key));
    expect(bare).toEqual([]);
  });

  it.each(files)('$name: every plural family has its "one" and "other" forms', ({ tree }) => {
    const keys = new Set(flatten(tree).map(([key]) => key));
    // Only _one/_other start a family: `too_few` or `too_many` are plain names that happen to end like a form.
    const broken = [...keys]
      .filter((key) => /_(one|other)$/.test(key))
      .map((key) => key.replace(/_(one|other)$/, ''))
      .filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
    expect([...new Set(broken)]).toEqual([]);
  });
});
