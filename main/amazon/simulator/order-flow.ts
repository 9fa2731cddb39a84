import { MARKETPLACES } from '../regions';
import { seededRandom } from './faults';
import { orderId as makeOrderId } from './ids';
import { listingPrice, listingStatus, listingTitle } from './listing-ops';
import { allListings, listingIn } from './listing-store';
import type { SimStore } from './state';
import type { OrderLine, OrderRecord, OrderStatus, SimProgram } from './state-types';
import { takeFbaUnits } from './fba-inventory';

/** A Pending order becomes Unshipped (payment authorised) or Canceled after this long. */
export const PENDING_MS = 30 * 60_000;
/** Share of new orders the buyer or Amazon cancels while Pending. */
export const CANCEL_RATE = 0.1;

const FIRST_NAMES = ['Ana', 'João', 'Maria', 'Pedro', 'Juliana', 'Lucas', 'Mariana', 'Rafael', 'Emily', 'James'];
const LAST_NAMES = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Almeida', 'Smith', 'Johnson', 'Brown'];
/** Names a spreadsheet would execute: the export must neutralise them. */
export const FORMULA_NAMES = ['=HYPERLINK("http://example.invalid","Clique aqui")', '=1+2 Carlos', '+SUM(A1:A9)', '-2+3 Beatriz', '@cmd Rita'];
const CITIES = [
  { city: 'São Paulo', stateOrRegion: 'SP', postalCode: '01310-100', countryCode: 'BR' },
  { city: 'Rio de Janeiro', stateOrRegion: 'RJ', postalCode: '20040-020', countryCode: 'BR' },
  { city: 'Belo Horizonte', stateOrRegion: 'MG', postalCode: '30130-010', countryCode: 'BR' },
  { city: 'Seattle', stateOrRegion: 'WA', postalCode: '98109', countryCode: 'US' },
];

export interface NewOrder {
  readonly sellerId: string;
  readonly marketplaceId?: string;
  /** SKUs with quantities; defaults to one unit of a random listing. */
  readonly lines?: readonly { readonly sku: string; readonly quantity?: number }[];
  readonly buyerName?: string;
  readonly status?: OrderStatus;
  readonly createdAt?: number;
  /** Whether the order will be Canceled instead of becoming Unshipped. */
  readonly willCancel?: boolean;
  /** Self-ship (default), Easy Ship / Delivery by Amazon, or FBA. */
  readonly program?: SimProgram;
}

/**
 * Where an order names no marketplace: the seller's first marketplace, unless its first line's SKU
 * is listed only elsewhere (then the first of the seller's marketplaces it is listed in).
 */
function defaultMarketplace(store: SimStore, input: NewOrder): string {
  const participating = store.data.sellers[input.sellerId]?.marketplaceIds ?? [];
  const first = participating[0] ?? 'A2Q3Y263D00KWC';
  const sku = input.lines?.[0]?.sku;
  if (sku === undefined || listingIn(store.data, input.sellerId, sku, first)) return first;
  return participating.find((m) => listingIn(store.data, input.sellerId, sku, m)) ?? first;
}

