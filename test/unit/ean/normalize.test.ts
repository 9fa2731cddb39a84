import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeGtin } from '../../../main/ean/normalize';
import { withCheckDigit } from '../../../main/ean/gtin';

const codes = (raw: string | number) => normalizeGtin(raw).problems.map((p) => p.code);

describe('normalizeGtin', () => {
  it('keeps the digits of a wrong code so an import can store it as invalid', () => {
    expect(normalizeGtin('4006381333932')).toEqual({ digits: '4006381333932', problems: [] });
    expect(normalizeGtin('12345').digits).toBe('12345');
  });

  it('answers no digits when none can be trusted', () => {
    expect(normalizeGtin('7,89123E+12')).toMatchObject({ digits: null });
    expect(normalizeGtin('ABC-123')).toMatchObject({ digits: null });
    expect(normalizeGtin("'")).toMatchObject({ digits: null });
    expect(codes("'")).toEqual(['FORMATTING_REMOVED', 'EMPTY']);
  });

  it('does not restore zeros when the check digit does not then hold', () => {
    const result = normalizeGtin('36000291453');

    expect(result.digits).toBe('36000291453');
    expect(codes('36000291453')).toEqual([]);
  });

  it('finds the same digits whatever separators were typed between them', () => {
    const code = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((ds) => withCheckDigit(ds.join('')));
    const separator = fc.constantFrom(' ', '-', '.', '\u00A0', '–');
    fc.assert(
      fc.property(code, fc.array(fc.tuple(fc.nat({ max: 12 }), separator), { maxLength: 4 }), (digits, cuts) => {
        const typed = cuts.sort(([a], [b]) => b - a).reduce((text, [at, sep]) => `${text.slice(0, at)}${sep}${text.slice(at)}`, digits);
        // A cut at the very end would look like a decimal point: keep cuts inside the code.
        fc.pre(!/[.,]0{1,2}$/.test(typed) && !/^[.,]/.test(typed));
        return normalizeGtin(typed).digits === digits;
      }),
    );
  });
});
