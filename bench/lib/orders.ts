/** Orders for the export benchmarks (bench:orders-export, bench:responsiveness): N orders × ~2 items. */
import type { openDatabase } from '../../main/db/connection';
import { getAccount, saveAccount } from '../../main/db/tables/accounts';
import { prepareOrderUpsert } from '../../main/db/tables/orders';
import { ORDER_STATUSES } from '../../main/orders/status';

const NAMES = ['Ana Silva', 'João Santos', '=HYPERLINK("http://x.invalid","x")', 'Maria Oliveira', '+55 Pedro'];

/** `accountId` is created (with no marketplaces) unless it exists. */
export function seedOrders(db: ReturnType<typeof openDatabase>, count: number, accountId = 'bench'): void {
  if (!getAccount(db, accountId))
    saveAccount(db, {
      id: accountId,
      label: 'Bench',
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: 'BENCH',
      lwaClientId: 'bench',
      storeName: null,
      clientSecretSetAt: 0,
      authorizedAt: 0,
      createdAt: 0,
      marketplaces: [],
    });
  const upsert = prepareOrderUpsert(db);
  const start = Date.parse('2026-01-01T00:00:00Z');
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) {
      const time = new Date(start + n * 600_000).toISOString();
      const lines = 1 + (n % 3 === 0 ? 0 : 1) + (n % 5 === 0 ? 1 : 0);
      upsert({
        accountId,
        amazonOrderId: `702-${String(1_000_000 + n).padStart(7, '0')}-${String((n * 7919) % 10_000_000).padStart(7, '0')}`,
        marketplaceId: 'A2Q3Y263D00KWC',
        status: ORDER_STATUSES[n % ORDER_STATUSES.length] ?? 'Shipped',
        fulfilledBy: 'MERCHANT',
        createdTime: time,
        lastUpdatedTime: time,
        buyerName: NAMES[n % NAMES.length] ?? null,
        buyerEmail: `${n}@marketplace.amazon.com.br`,
        buyer: { buyerName: NAMES[n % NAMES.length] },
        recipient: { deliveryAddress: { city: 'São Paulo', stateOrRegion: 'SP', countryCode: 'BR' } },
        packages: null,
        shipCity: 'São Paulo',
        shipState: 'SP',
        shipCountry: 'BR',
        currency: 'BRL',
        totalCents: 8990 * lines,
        items: Array.from({ length: lines }, (_, i) => ({
          orderItemId: `${n}${i}`,
          sellerSku: `SKU-${(n + i) % 500}`,
          asin: 'B0SEED0001',
          title: 'Pulseira de prata 925 com zircônias',
          quantity: 1 + (i % 2),
          unitPriceCents: 8990,
          currency: 'BRL',
        })),
      });
    }
  })();
}
