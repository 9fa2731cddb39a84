import { describe, expect, it } from 'vitest';
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
const pt = filesOf('pt-BR');
const files = [...en.keys()].sort();

describe('renderer translations', () => {
  it('have the same files in both languages', () => {
    expect(files.length).toBeGreaterThan(0);
    expect([...pt.keys()].sort()).toEqual(files);
  });

  it('register every file as a namespace in both languages', () => {
    expect([...namespaces].sort()).toEqual(files);
    expect(Object.keys(resources['pt-BR']).sort()).toEqual(files);
  });

  it.each(files)('%s has the same keys in pt-BR and en', (file) => {
    expect(flatten(pt.get(file) ?? {}).sort()).toEqual(flatten(en.get(file) ?? {}).sort());
  });

  it.each(files)('%s has no empty text and the same {{placeholders}} in both languages', (file) => {
    const enTree = en.get(file) ?? {};
    const ptTree = pt.get(file) ?? {};
    for (const key of flatten(enTree)) {
      expect(lookup(enTree, key)?.trim(), `en ${file} ${key}`).toBeTruthy();
      expect(lookup(ptTree, key)?.trim(), `pt-BR ${file} ${key}`).toBeTruthy();
      expect(placeholders(lookup(ptTree, key)), `${file} ${key}`).toEqual(placeholders(lookup(enTree, key)));
    }
  });
});
