import { describe, expect, it } from 'vitest';
import { catalogStrings, type CatalogName } from './leaks';

/**
 * pt-BR strings that may be written exactly as in English, each for a reason. Anything else equal
 * to its English original is an untranslated string on a Brazilian seller's screen.
 */
const SAME_IN_BOTH: Readonly<Record<string, string>> = {
  SKU: 'code', SKUs: 'code (Portuguese plural)', EAN: 'code', ASIN: 'code', ISBN: 'code', ISMN: 'code', ISSN: 'code',
  'GTIN-14': 'code', 'EAN / GTIN': 'code', OK: 'used in Portuguese', '—': 'no value',
  Vitrine: 'product name', Amazon: 'company', 'Amazon.com.br': 'store name', 'Amazon.com': 'store name', 'Amazon.ca': 'store name',
  'Amazon.com.mx': 'store name', 'Amazon.co.uk': 'store name',
  'Português (Brasil)': 'a language in its own name', English: 'a language in its own name', Español: 'a language in its own name',
  Svenska: 'a language in its own name',
  Total: 'Portuguese word', Material: 'Portuguese word', Item: 'Portuguese word', Marketplace: 'the word Brazilian sellers use',
  Marketplaces: 'the word Brazilian sellers use', 'Kit: {{components}}': 'Portuguese word',
  'Vitrine {{version}} · {{platform}}': 'names only', '{{count, number}} SKU': 'code', '{{count, number}} SKUs': 'code',
  'Seller ID': "Amazon's name for the merchant token, explained in the connect wizard",
  Feed: "Amazon's name for a file of listings",
};

/** Codes, file types and names ("NF-e (.xml)"): a string made only of these and placeholders reads the same in any language. */
const CODES = new Set(['SKU', 'SKUs', 'EAN', 'ASIN', 'GTIN', 'ISBN', 'ISMN', 'ISSN', 'OK', 'Vitrine', 'Amazon', 'REF', 'DIV', 'CALC', 'SPILL', 'NULL', 'PDF', 'pdf', 'NF', 'e', 'xml', 'XML', 'csv', 'CSV', 'xlsx']);
const onlyCodes = (value: string) => (value.replace(/\{\{[^}]*\}\}/g, ' ').match(/\p{L}+/gu) ?? []).every((w) => CODES.has(w));

function sameAsEnglish(catalog: CatalogName): string[] {
  const en = catalogStrings('en');
  return [...catalogStrings('pt-BR')]
    .filter(([key, value]) => key.startsWith(`${catalog}:`) && en.get(key) === value && !(value in SAME_IN_BOTH) && !onlyCodes(value))
    .map(([key, value]) => `${key} = ${value}`);
}

describe('pt-BR catalogs', () => {
  it.each(['main', 'renderer'] as const)('%s: no string is left in English', (catalog) => {
    expect(sameAsEnglish(catalog)).toEqual([]);
  });
});
