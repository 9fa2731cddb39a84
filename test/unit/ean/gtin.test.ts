import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandUpcE } from '../../../main/ean/check-digit';
import { checkGtin, hasValidCheckDigit, isWellFormedGtin, toGtin14, withCheckDigit, type GtinCheck } from '../../../main/ean/gtin';

const codes = (check: GtinCheck) => check.problems.map((p) => p.code);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));
const validGtin = fc.constantFrom(7, 11, 12, 13).chain((n) => digits(n).map(withCheckDigit));

describe('checkGtin on published GS1 examples', () => {
  it.each([
    ['4006381333931', 'GTIN-13', '04006381333931'],
    ['5901234123457', 'GTIN-13', '05901234123457'],
    ['036000291452', 'GTIN-12', '00036000291452'],
    ['96385074', 'GTIN-8', '00000096385074'],
    ['00012345600012', 'GTIN-14', '00012345600012'],
    ['9780306406157', 'ISBN', '09780306406157'],
    ['9770317847001', 'ISSN', '09770317847001'],
  ] as const)('accepts %s as %s', (input, kind, gtin14) => {
    const result = checkGtin(input);

    expect(result).toMatchObject({ input, valid: true, kind, gtin14 });
    expect(result.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('names book, music and serial numbers without rejecting them', () => {
    expect(codes(checkGtin('9780306406157'))).toEqual(['ISBN']);
    expect(codes(checkGtin('9790260000438'))).toEqual(['ISMN']);
    expect(codes(checkGtin('9770317847001'))).toEqual(['ISSN']);
  });
});

describe('checkGtin errors', () => {
  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['--', 'EMPTY'],
    ['abc', 'NOT_DIGITS'],
    ['40063813339X1', 'NOT_DIGITS'],
    ['12345', 'LENGTH'],
    ['400638133393100', 'LENGTH'],
    ['4006381333932', 'CHECK_DIGIT'],
    ['0000000000000', 'ALL_ZEROS'],
  ] as const)('rejects %j with %s', (input, code) => {
    const result = checkGtin(input);

    expect(result.valid).toBe(false);
    expect(result.gtin14).toBeNull();
    expect(codes(result)).toContain(code);
    expect(result.problems.find((p) => p.code === code)?.severity).toBe('error');
  });

  it('keeps the kind of a code whose only fault is the check digit', () => {
    expect(checkGtin('4006381333932').kind).toBe('GTIN-13');
  });

  it('never guesses digits lost to scientific notation', () => {
    for (const input of ['7.89123E+12', '7,89123E+12', '7.891234567895e12', "'4.00638E+12"]) {
      const result = checkGtin(input);

      expect(result).toMatchObject({ valid: false, gtin14: null, kind: null });
      expect(codes(result)).toContain('SCIENTIFIC_NOTATION');
    }
  });

  it('rejects numbers that cannot be codes', () => {
    expect(codes(checkGtin(-4006381333931))).toEqual(['NOT_DIGITS']);
    expect(codes(checkGtin(4006381333931.5))).toEqual(['NOT_DIGITS']);
    expect(codes(checkGtin(Number.NaN))).toEqual(['NOT_DIGITS']);
    expect(codes(checkGtin(2 ** 60))).toEqual(['LENGTH']);
  });
});

describe('GS1 prefixes Amazon rejects', () => {
  it.each([
    ['GTIN-13 020–029 (regional variable weight)', '020123456789'],
    ['GTIN-13 029', '029999999999'],
    ['GTIN-13 040–049 (in-store)', '040000000001'],
    ['GTIN-13 200–299', '200123456789'],
    ['GTIN-13 299', '299999999999'],
    ['UPC-A number system 2', '21234567890'],
    ['UPC-A number system 4', '41234567890'],
    ['GTIN-8 RCN-8 starting with 0 (not a UPC-E)', '0123450'],
    ['GTIN-8 RCN-8 starting with 2', '2123456'],
    ['GTIN-14 with a restricted item inside', '1200123456789'],
  ])('%s is restricted circulation', (_label, body) => {
    const result = checkGtin(withCheckDigit(body));

    expect(result.valid).toBe(false);
    expect(result.gtin14).not.toBeNull();
    expect(codes(result)).toContain('RESTRICTED_CIRCULATION');
  });

  it.each(['980123456789', '981123456789', '984123456789', '990123456789', '999999999999'])('%s… is a coupon or refund receipt', (body) => {
    const result = checkGtin(withCheckDigit(body));

    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(['COUPON']);
  });

  it.each([
    ['UPC-A number system 0', '01234567890'],
    ['UPC-A number system 3 (drugs)', '31234567890'],
    ['UPC-A number system 7', '71234567890'],
    ['GTIN-13 030', '030123456789'],
    ['GTIN-13 050', '050123456789'],
    ['GTIN-13 190 (GS1 US) next to 200', '190123456789'],
    ['GTIN-13 300 next to 299', '300123456789'],
    ['GTIN-13 789 (Brazil)', '789123456789'],
    ['GTIN-13 976 next to 977', '976123456789'],
    ['GTIN-8 GS1-8 prefix 300', '3001234'],
  ])('%s is an ordinary trade item', (_label, body) => {
    const result = checkGtin(withCheckDigit(body));

    expect(result).toMatchObject({ valid: true, problems: [] });
  });

  it('warns about GTIN-8 prefixes GS1 does not allocate and variable-measure GTIN-14s', () => {
    expect(codes(checkGtin(withCheckDigit('9801234')))).toEqual(['UNASSIGNED_PREFIX']);
    expect(codes(checkGtin(withCheckDigit('1501234')))).toEqual(['UNASSIGNED_PREFIX']);
    expect(codes(checkGtin(withCheckDigit('9789123456789')))).toEqual(['VARIABLE_MEASURE']);
  });
});

describe('spreadsheet and typing damage', () => {
  it('recovers a UPC-A whose leading zero a spreadsheet dropped', () => {
    const result = checkGtin(36000291452);

    expect(result).toMatchObject({ input: '36000291452', valid: true, kind: 'GTIN-12', gtin14: '00036000291452' });
    expect(result.problems).toEqual([{ code: 'LEADING_ZEROS_RECOVERED', severity: 'warning' }]);
  });

  it('recovers several lost zeros but only when the check digit then holds', () => {
    expect(checkGtin('12345600012')).toMatchObject({ valid: true, gtin14: '00012345600012' });
    expect(hasValidCheckDigit('001234560002')).toBe(false);
    expect(checkGtin('1234560002')).toMatchObject({ valid: false, gtin14: null });
    expect(codes(checkGtin('36000291453'))).toEqual(['LENGTH']);
  });

  it('treats an EAN-13 that lost its leading zero as the same product as its UPC-A', () => {
    expect(checkGtin(36000291452).gtin14).toBe(checkGtin('0036000291452').gtin14);
  });

  it.each([
    ["'036000291452", '00036000291452'],
    ['="036000291452"', '00036000291452'],
    ['4006381 333931', '04006381333931'],
    ['40-0638-133393-1', '04006381333931'],
    ['400.638.133.393.1', '04006381333931'],
    ['4006381333931.0', '04006381333931'],
    ['4006381333931,00', '04006381333931'],
    ['\uFEFF 4006381333931\u00A0', '04006381333931'],
    ['４００６３８１３３３９３１', '04006381333931'],
    ['978-0-306-40615-7', '09780306406157'],
  ])('cleans %j', (input, gtin14) => {
    const result = checkGtin(input);

    expect(result).toMatchObject({ input, valid: true, gtin14 });
    expect(result.problems.every((p) => p.severity === 'info')).toBe(true);
  });

  it('expands a UPC-E to its UPC-A, also when a numeric cell dropped its leading 0', () => {
    const typed = checkGtin('01234565');
    const numeric = checkGtin(1234565);

    expect(typed).toMatchObject({ valid: true, kind: 'GTIN-12', gtin14: '00012345000065' });
    expect(codes(typed)).toEqual(['UPC_E_EXPANDED']);
    expect(numeric.gtin14).toBe('00012345000065');
    expect(codes(numeric)).toEqual(['LEADING_ZEROS_RECOVERED', 'UPC_E_EXPANDED']);
  });

  it('keeps an 8-digit code starting with 1 as a GTIN-8 when it is one', () => {
    expect(checkGtin('12345670')).toMatchObject({ valid: true, kind: 'GTIN-8', problems: [] });
  });

  it('converts an ISBN-10 to ISBN-13 and says so', () => {
    const result = checkGtin('0-8044-2957-X');

    expect(result).toMatchObject({ valid: true, kind: 'ISBN', gtin14: '09780804429573' });
    expect(codes(result)).toContain('ISBN10_CONVERTED');
  });
});

describe('GTIN-14 normalization', () => {
  it('round-trips: the 14-digit form ends with the code and pads only zeros', () => {
    fc.assert(
      fc.property(validGtin, (code) => {
        const gtin14 = toGtin14(code);
        return gtin14.length === 14 && gtin14.endsWith(code) && /^0*$/.test(gtin14.slice(0, 14 - code.length));
      }),
    );
  });

  it('does not depend on how many leading zeros the code was written with (an 8-digit UPC-E aside)', () => {
    fc.assert(
      fc.property(validGtin, fc.nat({ max: 6 }), (code, zeros) => {
        const padded = `${'0'.repeat(zeros)}${code}`;
        fc.pre(isWellFormedGtin(padded));
        // 8 digits starting with 0 are read as a UPC-E (see normalize.ts): a different product.
        fc.pre(!codes(checkGtin(code)).includes('UPC_E_EXPANDED'));
        return toGtin14(padded) === toGtin14(code) && checkGtin(padded).gtin14 === checkGtin(code).gtin14;
      }),
    );
  });

  it('agrees with checkGtin for every well-formed code, or with its UPC-A when read as a UPC-E', () => {
    fc.assert(
      fc.property(validGtin, (code) => {
        const result = checkGtin(code);
        const upcE = codes(result).includes('UPC_E_EXPANDED');
        return result.gtin14 === toGtin14(upcE ? (expandUpcE(code) ?? '') : code);
      }),
    );
  });

  it('refuses to pad something that is not a GTIN', () => {
    expect(() => toGtin14('4006381333932')).toThrow(RangeError);
    expect(() => toGtin14('1234567')).toThrow(RangeError);
  });
});
