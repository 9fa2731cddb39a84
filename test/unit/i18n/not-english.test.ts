import { describe, expect, it } from 'vitest';
import { catalogStrings, type CatalogName } from './leaks';

/**
 * Strings that may be written exactly as in English, each for a reason. Anything else equal to
 * its English original is an untranslated string on a Brazilian (or Spanish, or Swedish) seller's
 * screen — or an English placeholder copied into a catalog to satisfy the key-parity test.
 */
const SAME_IN_BOTH: Readonly<Record<string, string>> = {
  SKU: 'code',
  SKUs: 'code (Portuguese plural)',
  EAN: 'code',
  ASIN: 'code',
  ISBN: 'code',
  ISMN: 'code',
  ISSN: 'code',
  'GTIN-14': 'code',
  'EAN / GTIN': 'code',
  OK: 'used in Portuguese',
  '—': 'no value',
  Vitrine: 'product name',
  Amazon: 'company',
  'Amazon.com.br': 'store name',
  'Amazon.com': 'store name',
  'Amazon.ca': 'store name',
  'Amazon.com.mx': 'store name',
  'Amazon.co.uk': 'store name',
  'Português (Brasil)': 'a language in its own name',
  English: 'a language in its own name',
  Español: 'a language in its own name',
  Svenska: 'a language in its own name',
  Total: 'Portuguese word',
  Material: 'Portuguese word',
  Item: 'Portuguese word',
  Marketplace: 'the word Brazilian sellers use',
  Marketplaces: 'the word Brazilian sellers use',
  'Kit: {{components}}': 'Portuguese word',
  'Vitrine {{version}} · {{platform}}': 'names only',
  '{{count, number}} SKU': 'code',
  '{{count, number}} SKUs': 'code',
  'Seller ID': "Amazon's name for the merchant token, explained in the connect wizard",
  Feed: "Amazon's name for a file of listings",
};

/** Codes, file types, names ("NF-e (.xml)") and Amazon's program acronyms (FBA, DBA): a string made only of these and placeholders reads the same in any language. */
const CODES = new Set([
  'SKU',
  'SKUs',
  'EAN',
  'ASIN',
  'GTIN',
  'ISBN',
  'ISMN',
  'ISSN',
  'OK',
  'Vitrine',
  'Amazon',
  'REF',
  'DIV',
  'CALC',
  'SPILL',
  'NULL',
  'PDF',
  'pdf',
  'NF',
  'e',
  'xml',
  'XML',
  'csv',
  'CSV',
  'xlsx',
  'FBA',
  'DBA',
]);
const onlyCodes = (value: string) => (value.replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, ' ').match(/\p{L}+/gu) ?? []).every((w) => CODES.has(w));

/** Written alike in English and in Spanish or Swedish, each for a reason (besides SAME_IN_BOTH). */
const ALSO_SAME: Readonly<Record<'es' | 'sv', Readonly<Record<string, string>>>> = {
  es: {
    'Amazon {{country}}': 'names only',
    '{{count, number}} SKU': 'code (invariable in Spanish)',
    '{{field}}: {{reason}}': 'placeholders only',
    no: 'Spanish word',
    No: 'Spanish word',
    Color: 'Spanish word',
    Error: 'Spanish word',
    '#N/A': "Spanish Excel's own error name",
  },
  sv: {
    'Amazon {{country}}': 'names only',
    Status: 'Swedish word',
    'Version {{version}}': 'Swedish word',
    '{{count}} problem': 'Swedish word (plural alike)',
    '{{count, number}} SKU': 'code',
    '{{field}}: {{reason}}': 'placeholders only',
    Region: 'Swedish word',
    Information: 'Swedish word',
    Integration: 'Swedish word',
    Problem: 'Swedish word',
    TEXT: 'Swedish word',
    'STATUS[,STATUS]': 'Swedish word',
  },
};

function sameAsEnglish(locale: 'pt-BR' | 'es' | 'sv', catalog: CatalogName): string[] {
  const en = catalogStrings('en');
  const allowed = locale === 'pt-BR' ? {} : ALSO_SAME[locale];
  return (
    [...catalogStrings(locale)]
      // `….gender` is grammar for the message templates, never shown.
      .filter(
        ([key, value]) =>
          key.startsWith(`${catalog}:`) &&
          !key.endsWith('.gender') &&
          en.get(key) === value &&
          !(value in SAME_IN_BOTH) &&
          !(value in allowed) &&
          !onlyCodes(value),
      )
      .map(([key, value]) => `${key} = ${value}`)
  );
}

describe.each(['pt-BR', 'es', 'sv'] as const)('%s catalogs', (locale) => {
  it.each(['main', 'renderer'] as const)('%s: no string is left in English', (catalog) => {
    expect(sameAsEnglish(locale, catalog)).toEqual([]);
  });
});
