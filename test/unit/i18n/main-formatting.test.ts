import { describe, expect, it } from 'vitest';
import { intlLocale, Translator } from '../../../main/i18n';
import { issueParams } from '../../../main/orders/service';

const plain = (s: unknown) => String(s).replace(/[\u00a0\u202f]/g, ' ');

describe('main-process formats per language', () => {
  it('formats Spanish for the system’s Spanish region, Mexico otherwise; Swedish for Sweden', () => {
    expect(intlLocale('es', 'es-ES')).toBe('es-ES');
    expect(intlLocale('es', 'en-US')).toBe('es-MX');
    expect(intlLocale('sv', 'en-US')).toBe('sv-SE');
    expect(intlLocale('pt-BR', 'es-ES')).toBe('pt-BR');
    expect(new Translator('sv').intlLocale).toBe('sv-SE');
  });

  it('writes the money of an order issue as the seller reads it', () => {
    const issue = { code: 'PRICE_DIVERGENCE', params: { paidCents: 123450, expectedCents: 99990, currency: 'SEK', percent: 23 } } as const;
    const sv = new Translator('sv');
    const params = issueParams(issue, sv.intlLocale);
    expect([plain(params['paid']), plain(params['expected'])]).toEqual(['1 234,50 kr', '999,90 kr']);
    expect(plain(sv.t('orders.issues.PRICE_DIVERGENCE', { sku: 'VAS-1', ...params }))).toBe(
      'SKU VAS-1 såldes för 1 234,50 kr, 23 % från det förväntade priset 999,90 kr.',
    );
    expect(plain(issueParams({ ...issue, params: { ...issue.params, currency: 'BRL' } }, new Translator('pt-BR').intlLocale)['paid'])).toBe('R$ 1.234,50');
  });
});
