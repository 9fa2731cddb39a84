import { describe, expect, it } from 'vitest';
import { Translator } from '../../../main/i18n';
import { linkGate } from '../../../main/linking/gate';

describe('linkGate', () => {
  it('sends a SKU no existing offer is linked to under its own SKU', () => {
    expect(linkGate('LOJA-1', undefined)).toEqual({ send: true, amazonSku: 'LOJA-1' });
  });

  it('sends nothing until the seller decides, and nothing for an offer kept as on Amazon', () => {
    expect(linkGate('LOJA-1', { amazonSku: 'AMZ-1', treatment: 'unconfirmed' })).toEqual({ send: false, reason: 'link_unconfirmed' });
    expect(linkGate('LOJA-1', { amazonSku: 'AMZ-1', treatment: 'keep-amazon' })).toEqual({ send: false, reason: 'link_keeps_amazon' });
  });

  it('sends a managed offer under its Amazon SKU, so no second offer appears', () => {
    expect(linkGate('LOJA-1', { amazonSku: 'AMZ-1', treatment: 'vitrine-manages' })).toEqual({ send: true, amazonSku: 'AMZ-1' });
  });

  it('explains each reason in both languages', () => {
    for (const locale of ['en', 'pt-BR'] as const) {
      const t = new Translator(locale);
      for (const reason of ['link_unconfirmed', 'link_keeps_amazon']) expect(t.has(`linking.reasons.${reason}`)).toBe(true);
    }
  });
});
