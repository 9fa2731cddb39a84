import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaLike, neutralizeFormulaText, restoreFormulaText } from '../../../main/spreadsheet/formula-text';

describe('formula-like text in files Vitrine writes', () => {
  it.each(['=1+2', '+SUM(A1)', '-2+3 Beatriz', '@cmd', '\t=1', '\r=1', '-', '+', '=', '-1e5', '- 5'])('%j gets a leading apostrophe', (text) => {
    expect(neutralizeFormulaText(text)).toBe(`'${text}`);
  });

  it.each(['-5', '+3', '-1.234,56', '-0,5', 'Ana Silva', '702-1234567-1234567', '', "'", "'abc", "'-5"])('%j is written as it is', (text) => {
    expect(neutralizeFormulaText(text)).toBe(text);
  });

  it('an apostrophe already before formula-like text gets one more, so reading restores it exactly', () => {
    expect(neutralizeFormulaText("'=1")).toBe("''=1");
    expect(restoreFormulaText("''=1")).toBe("'=1");
    expect(restoreFormulaText("'=1")).toBe('=1');
    expect(restoreFormulaText("'abc")).toBe("'abc");
  });

  it('nothing written runs as a formula, and reading gives back what was written, for any text', () => {
    const text = fc.oneof(fc.string(), fc.stringMatching(/^'{0,3}[=+\-@\t\r'0-9.,a]{0,6}$/));
    fc.assert(
      fc.property(text, (value) => {
        const written = neutralizeFormulaText(value);
        expect(formulaLike(written)).toBe(false);
        expect(restoreFormulaText(written)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });
});
