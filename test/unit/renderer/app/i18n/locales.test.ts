import { describe, expect, it } from 'vitest';
import { localeSchema } from '../../../../../preload/contract';
import { asLocale, createI18n, matchLocale, MISSING_KEYS } from '../../../../../renderer/app/i18n';
import { namespaces, resources } from '../../../../../renderer/app/i18n/resources';

type Tree = { readonly [key: string]: string | Tree };

// Every JSON file on disk, registered or not: a file missing from resources.ts is a bug too.
const onDisk = import.meta.glob<Tree>('../../../../../renderer/app/i18n/locales/*/*.json', { eager: true, import: 'default' });

function filesOf(lang: string): Map<string, Tree> {
  const out = new Map<string, Tree>();
  for (const [path, tree] of Object.entries(onDisk)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (match?.[1] === lang && match[2]) out.set(match[2], tree);
  }
  return out;
}

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatten(v, `${prefix}${k}.`)));
}

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

const placeholders = (s: string | undefined) => [...(s ?? '').matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const en = filesOf('en');
const files = [...en.keys()].sort();
const languagesOnDisk = [...new Set(Object.keys(onDisk).map((p) => /locales\/([^/]+)\//.exec(p)?.[1]))].sort();
const others = localeSchema.options.filter((l) => l !== 'en');
const fileCases = others.flatMap((lang) => files.map((file) => [lang, file] as const));

describe('renderer translations', () => {
  it('have a folder for every supported language and no other', () => {
    expect(languagesOnDisk).toEqual([...localeSchema.options].sort());
  });

  it.each(others)('%s has the same files as en', (lang) => {
    expect(files.length).toBeGreaterThan(0);
    expect([...filesOf(lang).keys()].sort()).toEqual(files);
  });

  it('register every file as a namespace in every language', () => {
    expect([...namespaces].sort()).toEqual(files);
    for (const lang of localeSchema.options) expect(Object.keys(resources[lang]).sort(), lang).toEqual(files);
  });

  it.each(fileCases)('%s %s has exactly the keys of en', (lang, file) => {
    expect(flatten(filesOf(lang).get(file) ?? {}).sort()).toEqual(flatten(en.get(file) ?? {}).sort());
  });

  it.each(fileCases)('%s %s has no empty text and the same {{placeholders}} as en', (lang, file) => {
    const enTree = en.get(file) ?? {};
    const tree = filesOf(lang).get(file) ?? {};
    for (const key of flatten(enTree)) {
      expect(lookup(enTree, key)?.trim(), `en ${file} ${key}`).toBeTruthy();
      expect(lookup(tree, key)?.trim(), `${lang} ${file} ${key}`).toBeTruthy();
      expect(placeholders(lookup(tree, key)), `${lang} ${file} ${key}`).toEqual(placeholders(lookup(enTree, key)));
    }
  });

  it.each(others)('%s names itself in the language picker in its own language', (lang) => {
    const own = (lookup(filesOf(lang).get('common') ?? {}, `languages.${lang}`) ?? '').trim();
    expect(own).not.toBe('');
    for (const l of localeSchema.options) expect(lookup(filesOf(l).get('common') ?? {}, `languages.${lang}`), l).toBe(own);
  });
});

describe('renderer locale choice', () => {
  it('follows the browser language: Portuguese → pt-BR, Spanish → es, Swedish → sv, else en', () => {
    expect(['pt-BR', 'pt', 'pt-PT', 'es-MX', 'es-ES', 'ES', 'sv-SE', 'sv', 'en-US', 'de-DE', 'swa', 'esperanto', undefined].map(matchLocale)).toEqual([
      'pt-BR',
      'pt-BR',
      'pt-BR',
      'es',
      'es',
      'es',
      'sv',
      'sv',
      'en',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('reads i18next language back as a Vitrine locale', () => {
    expect(['pt-BR', 'es', 'sv', 'en', 'de', undefined].map(asLocale)).toEqual(['pt-BR', 'es', 'sv', 'en', 'en', 'en']);
  });
});

describe('keys no catalog has', () => {
  it('are collected for tests that ask for them, and the screen shows the key', () => {
    const host = globalThis as { [MISSING_KEYS]?: string[] };
    host[MISSING_KEYS] = [];
    try {
      const i18n = createI18n('sv');
      expect(i18n.t('shell:nav.products')).toBe('Produkter');
      expect(i18n.t('shell:nav.nowhere')).toBe('nav.nowhere');
      expect(host[MISSING_KEYS]).toEqual(['shell:nav.nowhere']);
    } finally {
      delete host[MISSING_KEYS];
    }
  });
});
