import { describe, expect, it } from 'vitest';
import type { RestrictionView } from '../../../main/db/tables/listing-restrictions';
import { Translator } from '../../../main/i18n';
import { restrictionItem } from '../../../main/restrictions/views';

const base: RestrictionView = {
  marketplaceId: 'A2Q3Y263D00KWC',
  sku: 'FONE-1',
  productId: 1,
  title: 'Fone',
  asin: 'B0DM000053',
  state: 'restricted',
  reasons: [],
  checkedAt: 1,
  pendingSince: null,
  lastError: null,
  nextCheckAt: 2,
};

describe('restrictionItem', () => {
  const t = new Translator('pt-BR');

  it('names an approval first, then a product Amazon does not allow, then an ASIN it does not have', () => {
    const approval = { code: 'APPROVAL_REQUIRED', message: 'Precisa de aprovação.', links: [{ url: 'https://sellercentral.amazon.com.br/x', title: null }] };
    const notEligible = { code: 'NOT_ELIGIBLE', message: 'Não pode.', links: [] };
    expect(restrictionItem(t, { ...base, reasons: [notEligible, approval] }).label).toBe('A Amazon exige aprovação para esta marca/categoria');
    expect(restrictionItem(t, { ...base, reasons: [notEligible] }).label).toBe('A Amazon não permite que você anuncie este produto');
    expect(restrictionItem(t, { ...base, reasons: [{ code: 'ASIN_NOT_FOUND', message: 'x', links: [] }] }).label).toBe('ASIN não encontrado nesta Amazon');
    const item = restrictionItem(t, { ...base, reasons: [approval] });
    expect(item.hint).toBeNull();
    expect(item.reasons).toEqual([{ ...approval, explanation: t.t('sync.restrictions.explain.APPROVAL_REQUIRED') }]);
  });

  it("explains Amazon's own error code (a refused ASIN) with the general text, keeping Amazon's words", () => {
    const item = restrictionItem(t, { ...base, reasons: [{ code: 'BAD_REQUEST', message: "Invalid 'asin' provided.", links: [] }] });
    expect(item.label).toBe('A Amazon não aceita anunciar este produto');
    expect(item.reasons[0]).toMatchObject({ message: "Invalid 'asin' provided.", explanation: t.t('sync.restrictions.explain.other') });
  });

  it('says what happens next for a product waiting, let go or allowed', () => {
    expect(restrictionItem(t, { ...base, state: 'pending', checkedAt: null, pendingSince: 1 })).toMatchObject({
      label: 'Verificando na Amazon',
      hint: t.t('sync.restrictions.hint.pending'),
    });
    expect(restrictionItem(t, { ...base, state: 'pending', checkedAt: null, pendingSince: 1, lastError: '503 ServiceUnavailable: x' })).toMatchObject({
      label: 'Verificando na Amazon (a Amazon ainda não respondeu)',
      hint: t.t('sync.restrictions.hint.pendingFailed'),
      lastError: '503 ServiceUnavailable: x',
    });
    expect(restrictionItem(t, { ...base, state: 'unverified' }).hint).toBe(t.t('sync.restrictions.hint.unverified'));
    expect(restrictionItem(t, { ...base, state: 'allowed' }).label).toBe('Liberado pela Amazon');
  });

  it('reads in every language', () => {
    for (const locale of ['en', 'es', 'sv'] as const) {
      const other = new Translator(locale);
      const item = restrictionItem(other, { ...base, reasons: [{ code: 'APPROVAL_REQUIRED', message: 'x', links: [] }] });
      expect(item.label).not.toBe(restrictionItem(t, { ...base, reasons: [{ code: 'APPROVAL_REQUIRED', message: 'x', links: [] }] }).label);
      expect(item.label).not.toMatch(/^sync\./);
    }
  });
});
