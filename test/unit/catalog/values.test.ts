import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cents, count, decimalFromText, FieldProblem, flag, gtinValue, lineText, measure } from '../../../main/catalog/values';
import { SheetError } from '../../../main/spreadsheet/cell';

function problemCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    if (err instanceof FieldProblem) return err.code;
    throw err;
  }
}

describe('cell values', () => {
  it.each([
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['R$ 19,90', 1990],
    ['$19.90', 1990],
    ['1 234,5', 123450],
    ['19', 1900],
    ['0,125', 13],
    ['1.500', 150000],
    ['1.234.567,89', 123456789],
  ])('price %s → %i cents', (text, expected) => {
    expect(cents(text)).toBe(expected);
  });

  it('reads any amount written the Brazilian or the US way back to the same cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), (value) => {
        const br = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2 }).format(value / 100);
        const us = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(value / 100);
        expect(cents(br)).toBe(value);
        expect(cents(us)).toBe(value);
      }),
    );
  });

  it('reads ambiguous three-digit decimals as decimals for weights', () => {
    expect(measure('1,250', 1000)).toBe(1250);
    expect(decimalFromText('1,250', 'thousands')).toBe(1250);
  });

  it('rejects what is not a usable number with a stable code', () => {
    expect(problemCode(() => cents('abc'))).toBe('NOT_A_NUMBER');
    expect(problemCode(() => cents('12abc'))).toBe('NOT_A_NUMBER');
    expect(problemCode(() => cents(-1))).toBe('NEGATIVE');
    expect(problemCode(() => count('2,5'))).toBe('NOT_AN_INTEGER');
    expect(problemCode(() => cents(new Date(2024, 0, 1)))).toBe('UNEXPECTED_DATE');
    expect(problemCode(() => cents(new SheetError('#N/A')))).toBe('CELL_ERROR');
    expect(problemCode(() => cents(new SheetError('#NO_VALUE')))).toBe('FORMULA_WITHOUT_VALUE');
  });

  it('accepts float noise on whole counts and stray spaces in text', () => {
    expect(count(4.9999999999)).toBe(5);
    expect(count(' 1.234 ')).toBe(1234);
    expect(lineText('  Camiseta\u00a0  Azul ', 100)).toBe('Camiseta Azul');
    expect(lineText('   ', 100)).toBeNull();
    expect(problemCode(() => lineText('x'.repeat(1_000_000), 500))).toBe('TOO_LONG');
  });

  it('reads yes/no in pt-BR, en and es', () => {
    expect(['sim', 'Yes', 'sí', 'x', 1, true].map((v) => flag(v))).toEqual([true, true, true, true, true, true]);
    expect(['não', 'no', 'FALSE', 0].map((v) => flag(v))).toEqual([false, false, false, false]);
    expect(problemCode(() => flag('talvez'))).toBe('NOT_A_BOOLEAN');
  });

  it('cleans EANs, recovers numbers, rejects scientific notation and keeps bad check digits as invalid', () => {
    expect(gtinValue(' 789-1234-567895 ')).toEqual({ gtin: '7891234567895', status: 'valid' });
    expect(gtinValue(7891234567895)).toEqual({ gtin: '7891234567895', status: 'valid' });
    expect(gtinValue('7891234567890')).toEqual({ gtin: '7891234567890', status: 'invalid' });
    expect(problemCode(() => gtinValue('7.89123E+12'))).toBe('GTIN_SCIENTIFIC');
    expect(problemCode(() => gtinValue('ABC'))).toBe('GTIN_NOT_DIGITS');
    expect(gtinValue('')).toBeNull();
  });
});
