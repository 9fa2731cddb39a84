import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources, mergeMessages } from '../../../main/i18n/resources';
import { matchLocale, SUPPORTED_LOCALES, Translator } from '../../../main/i18n';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]!).sort();
}
const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree | undefined>((t, k) => (typeof t === 'object' ? t[k] : undefined), tree);

const LOCALES_DIR = join(import.meta.dirname, '../../../main/i18n/locales');
const others = SUPPORTED_LOCALES.filter((l) => l !== 'en');

describe('main-process translations', () => {
  const en = resources.en.translation as Tree;

  it('has a folder with the same domain files for every supported language, and each is registered', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const files = readdirSync(join(LOCALES_DIR, 'en')).sort();
    for (const lang of SUPPORTED_LOCALES) {
      expect(readdirSync(join(LOCALES_DIR, lang)).sort(), lang).toEqual(files);
      expect(Object.keys(resources).includes(lang), lang).toBe(true);
    }
  });

  it.each(others)('%s has exactly the keys of en', (lang) => {
    expect(keys(resources[lang].translation as Tree).sort()).toEqual(keys(en).sort());
  });

  it.each(others)('each %s string is non-empty and uses the same placeholders as its English original', (lang) => {
    const tree = resources[lang].translation as Tree;
    for (const key of keys(en)) {
      const text = lookup(tree, key);
      expect(typeof text === 'string' && text.trim() !== '', `${lang} ${key}`).toBe(true);
      expect([key, placeholders(String(text))]).toEqual([key, placeholders(lookup(en, key) as string)]);
    }
  });

  it('refuses a key defined twice by two domain files', () => {
    expect(() => mergeMessages({ errors: { A: 'x' } }, { errors: { A: 'y' } })).toThrow(/defined twice/);
    expect(mergeMessages({ errors: { A: 'x' } }, { errors: { B: 'y' } })).toEqual({ errors: { A: 'x', B: 'y' } });
  });

  it('follows the OS locale: Portuguese → pt-BR, Spanish → es, Swedish → sv, anything else → en', () => {
    expect(['pt-BR', 'pt_BR.UTF-8', 'pt-PT', 'es-MX', 'es_ES.UTF-8', 'sv_SE.UTF-8', 'sv', 'en-US', 'de-DE', 'C', '', undefined].map(matchLocale)).toEqual([
      'pt-BR',
      'pt-BR',
      'pt-BR',
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

  it('switches language at run time', () => {
    const t = new Translator('en');
    expect(t.t('tray.quit')).toBe('Quit');
    t.setLocale('pt-BR');
    expect(t.t('tray.quit')).toBe('Sair');
    t.setLocale('es');
    expect(t.t('tray.quit')).toBe('Salir');
  });
});