/** Creates an order for the seller's listings in one marketplace (used by the automatic flow, seed and tests). */
export function createOrder(store: SimStore, now: number, input: NewOrder): OrderRecord {
  const sequence = store.nextSequence();
  const random = seededRandom(sequence * 2_654_435_761);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const marketplaceId = input.marketplaceId ?? defaultMarketplace(store, input);
  const currency = MARKETPLACES.find((m) => m.id === marketplaceId)?.currency ?? 'USD';
  // Buyers on a marketplace buy the seller's offers there: a SKU listed elsewhere only is not for sale here.
  const listings = allListings(store.data, input.sellerId, [marketplaceId]);
  const wanted = input.lines ?? [{ sku: pick(listings.map((l) => l.sku).sort()) }];
  const lines: OrderLine[] = wanted.flatMap((w, i) => {
    const listing = listingIn(store.data, input.sellerId, w.sku, marketplaceId);
    if (!listing) return [];
    return [
      {
        orderItemId: String(10_000_000_000_000 + sequence * 100 + i),
        sku: w.sku,
        asin: listing.asin ?? 'B000000000',
        title: listingTitle(listing) ?? w.sku,
        quantity: w.quantity ?? 1 + Math.floor(random() * 2),
        unitPrice: listingPrice(listing)?.amount ?? 10,
      },
    ];
  });
  if (lines.length === 0) throw new Error(`No listing of ${input.sellerId} in ${marketplaceId} matches ${JSON.stringify(wanted)}`);
  const createdAt = input.createdAt ?? now;
  const status = input.status ?? 'Pending';
  const place = pick(CITIES);
  const buyerName = input.buyerName ?? (sequence % 7 === 0 ? pick(FORMULA_NAMES) : `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
  const order: OrderRecord = {
    orderId: makeOrderId(sequence),
    sellerId: input.sellerId,
    marketplaceId,
    currency,
    createdAt,
    lastUpdatedAt: createdAt,
    status,
    ...(status === 'Pending' ? { pendingUntil: createdAt + PENDING_MS } : {}),
    willCancel: input.willCancel ?? random() < CANCEL_RATE,
    buyerName,
    buyerEmail: `${sequence}@marketplace.amazon.com.br`,
    recipient: { name: buyerName, addressLine1: `Rua ${pick(LAST_NAMES)}, ${1 + Math.floor(random() * 999)}`, ...place },
    lines,
    ...(input.program && input.program !== 'self_ship' ? { program: input.program } : {}),
  };
  if (order.program === 'fba') for (const line of lines) takeFbaUnits(store, input.sellerId, line.sku, line.quantity, now);
  store.data.orders[order.orderId] = order;
  store.markDirty();
  return order;
}

export function setOrderStatus(store: SimStore, now: number, orderId: string, status: OrderStatus): OrderRecord {
  const order = store.data.orders[orderId];
  if (!order) throw new Error(`Unknown order ${orderId}`);
  order.status = status;
  order.lastUpdatedAt = now;
  if (status !== 'Pending') delete order.pendingUntil;
  store.markDirty();
  return order;
}

/** Moves Pending orders on, and lets buyers place new orders up to `now` (lazily, on the clock). */
export function settleOrders(store: SimStore, now: number, autoEveryMs: number): void {
  for (const order of Object.values(store.data.orders)) {
    if (order.status === 'Pending' && order.pendingUntil !== undefined && order.pendingUntil <= now) {
      order.status = order.willCancel ? 'Canceled' : 'Unshipped';
      order.lastUpdatedAt = order.pendingUntil;
      delete order.pendingUntil;
      store.markDirty();
    }
  }
  if (autoEveryMs <= 0) return;
  // A big clock jump must not create millions of orders: at most 200 per settle, then skip ahead.
  let created = 0;
  while (store.data.nextOrderAt <= now && created < 200) {
    const at = store.data.nextOrderAt;
    for (const sellerId of Object.keys(store.data.sellers)) {
      // Every BUYABLE offer in every marketplace the seller sells in; the order is placed where the offer is.
      const buyable = allListings(store.data, sellerId, store.data.sellers[sellerId]?.marketplaceIds ?? []).filter((l) => listingStatus(l).includes('BUYABLE'));
      const listing = buyable[store.data.sequence % Math.max(1, buyable.length)];
      if (listing) createOrder(store, now, { sellerId, createdAt: at, lines: [{ sku: listing.sku }], marketplaceId: listing.marketplaceId });
    }
    store.data.nextOrderAt = at + autoEveryMs;
    created += 1;
  }
  if (store.data.nextOrderAt <= now) store.data.nextOrderAt = now + autoEveryMs;
  // A freshly created order may already be past its Pending window.
  if (created > 0) settleOrders(store, now, 0);
}
