/**
 * Normalized end state of one benchmark run: the local SQLite database and the simulator's state
 * file, reduced to what must not depend on faults, kills or timing. Two runs of the same script
 * must produce equal normalized states.
 *
 * Left out, because they legitimately differ between runs:
 * - row ids, timestamps (imported_at, sent_at, created/lastUpdated times on the simulator clock,
 *   which advances further when retries back off), cursors' window bounds;
 * - how sending was chunked: sync_runs, and the number, ids and sizes of feeds (a cycle that
 *   failed half-way hands its work to the next one, whose delta then also carries newer edits);
 * - values the simulator derives from its global counter (feed ids, ASINs, order ids, order item
 *   ids, and the buyer email / address it picks from a seed per order): the counter advances once
 *   per feed, so more feeds under faults shift it. Orders are keyed by their position in the
 *   script instead, ASINs are replaced by "the simulator's ASIN for this SKU", and the counter-
 *   derived order details are checked within the run (local copy = simulator's) rather than
 *   across runs.
 */
import { inflateRawSync } from 'node:zlib';
import type { Db } from '../../main/db/connection';

/** table → key → normalized record. */
export type NormalizedState = Record<string, Record<string, unknown>>;

interface SimListing {
  readonly sku: string;
  readonly marketplaceId: string;
  readonly productType: string;
  readonly attributes: Record<string, unknown>;
  readonly asin?: string;
  readonly issues: readonly { readonly code: string; readonly severity: string }[];
}

interface SimOrder {
  readonly orderId: string;
  readonly sellerId: string;
  readonly status: string;
  readonly buyerName: string;
  readonly buyerEmail: string;
  readonly recipient: { readonly city: string; readonly stateOrRegion: string; readonly countryCode: string };
  readonly lines: readonly {
    readonly orderItemId: string;
    readonly sku: string;
    readonly quantity: number;
    readonly unitPrice: number;
    readonly asin: string;
  }[];
  readonly shipment?: { readonly carrierCode: string; readonly carrierName?: string; readonly trackingNumber: string };
}

export interface SimStateFile {
  /** Seller → SKU → marketplace → listing. */
  readonly listings: Record<string, Record<string, Record<string, SimListing>>>;
  readonly orders: Record<string, SimOrder>;
  readonly feeds: Record<string, { readonly feedId: string; readonly sellerId: string; readonly inputFeedDocumentId: string; readonly cancelled: boolean }>;
  readonly documents: Record<string, { readonly content?: string }>;
}

