import { describe, expect, it } from 'vitest';
import { findOrderRowId } from '../../../main/db/tables/orders';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { commitOrders } from '../../../main/orders/commit';
import { orderView, toFilter } from '../../../main/orders/present';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { addSku, order, testDb } from './fixtures';

describe('order presentation', () => {
  it('drops empty filter fields so they mean "any"', () => {
    expect(toFilter({ text: '', statuses: ['Shipped'], marketplaceId: undefined })).toEqual({ statuses: ['Shipped'] });
  });

  it('shows items, the address as returned, problems in the reader’s language and whether it can be shipped', () => {
    const db = testDb();
    addSku(db, 'A', 1, { priceCents: 10_000 });
    commitOrders(
      db,
      'acc',
      [
        order({ id: 'M-1', status: 'UNSHIPPED', updated: '2026-11-20T10:00:00Z', lines: [{ sku: 'A', quantity: 2, price: '50.00' }] }),
        order({ id: 'F-1', status: 'UNSHIPPED', updated: '2026-11-20T11:00:00Z', fulfilledBy: 'AMAZON', lines: [{ sku: 'A', quantity: 1 }] }),
      ],
      DEFAULT_ORDER_SETTINGS,
    );

    const merchant = orderView(db, new Translator('pt-BR'), findOrderRowId(db, 'acc', 'M-1') ?? -1);
    const amazon = orderView(db, new Translator('en'), findOrderRowId(db, 'acc', 'F-1') ?? -1);

    expect(merchant).toMatchObject({
      canShip: true,
      address: { city: 'São Paulo', addressLine1: 'Rua A, 1' },
      items: [{ sku: 'A', quantity: 2, unitPriceCents: 5000 }],
    });
    // Intl separates the currency symbol with a no-break space.
    expect(merchant.issues.map((i) => i.message.replace(/\u00a0/g, ' '))).toEqual([
      'O SKU A não tinha estoque suficiente (necessário: 2, disponível: 1). O estoque agora é 0.',
      'O SKU A foi vendido por R$ 50,00, 50% diferente do esperado (R$ 100,00).',
    ]);
    expect(merchant.stockEffects).toEqual([{ orderItemId: 'M-1-0', kind: 'decrement', sku: 'A', delta: -1 }]);
    expect(amazon.canShip).toBe(false);
    expect(() => orderView(db, new Translator('en'), 9_999)).toThrow(AppError);
  });
});
