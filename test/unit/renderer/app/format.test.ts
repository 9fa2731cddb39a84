import { describe, expect, it } from 'vitest';
import { formattersFor } from '../../../../renderer/app/format';

// Intl output uses narrow/non-breaking spaces in places; compare with spaces normalised.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formattersFor', () => {
  it('formats numbers per locale', () => {
    expect(formattersFor('pt-BR').number(1234567.5)).toBe('1.234.567,5');
    expect(formattersFor('en').number(1234567.5)).toBe('1,234,567.5');
  });

  it('formats money in the given currency', () => {
    expect(plain(formattersFor('pt-BR').money(1999.9, 'BRL'))).toBe('R$ 1.999,90');
    expect(formattersFor('en').money(1999.9, 'USD')).toBe('$1,999.90');
  });

  it('formats dates per locale', () => {
    const d = new Date(2026, 10, 22, 9, 5);
    expect(formattersFor('pt-BR').date(d)).toBe('22/11/2026');
    expect(formattersFor('en').date(d)).toBe('11/22/26');
  });

  it('formats ratios as percentages', () => {
    expect(plain(formattersFor('pt-BR').percent(0.42))).toBe('42%');
  });

  it('shows store prices kept in cents with two decimals and no currency', () => {
    expect(formattersFor('pt-BR').cents(123456)).toBe('1.234,56');
    expect(formattersFor('en').cents(5)).toBe('0.05');
  });

  it('shows store prices as money in the header marketplace currency (R$ 1.234,56), plain without one', () => {
    expect(plain(formattersFor('pt-BR', 'BRL').price(123456))).toBe('R$ 1.234,56');
    expect(plain(formattersFor('pt-BR', 'BRL').price(1990))).toBe('R$ 19,90');
    expect(formattersFor('en', 'USD').price(5)).toBe('$0.05');
    expect(formattersFor('pt-BR').price(123456)).toBe('1.234,56');
    expect(formattersFor('pt-BR', 'BRL')).not.toBe(formattersFor('pt-BR'));
  });

  it('names countries and relative days in the locale', () => {
    expect(formattersFor('pt-BR').country('US')).toBe('Estados Unidos');
    expect(formattersFor('en').country('BR')).toBe('Brazil');
    expect(formattersFor('pt-BR').relativeDays(1)).toBe('amanhã');
    expect(formattersFor('en').relativeDays(3)).toBe('in 3 days');
  });

  it('reuses one set of formatters per locale', () => {
    expect(formattersFor('en')).toBe(formattersFor('en'));
  });
});
