import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDate, csvField, csvMoney, currencyFormat, neutralizeFormula } from '../../../main/orders/export-format';
import { formulaLike } from '../../../main/spreadsheet/formula-text';

describe('neutralizeFormula', () => {
  it.each(['=1+2', '+SUM(A1)', '-2+3 Beatriz', '@cmd', '\t=1', '\r=1'])('keeps %j as text with a leading apostrophe', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it('leaves ordinary text alone', () => {
    expect(neutralizeFormula('Ana Silva')).toBe('Ana Silva');
    expect(neutralizeFormula('702-1234567-1234567')).toBe('702-1234567-1234567');
    expect(neutralizeFormula('')).toBe('');
  });

  it('never returns text a spreadsheet would evaluate', () => {
    fc.assert(fc.property(fc.string(), (text) => !formulaLike(neutralizeFormula(text))));
  });

  it('leaves a plain signed number as it is: a spreadsheet reads it as the number', () => {
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('-1.234,56')).toBe('-1.234,56');
  });
});

describe('csv cells', () => {
  it('quotes the delimiter, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('João; "Zé"', ';')).toBe('"João; ""Zé"""');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a,b', ',')).toBe('"a,b"');
    expect(csvField('linha 1\nlinha 2', ',')).toBe('"linha 1\nlinha 2"');
    expect(csvField(null, ',')).toBe('');
    expect(csvField(12, ',')).toBe('12');
  });

  it('neutralises formulas except in values Vitrine formatted itself', () => {
    expect(csvField('=1+2', ',')).toBe("'=1+2");
    expect(csvField('-5,00', ';', true)).toBe('-5,00');
  });

  it('writes money with the decimal mark, sign and two decimals', () => {
    expect(csvMoney(18_980, ',')).toBe('189,80');
    expect(csvMoney(5, '.')).toBe('0.05');
    expect(csvMoney(-1_050, '.')).toBe('-10.50');
    expect(csvMoney(null, '.')).toBe('');
  });

  it('writes dates as local wall-clock time', () => {
    const iso = '2026-11-20T10:00:00Z';
    const local = new Date(iso);
    const expected = new Date(local.getTime() - local.getTimezoneOffset() * 60_000).toISOString().slice(0, 19).replace('T', ' ');

    expect(csvDate(iso)).toBe(expected);
    expect(csvDate(null)).toBe('');
    expect(csvDate('not a date')).toBe('');
  });
});

describe('currencyFormat', () => {
  it('uses each market’s symbol and falls back to the ISO code', () => {
    expect(currencyFormat('BRL')).toBe('"R$" #,##0.00');
    expect(currencyFormat('JPY')).toBe('"¥"#,##0');
    expect(currencyFormat('SEK')).toBe('#,##0.00 "SEK"');
    expect(currencyFormat(null)).toBe('#,##0.00');
  });
});
