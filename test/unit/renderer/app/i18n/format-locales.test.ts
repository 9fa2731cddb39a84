import { describe, expect, it } from 'vitest';
import { formattersFor } from '../../../../../renderer/app/format';
import { intlLocale } from '../../../../../renderer/app/i18n';

// Intl separates currency and digits with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('numbers, money and dates in Spanish and Swedish', () => {
  it('formats Spanish the Latin-American way unless the system is set to another Spanish region', () => {
    expect(intlLocale('es', 'en-US')).toBe('es-MX');
    expect(intlLocale('es', undefined)).toBe('es-MX');
    expect(intlLocale('es', 'es-ES')).toBe('es-ES');
    expect(intlLocale('es', 'es-419')).toBe('es-419');
    expect(intlLocale('es', 'es_ES.UTF-8')).toBe('es-MX');
    expect(intlLocale('sv', 'en-US')).toBe('sv-SE');
    expect(intlLocale('pt-BR', 'es-ES')).toBe('pt-BR');
  });

  it('writes Mexican pesos, thousands and short dates for the default Spanish', () => {
    const f = formattersFor('es');
    expect(plain(f.money(1234.5, 'MXN'))).toBe('$1,234.50');
    expect(f.number(1234567.5)).toBe('1,234,567.5');
    expect(f.cents(123456)).toBe('1,234.56');
    expect(f.date(new Date(2026, 0, 31))).toBe('31/01/26');
  });

  it('writes kronor, spaces between thousands and ISO dates in Swedish', () => {
    const f = formattersFor('sv');
    expect(plain(f.money(1234.5, 'SEK'))).toBe('1 234,50 kr');
    expect(plain(f.number(1234567.5))).toBe('1 234 567,5');
    expect(plain(f.cents(123456))).toBe('1 234,56');
    expect(f.date(new Date(2026, 0, 31))).toBe('2026-01-31');
    expect(f.country('SE')).toBe('Sverige');
    expect(f.relativeDays(-1)).toBe('i går');
  });

  it('keeps Brazilian money and dates as R$ 1.234,56 and dd/mm/aaaa', () => {
    const f = formattersFor('pt-BR');
    expect(plain(f.money(1234.56, 'BRL'))).toBe('R$ 1.234,56');
    expect(f.date(new Date(2026, 0, 31))).toBe('31/01/2026');
  });
});
