import { describe, expect, it } from 'vitest';
import type { RestrictionList } from '../../../main/amazon/api/restrictions';
import { reasonsOf } from '../../../main/restrictions/check';
import { reasonLocale } from '../../../main/restrictions/for-account';

const BR = 'A2Q3Y263D00KWC';

describe('reasonsOf', () => {
  it("keeps this marketplace's and condition's reasons verbatim, and only https approval links", () => {
    const list: RestrictionList = {
      restrictions: [
        {
          marketplaceId: BR,
          conditionType: 'new_new',
          reasons: [
            {
              message: 'Você precisa de aprovação.',
              reasonCode: 'APPROVAL_REQUIRED',
              links: [
                { resource: 'https://sellercentral.amazon.com.br/hz/approvalrequest?asin=B0X', verb: 'GET', title: 'Solicitar' },
                { resource: 'http://insecure.example/approve', verb: 'GET' },
                { resource: 'javascript:alert(1)', verb: 'GET' },
                { resource: 'not a url', verb: 'GET' },
              ],
            },
          ],
        },
        { marketplaceId: 'ATVPDKIKX0DER', reasons: [{ message: 'Other marketplace', reasonCode: 'NOT_ELIGIBLE' }] },
        { marketplaceId: BR, conditionType: 'used_good', reasons: [{ message: 'Used only', reasonCode: 'APPROVAL_REQUIRED' }] },
      ],
    };
    expect(reasonsOf(list, BR)).toEqual([
      {
        code: 'APPROVAL_REQUIRED',
        message: 'Você precisa de aprovação.',
        links: [{ url: 'https://sellercentral.amazon.com.br/hz/approvalrequest?asin=B0X', title: 'Solicitar' }],
      },
    ]);
  });

  it('reads an empty list as allowed, and a restriction without reasons (or with a code Amazon adds later) as restricted', () => {
    expect(reasonsOf({ restrictions: [] }, BR)).toEqual([]);
    expect(reasonsOf({ restrictions: [{ marketplaceId: BR }] }, BR)).toEqual([{ code: null, message: '', links: [] }]);
    expect(reasonsOf({ restrictions: [{ marketplaceId: BR, reasons: [{ message: 'Novo motivo', reasonCode: 'SOMETHING_NEW' }] }] }, BR)).toEqual([
      { code: 'SOMETHING_NEW', message: 'Novo motivo', links: [] },
    ]);
  });
});

describe('reasonLocale', () => {
  it("asks for the marketplace's language when the seller reads it, else the seller's own", () => {
    expect(reasonLocale('pt-BR', 'pt_BR')).toBe('pt_BR');
    expect(reasonLocale('es', 'es_MX')).toBe('es_MX');
    expect(reasonLocale('pt-BR', 'en_US')).toBe('pt_BR');
    expect(reasonLocale('sv', 'pt_BR')).toBe('sv_SE');
    expect(reasonLocale('en', 'en-GB')).toBe('en_GB');
  });
});
