import { describe, expect, it } from 'vitest';
import { resources, mergeMessages } from '../../../main/i18n/resources';
import { matchLocale, Translator } from '../../../main/i18n';

type Tree = { [k: string]: string | Tree };
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

describe('main-process translations', () => {
  const en = resources.en.translation as Tree;
  const pt = resources['pt-BR'].translation as Tree;

  it('pt-BR and en have exactly the same keys', () => {
    expect(keys(pt).sort()).toEqual(keys(en).sort());
  });

  it('each pt-BR string uses the same placeholders as its English original', () => {
    const lookup = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k]!, tree) as string;
    for (const key of keys(en)) expect([key, placeholders(lookup(pt, key))]).toEqual([key, placeholders(lookup(en, key))]);
  });

  it('refuses a key defined twice by two domain files', () => {
    expect(() => mergeMessages({ errors: { A: 'x' } }, { errors: { A: 'y' } })).toThrow(/defined twice/);
    expect(mergeMessages({ errors: { A: 'x' } }, { errors: { B: 'y' } })).toEqual({ errors: { A: 'x', B: 'y' } });
  });

  it('follows the OS locale: Portuguese → pt-BR, anything else → en', () => {
    expect(['pt-BR', 'pt_BR.UTF-8', 'pt-PT', 'en-US', 'es-MX', undefined].map(matchLocale)).toEqual(['pt-BR', 'pt-BR', 'pt-BR', 'en', 'en', 'en']);
  });

  it('switches language at run time', () => {
    const t = new Translator('en');
    expect(t.t('tray.quit')).toBe('Quit');
    t.setLocale('pt-BR');
    expect(t.t('tray.quit')).toBe('Sair');
  });
});
