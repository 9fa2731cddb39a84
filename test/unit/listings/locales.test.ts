import { describe, expect, it } from 'vitest';
import en from '../../../main/i18n/locales/en/listings.json';
import pt from '../../../main/i18n/locales/pt-BR/listings.json';
import type { IssueCode } from '../../../main/listings/types';

const CODES: readonly IssueCode[] = [
  'missing',
  'missing_field',
  'not_allowed',
  'too_long',
  'too_short',
  'too_many',
  'too_few',
  'out_of_range',
  'wrong_type',
  'wrong_format',
  'unknown_attribute',
  'invalid',
];

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([k, v]) => keys(v, prefix === '' ? k : `${prefix}.${k}`))
    .sort();
}

describe('listings messages', () => {
  it('have the same keys in English and Brazilian Portuguese', () => {
    expect(keys(en)).toEqual(keys(pt));
  });

  it('cover every issue code, with and without a store field', () => {
    for (const code of CODES) {
      expect(pt.listings.issues, code).toHaveProperty(code);
      expect(pt.listings.issuesWithStoreField, code).toHaveProperty(code);
    }
  });

  it('name the store field wherever one is known', () => {
    const withField = Object.values(pt.listings.issuesWithStoreField).concat(Object.values(en.listings.issuesWithStoreField));

    expect(withField.filter((m) => !m.includes('{{storeField}}'))).toEqual([]);
  });
});
