import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeCheckDigit, expandUpcE, hasValidCheckDigit, isValidIsbn10, isbn10ToIsbn13 } from '../../../main/ean/check-digit';

/** Published examples: GS1 General Specifications, GS1 check digit calculator, ISBN/ISSN/ISMN agencies. */
const PUBLISHED = [
  '4006381333931', // EAN-13
  '5901234123457', // EAN-13
  '9780306406157', // ISBN-13
  '036000291452', // UPC-A
  '96385074', // GTIN-8
  '00012345600012', // GTIN-14
  '9770317847001', // ISSN 0317-8471 as EAN-13
  '9790260000438', // ISMN 979-0-2600-0043-8
];

const digit = fc.integer({ min: 0, max: 9 });
const body = (minLength: number, maxLength: number) => fc.array(digit, { minLength, maxLength }).map((ds) => ds.join(''));
const gtinBody = fc.constantFrom(7, 11, 12, 13).chain((n) => body(n, n));
const withCheck = (b: string) => `${b}${computeCheckDigit(b)}`;

describe('computeCheckDigit', () => {
  it.each(PUBLISHED)('reproduces the check digit of %s', (code) => {
    const expected = Number(code.at(-1));

    const actual = computeCheckDigit(code.slice(0, -1));

    expect(actual).toBe(expected);
  });

  it('refuses a body that is not digits', () => {
    expect(() => computeCheckDigit('12a4')).toThrow(RangeError);
    expect(() => computeCheckDigit('')).toThrow(RangeError);
  });

  it('accepts any body followed by its computed check digit', () => {
    fc.assert(fc.property(gtinBody, (b) => hasValidCheckDigit(withCheck(b))));
  });

  it('rejects every single-digit change (all errors of one digit are caught)', () => {
    const arb = gtinBody.chain((b) => fc.tuple(fc.constant(withCheck(b)), fc.nat({ max: b.length }), fc.integer({ min: 1, max: 9 })));
    fc.assert(
      fc.property(arb, ([code, position, delta]) => {
        const changed = (Number(code[position]) + delta) % 10;
        const mutated = `${code.slice(0, position)}${changed}${code.slice(position + 1)}`;
        return !hasValidCheckDigit(mutated);
      }),
    );
  });

  it('catches a swap of adjacent different digits exactly when they do not differ by 5', () => {
    // Swapping a and b at weights 1 and 3 moves the sum by 2(a−b), a multiple of 10 only when |a−b| = 5:
    // the known blind spot of the GS1 mod-10 scheme.
    const arb = gtinBody.chain((b) => fc.tuple(fc.constant(withCheck(b)), fc.nat({ max: b.length - 1 })));
    fc.assert(
      fc.property(arb, ([code, i]) => {
        const a = Number(code[i]);
        const b = Number(code[i + 1]);
        fc.pre(a !== b);
        const swapped = `${code.slice(0, i)}${b}${a}${code.slice(i + 2)}`;
        return hasValidCheckDigit(swapped) === (Math.abs(a - b) === 5);
      }),
    );
  });

  it('gives the same verdict with or without leading zeros', () => {
    fc.assert(
      fc.property(body(2, 14), fc.nat({ max: 6 }), (code, zeros) => {
        return hasValidCheckDigit(code) === hasValidCheckDigit(`${'0'.repeat(zeros)}${code}`);
      }),
    );
  });
});

describe('ISBN-10', () => {
  it('validates published ISBN-10s, including an X check character', () => {
    expect(isValidIsbn10('0306406152')).toBe(true);
    expect(isValidIsbn10('080442957X')).toBe(true);
    expect(isValidIsbn10('0306406153')).toBe(false);
    expect(isValidIsbn10('08044X9573')).toBe(false);
  });

  it('converts to the published ISBN-13', () => {
    expect(isbn10ToIsbn13('0306406152')).toBe('9780306406157');
    expect(isbn10ToIsbn13('080442957X')).toBe('9780804429573');
  });
});

describe('expandUpcE', () => {
  it('expands the published example 01234565 to UPC-A 012345000065', () => {
    expect(expandUpcE('01234565')).toBe('012345000065');
  });

  it.each([
    ['last digit 0–2: manufacturer keeps it, item is the next three', '01234509', '012000003459'],
    ['last digit 3: three manufacturer digits', '01234539', '012300000459'],
    ['last digit 4: four manufacturer digits', '01234549', '012340000059'],
    ['last digit 5–9: five manufacturer digits', '01234579', '012345000079'],
  ])('%s', (_rule, upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
  });

  it('refuses what is not UPC-E shaped', () => {
    expect(expandUpcE('21234565')).toBeNull();
    expect(expandUpcE('1234565')).toBeNull();
  });
});
