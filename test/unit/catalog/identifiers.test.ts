import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMap } from '../../../main/catalog/columns';
import { compilePlan, mapRow, parseKit, SKU_MAX, type RowPlan } from '../../../main/catalog/row-mapper';
import { codeText, FieldProblem, identifier } from '../../../main/catalog/values';

function problem(fn: () => unknown): { code: string; params: Readonly<Record<string, string | number>> } | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof FieldProblem) return { code: err.code, params: err.params };
    throw err;
  }
}

function plan(headers: string[]): RowPlan {
  const compiled = compilePlan(autoMap(headers));
  if (!compiled) throw new Error('no SKU column');
  return compiled;
}

/** Characters that show nothing where they stand: each would make a second, identical-looking SKU. */
const INVISIBLE = {
  'zero-width space': '\u200b',
  'zero-width joiner': '\u200d',
  'zero-width non-joiner': '\u200c',
  'word joiner': '\u2060',
  BOM: '\ufeff',
  'soft hyphen': '\u00ad',
  'left-to-right mark': '\u200e',
  'right-to-left override': '\u202e',
  'variation selector 16': '\ufe0f',
  'Mongolian vowel separator': '\u180e',
  'Hangul filler': '\u3164',
  'tag letter': '\u{e0041}',
  'a broken surrogate pair': '\ud83d',
} as const;

describe('identifiers (SKU, parent SKU, kit components, characteristic and category names)', () => {
  it('NFC and NFD spellings of one code are one code', () => {
    const nfc = 'CAMISETA-AÇÃO-Ñ-01';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(identifier(nfd, SKU_MAX)).toBe(nfc);
    expect(codeText(nfd, SKU_MAX)).toBe(nfc);
  });

  it('blanks around and inside are trimmed and collapsed, as the eye reads them', () => {
    expect(identifier('  SKU\u00a0 1\t', SKU_MAX)).toBe('SKU 1');
    expect(identifier('\u3000SKU-1\u2003', SKU_MAX)).toBe('SKU-1');
    expect(identifier('   ', SKU_MAX)).toBeNull();
  });

  it.each(Object.entries(INVISIBLE))('a %s anywhere is refused with its code point and position', (_, char) => {
    for (const [text, position] of [
      [`${char}SKU-1`, 1],
      [`SKU${char}-1`, 4],
      [`SKU-1${char}`, 6],
    ] as const) {
      expect(problem(() => identifier(text, SKU_MAX))).toEqual({
        code: 'INVISIBLE_CHARACTER',
        params: { char: `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`, position },
      });
    }
  });

  it('control characters, C1 included, are refused as such', () => {
    expect(problem(() => identifier('SKU\u0007', SKU_MAX))?.code).toBe('CONTROL_CHARACTER');
    expect(problem(() => identifier('SKU\u0085', SKU_MAX))?.code).toBe('CONTROL_CHARACTER');
  });

  it('visible text stays as typed: emoji, accents, other scripts', () => {
    for (const code of ['CANECA-☕-01', '👕-P', 'ação', 'מוצר-1', '日本-01', '=F2', '-5']) expect(identifier(code, SKU_MAX)).toBe(code);
  });

  it('the limit is counted after normalization', () => {
    const nfd = 'Ã'.repeat(SKU_MAX).normalize('NFD');
    expect(nfd.length).toBe(SKU_MAX * 2);
    expect(identifier(nfd, SKU_MAX)).toBe('Ã'.repeat(SKU_MAX));
  });

  it('any two codes that look the same are the same code, or one of them is refused', () => {
    const pieces = fc.constantFrom('a', 'ã', 'a\u0303', 'Ç', 'C\u0327', '-', ' ', '\u00a0', '\u200b', '\ufeff', '1', 'é', 'e\u0301', '\u2060');
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const outcome = problem(() => identifier(text, SKU_MAX));
        if (outcome) {
          expect(outcome.code).toBe('INVISIBLE_CHARACTER');
          return;
        }
        const once = identifier(text, SKU_MAX);
        // Normalizing twice changes nothing, and the NFC and NFD spellings of the text agree.
        expect(once === null ? null : identifier(once, SKU_MAX)).toBe(once);
        expect(identifier(text.normalize('NFD'), SKU_MAX)).toBe(once);
        expect(identifier(text.normalize('NFC'), SKU_MAX)).toBe(once);
      }),
    );
  });
});

describe('the rule in each place a code is read', () => {
  it('SKU and parent SKU of a row', () => {
    const p = plan(['SKU', 'SKU pai', 'Título']);
    expect(mapRow(p, 2, ['AÇÃO-P'.normalize('NFD'), 'AÇÃO'.normalize('NFD'), 'Camiseta']).record).toMatchObject({ sku: 'AÇÃO-P', productKey: 'AÇÃO' });
    expect(mapRow(p, 3, ['A-1\u200b', 'A', 'x']).issues.map((i) => [i.field, i.code])).toEqual([['SKU', 'INVISIBLE_CHARACTER']]);
    expect(mapRow(p, 4, ['A-1', '\ufeffA', 'x']).issues.map((i) => [i.field, i.code])).toEqual([['SKU pai', 'INVISIBLE_CHARACTER']]);
  });

  it('kit components: normalized, a duplicate spelled two ways caught, an invisible character refused', () => {
    expect(parseKit(`CANECA-AÇÃO x2; PIRES-${'É'.normalize('NFD')}`)).toEqual([
      { sku: 'CANECA-AÇÃO', quantity: 2, text: 'CANECA-AÇÃO x2' },
      { sku: 'PIRES-É', quantity: 1, text: `PIRES-${'É'.normalize('NFD')}` },
    ]);
    expect(problem(() => parseKit(`AÇÃO x1; ${'AÇÃO'.normalize('NFD')} x2`))?.code).toBe('INVALID_KIT');
    expect(problem(() => parseKit('CANECA\u200b x2'))).toEqual({ code: 'INVISIBLE_CHARACTER', params: { char: 'U+200B', position: 7 } });
  });

  it('characteristic and category names: look-alike spellings are one name, invisible characters refused', () => {
    const p = plan(['SKU', 'Título', `Característica: ${'Côr'.normalize('NFD')}`, 'Característica: Tamanho\u200b', 'Categoria']);
    const ok = mapRow(p, 2, ['S-1', 'Caneca', 'Azul', '', `Cozinha > ${'Canecas de Café'.normalize('NFD')}`]);
    expect(ok.record).toMatchObject({ characteristics: [['Côr', 'Azul']], category: ['Cozinha', 'Canecas de Café'] });
    expect(mapRow(p, 3, ['S-2', 'Caneca', 'Azul', 'G', 'Cozinha']).issues.map((i) => [i.field, i.code])).toEqual([
      ['Característica: Tamanho\u200b', 'COLUMN_NAME_INVISIBLE'],
    ]);
    expect(mapRow(p, 4, ['S-3', 'Caneca', '', '', 'Cozinha > Ca\u00adnecas']).issues.map((i) => [i.field, i.code])).toEqual([
      ['Categoria', 'INVISIBLE_CHARACTER'],
    ]);
  });
});
