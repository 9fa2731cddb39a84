import type { Order, SearchOrdersParams, SearchOrdersResponse, FulfillmentStatus } from '../../../main/amazon/api/orders';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';

export const BR = 'A2Q3Y263D00KWC';

/** A fresh in-memory database with one account and a small catalog (SQL here is test set-up only). */
export function testDb(): Db {
  const db = openDatabase(':memory:');
  saveAccount(db, {
    id: 'acc',
    label: 'Loja',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'S1',
    lwaClientId: 'c',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Brasil', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  db.prepare("INSERT INTO products (id, key, title) VALUES (1, 'P1', 'Produto')").run();
  return db;
}

export function addSku(db: Db, sku: string, stock: number, options: { priceCents?: number; active?: boolean } = {}): number {
  const result = db
    .prepare('INSERT INTO skus (product_id, sku, stock, price_cents, active) VALUES (1, ?, ?, ?, ?)')
    .run(sku, stock, options.priceCents ?? 10_000, options.active === false ? 0 : 1);
  return Number(result.lastInsertRowid);
}

export function addKit(db: Db, kit: string, components: readonly [number, number][]): number {
  const id = addSku(db, kit, 0);
  for (const [componentId, quantity] of components)
    db.prepare('INSERT INTO kit_components (kit_sku_id, component_sku_id, quantity) VALUES (?, ?, ?)').run(id, componentId, quantity);
  return id;
}

export function stockOf(db: Db, sku: string): number {
  return db.prepare('SELECT stock FROM skus WHERE sku = ?').pluck().get(sku) as number;
}

export interface OrderSpec {
  readonly id: string;
  readonly status: FulfillmentStatus;
  readonly updated: string;
  readonly created?: string;
  readonly lines: readonly { readonly sku: string; readonly quantity: number; readonly price?: string }[];
  readonly buyerName?: string;
  readonly fulfilledBy?: 'MERCHANT' | 'AMAZON';
}

/** An order as Orders 2026-01-01 returns it; prices are withheld while Pending, as Amazon does. */
export function order(spec: OrderSpec): Order {
  const pending = spec.status === 'PENDING';
  return {
    orderId: spec.id,
    createdTime: spec.created ?? spec.updated,
    lastUpdatedTime: spec.updated,
    salesChannel: { channelName: 'AMAZON', marketplaceId: BR },
    buyer: { buyerName: spec.buyerName ?? 'Ana Silva', buyerEmail: 'ana@marketplace.amazon.com.br' },
    recipient: { deliveryAddress: { name: 'Ana Silva', city: 'São Paulo', stateOrRegion: 'SP', countryCode: 'BR', addressLine1: 'Rua A, 1' } },
    fulfillment: { fulfillmentStatus: spec.status, fulfilledBy: spec.fulfilledBy ?? 'MERCHANT' },
    orderItems: spec.lines.map((l, i) => ({
      orderItemId: `${spec.id}-${i}`,
      quantityOrdered: l.quantity,
      product: {
        sellerSku: l.sku,
        asin: 'B000000001',
        title: l.sku,
        ...(pending ? {} : { price: { unitPrice: { amount: l.price ?? '100.00', currencyCode: 'BRL' } } }),
      },
    })),
  };
}

/**
 * A fake searchOrders over a list of orders: filters on lastUpdatedTime, pages of `pageSize`,
 * checks the 2-minute rule against `now()` and that paginated calls repeat their filters.
 */
export class FakeOrdersApi {
  orders: Order[] = [];
  readonly calls: SearchOrdersParams[] = [];
  failNext: Error | undefined;

  constructor(
    private readonly now: () => number,
    private readonly pageSize = 2,
  ) {}

  async searchOrders(params: SearchOrdersParams): Promise<SearchOrdersResponse> {
    this.calls.push(params);
    if (this.failNext) {
      const err = this.failNext;
      this.failNext = undefined;
      throw err;
    }
    const after = Date.parse(params.lastUpdatedAfter ?? '');
    const before = Date.parse(params.lastUpdatedBefore ?? '');
    if (!(before <= this.now() - 120_000)) throw new Error(`lastUpdatedBefore ${params.lastUpdatedBefore} is not 2 minutes before now`);
    const matching = this.orders
      .filter((o) => Date.parse(o.lastUpdatedTime) >= after && Date.parse(o.lastUpdatedTime) < before)
      .filter((o) => !params.marketplaceIds || params.marketplaceIds.includes(o.salesChannel.marketplaceId ?? ''))
      .sort((a, b) => a.lastUpdatedTime.localeCompare(b.lastUpdatedTime));
    const offset = params.paginationToken ? Number(params.paginationToken.split(':')[1]) : 0;
    const orders = matching.slice(offset, offset + this.pageSize);
    const next = offset + this.pageSize < matching.length ? `tok:${offset + this.pageSize}` : undefined;
    return { orders: structuredClone(orders), lastUpdatedBefore: params.lastUpdatedBefore, ...(next ? { pagination: { nextToken: next } } : {}) };
  }

  /** Replaces an order by id (a status change on Amazon's side). */
  put(o: Order): void {
    this.orders = [...this.orders.filter((x) => x.orderId !== o.orderId), o];
  }
}
