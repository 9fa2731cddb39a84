import { describe, expect, it } from 'vitest';
import { toCents } from '../../../main/orders/money';

describe('toCents', () => {
  it('reads Amazon decimal strings exactly, without floating point drift', () => {
    expect(toCents('89.90')).toBe(8990);
    expect(toCents('0.29')).toBe(29);
    expect(toCents('1500')).toBe(150_000);
    expect(toCents('19.9')).toBe(1990);
    expect(toCents(' 10.00 ')).toBe(1000);
  });

  it('rounds extra decimals half up and keeps the sign', () => {
    expect(toCents('1.005')).toBe(101);
    expect(toCents('1.004')).toBe(100);
    expect(toCents('-2.50')).toBe(-250);
    expect(toCents(12.34)).toBe(1234);
  });

  it('refuses what is not a number', () => {
    expect(toCents('')).toBeNull();
    expect(toCents('R$ 10,00')).toBeNull();
    expect(toCents('1e3')).toBeNull();
  });
});
