import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPriceRule, kitQuantity, oneYearAfter, quantityToSend } from '../../../main/listings/pricing';

describe('applyPriceRule', () => {
  it.each([
    [10, {}, 10],
    [19.9, { multiplier: 3 }, 59.7],
    [49.99, { multiplier: 1.2, fixedAmount: 5 }, 64.99],
    [10, { rounding: 'cents_90' as const }, 10.9],
    [10.9, { rounding: 'cents_90' as const }, 10.9],
    [10.95, { rounding: 'cents_90' as const }, 11.9],
    [10.99, { rounding: 'cents_99' as const }, 10.99],
    [11, { rounding: 'cents_99' as const }, 11.99],
  ])('turns %s with %o into %s', (price, rule, expected) => {
    expect(applyPriceRule(price, rule)).toBe(expected);
  });

  it('never rounds below the computed price and always ends in the chosen cents', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('cents_90' as const, 'cents_99' as const), (cents, rounding) => {
        const result = applyPriceRule(cents / 100, { rounding });
        const resultCents = Math.round(result * 100);
        expect(resultCents).toBeGreaterThanOrEqual(cents);
        expect(resultCents - cents).toBeLessThan(100);
        expect(resultCents % 100).toBe(rounding === 'cents_90' ? 90 : 99);
      }),
    );
  });
});

describe('quantities', () => {
  it('counts complete kits from the scarcest component', () => {
    expect(
      kitQuantity([
        { sku: 'A', quantityPerKit: 2, stock: 9 },
        { sku: 'B', quantityPerKit: 3, stock: 30 },
      ]),
    ).toBe(4);
    expect(kitQuantity([])).toBe(0);
    expect(kitQuantity([{ sku: 'A', quantityPerKit: 1, stock: -3 }])).toBe(0);
  });

  it('applies the safety stock to kits as well', () => {
    const kit = { sku: 'K', price: 1, stock: 0, isKit: true, kitComponents: [{ sku: 'A', quantityPerKit: 1, stock: 2 }] };

    expect(quantityToSend(kit, { safetyStock: 3 })).toBe(0);
    expect(quantityToSend(kit, { safetyStock: 2 })).toBe(2);
  });

  it('never sends a negative stock', () => {
    expect(quantityToSend({ sku: 'S', price: 1, stock: -4 }, {})).toBe(0);
  });
});

describe('oneYearAfter', () => {
  it('keeps the day, also from a date-time', () => {
    expect(oneYearAfter('2026-11-22')).toBe('2027-11-22');
    expect(oneYearAfter('2026-03-01T10:00:00Z')).toBe('2027-03-01');
  });
});