export function normalizedState(db: Db, sim: SimStateFile, sellerId: string, labels: ReadonlyMap<string, string>): NormalizedState {
  const listings = sim.listings[sellerId] ?? {};
  const asinOf = (sku: string | null, asin: string | null, marketplaceId: string) =>
    asin === null ? null : sku !== null && listings[sku]?.[marketplaceId]?.asin === asin ? 'ASIN(sim listing)' : `UNMATCHED ${asin}`;
  const label = (orderId: string) => labels.get(orderId) ?? `UNSCRIPTED ${orderId}`;
  const state: NormalizedState = {};
  const put = (table: string, key: string, value: unknown) => ((state[table] ??= {})[key] = value);

  for (const r of db
    .prepare('SELECT s.sku, p.title, s.price_cents, s.sale_price_cents, s.stock, s.active FROM skus s JOIN products p ON p.id = s.product_id')
    .all() as { sku: string }[])
    put('skus', r.sku, r);
  const syncRows = db
    .prepare(
      'SELECT sku, marketplace_id, status, reason, product_type, full_hash, content_hash, price_hash, quantity_hash, on_amazon, asin, issues FROM sync_listings',
    )
    .all() as { sku: string; marketplace_id: string; asin: string | null }[];
  for (const r of syncRows) put('sync_listings', `${r.marketplace_id}/${r.sku}`, { ...r, asin: asinOf(r.sku, r.asin, r.marketplace_id) });
  const open = db.prepare("SELECT count(*) FROM sync_feeds WHERE step NOT IN ('reported', 'failed')").pluck().get();
  const failed = db.prepare("SELECT count(*) FROM sync_feeds WHERE step = 'failed'").pluck().get();
  put('sync_feeds', 'unfinished', { open, failed });

  const orders = db
    .prepare(
      'SELECT id, amazon_order_id, marketplace_id, status, buyer_name, buyer_email, ship_city, ship_state, ship_country, currency, total_cents, price_divergence FROM orders',
    )
    .all() as { id: number; amazon_order_id: string; buyer_email: string | null; ship_city: string | null }[];
  const items = db.prepare(
    'SELECT order_id, id, order_item_id, seller_sku, asin, title, quantity, unit_price_cents, currency, expected_price_cents FROM order_items WHERE order_id = ? ORDER BY order_item_id',
  );
  const effects = db.prepare(
    'SELECT e.kind, s.sku, e.quantity, e.delta FROM order_stock_effects e JOIN skus s ON s.id = e.sku_id WHERE e.order_item_id = ? ORDER BY e.kind, s.sku',
  );
  const issues = db.prepare('SELECT code, params FROM order_issues WHERE order_item_id = ? ORDER BY code');
  // Attempts, errors and dates of a shipment depend on the faults met on the way; the outcome does not.
  const shipments = db.prepare(
    'SELECT carrier_code, carrier_name, tracking_number, state FROM order_shipments WHERE order_id = ? ORDER BY tracking_number, state',
  );
  for (const o of orders) {
    const simOrder = sim.orders[o.amazon_order_id];
    const lines = (items.all(o.id) as { id: number; order_item_id: string; seller_sku: string | null; asin: string | null }[]).map((i, n) => {
      const simLine = simOrder?.lines.find((l) => l.orderItemId === i.order_item_id);
      return {
        line: n,
        ...i,
        id: undefined,
        order_id: undefined,
        order_item_id: simLine ? 'matches simulator' : `UNMATCHED ${i.order_item_id}`,
        asin: simLine && simLine.asin === i.asin ? 'matches simulator' : `UNMATCHED ${i.asin ?? ''}`,
        effects: effects.all(i.id),
        issues: issues.all(i.id),
      };
    });
    // Counter-derived details: the local copy must equal this run's simulator order.
    const agrees = simOrder !== undefined && simOrder.buyerEmail === o.buyer_email && simOrder.recipient.city === o.ship_city;
    put('orders', label(o.amazon_order_id), {
      ...o,
      id: undefined,
      amazon_order_id: undefined,
      buyer_email: undefined,
      ship_city: undefined,
      ship_state: undefined,
      agreesWithSimulator: agrees,
      lines,
      shipments: shipments.all(o.id),
    });
  }

  for (const l of Object.values(listings).flatMap((bySku) => Object.values(bySku))) {
    put('sim_listings', `${l.marketplaceId}/${l.sku}`, {
      productType: l.productType,
      attributes: l.attributes,
      asin: l.asin === undefined ? null : 'ASIN',
      issues: l.issues.map((i) => `${i.severity} ${i.code}`).sort(),
    });
  }
  for (const o of Object.values(sim.orders).filter((x) => x.sellerId === sellerId)) {
    const shipment = o.shipment
      ? { carrierCode: o.shipment.carrierCode, carrierName: o.shipment.carrierName, trackingNumber: o.shipment.trackingNumber }
      : null;
    put('sim_orders', label(o.orderId), {
      status: o.status,
      buyerName: o.buyerName,
      lines: o.lines.map((l) => ({ sku: l.sku, quantity: l.quantity, unitPrice: l.unitPrice })),
      shipment,
    });
  }
  return state;
}

/** Keys present on one side only, or whose records differ. */
export function countMismatches(a: NormalizedState, b: NormalizedState, report?: (what: string) => void): number {
  let mismatches = 0;
  for (const table of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const left = a[table] ?? {};
    const right = b[table] ?? {};
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const l = JSON.stringify(left[key]);
      const r = JSON.stringify(right[key]);
      if (l === r) continue;
      mismatches += 1;
      report?.(`${table} ${key}\n  expected ${l}\n  actual   ${r}`);
    }
  }
  return mismatches;
}

/** The same Amazon order stored twice, or one of its lines twice (UNIQUE constraints aside). */
export function duplicateOrders(db: Db): number {
  const orders = db.prepare('SELECT count(*) - count(DISTINCT account_id || amazon_order_id) FROM orders').pluck().get() as number;
  const lines = db.prepare("SELECT count(*) - count(DISTINCT order_id || '/' || order_item_id) FROM order_items").pluck().get() as number;
  return orders + lines;
}

/**
 * Feeds Amazon received more than once: every local feed document must match exactly one feed
 * on the simulator (by content); extra matches are resubmissions, and simulator feeds matching no
 * local document were submitted by a process that then lost track of them.
 */
export function duplicateFeeds(db: Db, sim: SimStateFile, sellerId: string): number {
  const local = (db.prepare('SELECT content FROM sync_feed_documents').pluck().all() as Buffer[]).map((c) => inflateRawSync(c).toString('base64'));
  const remote = Object.values(sim.feeds)
    .filter((f) => f.sellerId === sellerId && !f.cancelled)
    .map((f) => sim.documents[f.inputFeedDocumentId]?.content ?? `missing document ${f.inputFeedDocumentId}`);
  const counts = new Map<string, number>();
  for (const c of remote) counts.set(c, (counts.get(c) ?? 0) + 1);
  let duplicates = 0;
  for (const c of new Set(local)) duplicates += Math.max(0, (counts.get(c) ?? 0) - 1);
  duplicates += remote.filter((c) => !local.includes(c)).length;
  return duplicates;
}
