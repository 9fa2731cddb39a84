import { hash } from 'node:crypto';
import type { Listing, ListingAttributes, ListingIssue } from '../listings/types';
import type { SyncStatus } from '../../preload/contract/sync';
import type { PayloadHashes, SentState, SyncIssue, SyncOperation } from '../db/tables/sync-listings';
import type { SyncSettings } from './settings';
import type { DeselectReason, Sendable } from './catalog-source';

/**
 * Send order inside a cycle, M2E Pro's: stopping a listing matters most (overselling), then
 * quantity, price, detail changes, and brand-new listings last.
 */
export const PRIORITY = { stop: 0, quantity: 1, price: 2, details: 3, new: 4 } as const;
export type Priority = (typeof PRIORITY)[keyof typeof PRIORITY];

export type Lane = 'full' | 'fast';

/** A feed message before it gets its messageId. */
export interface MessageBody {
  readonly sku: string;
  readonly operationType: SyncOperation;
  readonly productType?: string;
  readonly requirements?: Listing['requirements'];
  readonly attributes?: ListingAttributes;
  readonly patches?: readonly { op: 'replace'; path: string; value: readonly unknown[] }[];
}

export interface PlannedMessage {
  readonly kind: 'send';
  readonly sku: string;
  /** Null when part of the SKU's change stays unsent (the fast lane's price/stock of a SKU whose content also changed). */
  readonly stamp: string | null;
  readonly priority: Priority;
  readonly productType: string | null;
  readonly operation: SyncOperation;
  /**
   * The message as UTF-8 JSON, without its messageId (given at packing). Serialised once, when
   * planned, and kept off the JS heap: 100k listings would otherwise weigh on every GC.
   */
  readonly json: Buffer;
  /** What Amazon holds once the message is applied; absent for stops (forgotten: resent in full when selected again). */
  readonly hashes?: PayloadHashes;
  /** Accepted, it reads "paused" (quantity 0 because of the safety stock) instead of "live". */
  readonly reason: string | null;
}

/** Nothing to send; the row still records the stamp and, for skips and local errors, why. */
export interface LocalOutcome {
  readonly kind: 'local';
  readonly sku: string;
  readonly stamp: string | null;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly productType: string | null;
  /** Checked here, not sent: what is wrong, in the seller's language. */
  readonly issues?: readonly SyncIssue[];
  /** The content was not sent as built: the next valid build goes out in full. */
  readonly forgetContent?: boolean;
}

/** Left for the full cycle (the fast lane sends price/stock only); the row is not touched. */
export interface Deferred {
  readonly kind: 'deferred';
  readonly sku: string;
}

export type Plan = PlannedMessage | LocalOutcome | Deferred;

/** Attributes a PATCH may carry: the offer. Everything else is "content". */
const PRICE_ATTRIBUTES = ['purchasable_offer', 'list_price'] as const;
const QUANTITY_ATTRIBUTES = ['fulfillment_availability'] as const;

/** One-shot: four hashes per SKU, and a Hash object per call cost more than hashing the short ones. */
function sha(text: string): string {
  return hash('sha256', text);
}

function combined(parts: Omit<PayloadHashes, 'full'>): PayloadHashes {
  return { ...parts, full: sha(`${parts.content ?? '-'}${parts.price ?? '-'}${parts.quantity ?? '-'}`) };
}

const PRICE_NAMES: ReadonlySet<string> = new Set(PRICE_ATTRIBUTES);
const QUANTITY_NAMES: ReadonlySet<string> = new Set(QUANTITY_ATTRIBUTES);

/** `{"a":1}` and `{"b":2}` as `{"a":1,"b":2}`, without parsing them again. */
function joinObjects(parts: readonly string[]): string {
  return `{${parts
    .map((p) => p.slice(1, -1))
    .filter((p) => p.length > 0)
    .join(',')}}`;
}

/**
 * Four fingerprints of one payload: the whole of it, everything but the offer, the price and
 * the quantity. Serialising and hashing are a large share of a 100k-SKU cycle, so each part (the
 * content, the price attributes, the quantity attributes; each with its attribute names sorted)
 * is serialised in one JSON.stringify and the feed's attributes are those three texts joined; the
 * whole-payload hash combines the others. A change of this format makes a SKU look changed once,
 * the next time it is planned (it is then sent in full).
 */
export function serializeListing(listing: Listing): { hashes: PayloadHashes; attributesJson: string } {
  const content: Record<string, unknown> = {};
  const price: Record<string, unknown> = {};
  const quantity: Record<string, unknown> = {};
  for (const k of Object.keys(listing.attributes).sort()) {
    const part = PRICE_NAMES.has(k) ? price : QUANTITY_NAMES.has(k) ? quantity : content;
    part[k] = listing.attributes[k];
  }
  const contentJson = JSON.stringify(content);
  const priceJson = JSON.stringify(price);
  const quantityJson = JSON.stringify(quantity);
  return {
    hashes: combined({
      content: sha(`${listing.productType}|${listing.requirements ?? 'LISTING'}|${contentJson}`),
      price: sha(priceJson),
      quantity: sha(quantityJson),
    }),
    attributesJson: joinObjects([contentJson, priceJson, quantityJson]),
  };
}

function patchesFor(listing: Listing, names: readonly string[]): NonNullable<MessageBody['patches']> {
  return names
    .filter((n) => (listing.attributes[n]?.length ?? 0) > 0)
    .map((n) => ({ op: 'replace' as const, path: `/attributes/${n}`, value: listing.attributes[n] ?? [] }));
}

/**
 * Takes a listing off sale: DELETE, or a quantity-0 PATCH when the settings (or a rule's "on exit:
 * quantity 0") say so. Without a known product type a PATCH is impossible, so it is a DELETE.
 */
function stopMessage(sku: string, stamp: string | null, productType: string | null, settings: SyncSettings, reason: string, zeroOnly = false): PlannedMessage {
  if ((settings.deselected === 'delete' && !zeroOnly) || !productType) {
    return {
      kind: 'send',
      sku,
      stamp,
      priority: PRIORITY.stop,
      productType,
      operation: 'DELETE',
      json: Buffer.from(JSON.stringify({ sku, operationType: 'DELETE' })),
      reason,
    };
  }
  const patches = [{ op: 'replace' as const, path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }] }];
  const json = Buffer.from(JSON.stringify({ sku, operationType: 'PATCH', productType, patches }));
  return { kind: 'send', sku, stamp, priority: PRIORITY.stop, productType, operation: 'PATCH', json, reason };
}

/**
 * An offer Amazon fulfils (FBA) is never stopped by Vitrine: its quantity is what Amazon's
 * warehouse holds (a merchant quantity 0 would add a second, merchant-fulfilled availability) and
 * deleting it would strand that stock. It stays on sale; the seller stops it in Seller Central.
 */
function fbaLeftAlone(sku: string, stamp: string | null, sent: SentState | undefined): LocalOutcome {
  return { kind: 'local', sku, stamp, status: 'skipped', reason: 'fba_not_stopped', productType: sent?.productType ?? null };
}

/** The reason a stopped listing shows: taken out of the selection, inactive or deleted in the catalog. */
function stopReason(reason: DeselectReason): string {
  return reason === 'not_selected' || reason === 'rule_exit' ? 'deselected' : reason;
}

/** Local checks shown where Amazon's issues are: `VITRINE_EAN` for the product code, `VITRINE_LISTING` for the product type's rules. */
export function localIssues(issues: readonly ListingIssue[]): SyncIssue[] {
  return issues.map((i) => ({
    code: i.path === '/externally_assigned_product_identifier' && 'problem' in i.params ? 'VITRINE_EAN' : 'VITRINE_LISTING',
    message: i.message,
    severity: 'ERROR' as const,
    ...(i.attribute ? { attributeName: i.attribute } : {}),
  }));
}

const AMAZON_VERDICTS: ReadonlySet<SyncStatus> = new Set(['live', 'paused', 'error']);

/**
 * Decides what one SKU needs: nothing (Amazon already holds this payload), a PATCH of the offer
 * (price and/or quantity), a full UPDATE (or PARTIAL_UPDATE, when Amazon owns part of the offer),
 * a stop (DELETE / quantity 0), or a local verdict (not sent, and why) — by comparing the built
 * payload's hashes with what was last sent. Price and stock always go out, in the fast lane
 * too, even while a content change waits for the full cycle or cannot be sent as it is.
 */
export function planSendable(s: Sendable, sent: SentState | undefined, settings: SyncSettings, lane: Lane): Plan {
  const local = (status: SyncStatus, reason: string | null, extra: Partial<LocalOutcome> = {}): LocalOutcome => ({
    kind: 'local',
    sku: s.sku,
    stamp: s.stamp,
    status,
    reason,
    productType: sent?.productType ?? null,
    ...extra,
  });
  switch (s.kind) {
    case 'deselect': {
      const reason = stopReason(s.reason);
      if (sent?.status === 'removed') return local('removed', reason, { productType: sent.productType });
      // Never on Amazon: nothing to stop, it simply is not sent.
      if (!sent?.onAmazon) return local('skipped', s.reason);
      if (s.fulfilledByAmazon) return fbaLeftAlone(s.sku, s.stamp, sent);
      return stopMessage(s.sku, s.stamp, sent.productType ?? s.productType, settings, reason, s.zeroOnly);
    }
    case 'skip':
      // A kit that is on Amazon from before the setting changed must be stopped, not forgotten.
      if (s.stopLive && sent?.onAmazon && sent.status !== 'removed') {
        return s.fulfilledByAmazon ? fbaLeftAlone(s.sku, s.stamp, sent) : stopMessage(s.sku, s.stamp, sent.productType, settings, 'deselected');
      }
      return local('skipped', s.reason);
    case 'unbuildable':
      // Local build problem (no variation theme…): shown like Amazon's errors.
      return lane === 'fast' ? { kind: 'deferred', sku: s.sku } : local('error', s.code, { productType: s.productType, forgetContent: true });
    case 'listing':
      return planListing(s, sent, lane);
  }
}

function planListing(s: Extract<Sendable, { kind: 'listing' }>, sent: SentState | undefined, lane: Lane): Plan {
  const { listing } = s;
  const { hashes, attributesJson } = serializeListing(listing);
  const old = sent?.hashes;
  const onAmazon = sent?.onAmazon === true;
  const priceChanged = !s.keepsPrice && old?.price !== hashes.price;
  const quantityChanged = !s.keepsQuantity && old?.quantity !== hashes.quantity;
  const contentChanged = old?.content !== hashes.content;
  const reason = s.belowSafety ? 'below_safety_stock' : null;

  if (old?.content && !contentChanged && !priceChanged && !quantityChanged && (onAmazon || AMAZON_VERDICTS.has(sent?.status ?? 'pending'))) {
    // Unchanged: keep Amazon's verdict (live, error…) and just record the new stamp.
    const status = sent && AMAZON_VERDICTS.has(sent.status) ? sent.status : 'live';
    return { kind: 'local', sku: s.sku, stamp: s.stamp, status, reason: status === 'paused' ? reason : null, productType: listing.productType };
  }

  const base = { kind: 'send' as const, sku: s.sku, productType: listing.productType, reason };
  const sendContent = lane === 'full' && s.invalid === null;
  if (onAmazon && (priceChanged || quantityChanged) && !(contentChanged && sendContent)) {
    // The offer alone: price/stock must not wait for content that waits (fast lane) or cannot go (invalid).
    const names = [...(quantityChanged ? QUANTITY_ATTRIBUTES : []), ...(priceChanged ? PRICE_ATTRIBUTES : [])];
    const refused = new Set(s.issues.map((i) => i.attribute));
    const patched = names.filter((n) => !refused.has(n) && (listing.attributes[n]?.length ?? 0) > 0);
    if (patched.length > 0) {
      const sentQuantity = patched.some((n) => (QUANTITY_ATTRIBUTES as readonly string[]).includes(n));
      const sentPrice = patched.some((n) => (PRICE_ATTRIBUTES as readonly string[]).includes(n));
      const json = Buffer.from(JSON.stringify({ sku: s.sku, operationType: 'PATCH', productType: listing.productType, patches: patchesFor(listing, patched) }));
      const after = combined({
        content: old?.content ?? null,
        price: sentPrice ? hashes.price : (old?.price ?? null),
        quantity: sentQuantity ? hashes.quantity : (old?.quantity ?? null),
      });
      // Anything still unsent (content, a refused price) keeps the SKU planned for the next cycle.
      const complete = !contentChanged && patched.length === names.length;
      return {
        ...base,
        stamp: complete ? s.stamp : null,
        priority: sentQuantity ? PRIORITY.quantity : PRIORITY.price,
        operation: 'PATCH',
        json,
        hashes: after,
      };
    }
  }
  if (lane === 'fast') return { kind: 'deferred', sku: s.sku };
  if (s.invalid !== null) {
    return {
      kind: 'local',
      sku: s.sku,
      stamp: s.stamp,
      status: 'error',
      reason: s.invalid,
      productType: listing.productType,
      issues: localIssues(s.issues),
      forgetContent: true,
    };
  }
  // A linked offer Vitrine manages is on Amazon before its first send from here.
  const existing = onAmazon || s.input.existingOffer === true;
  const priority = existing ? PRIORITY.details : PRIORITY.new;
  // What Amazon holds after a full send: the parts it owns (a kept price, FBA stock) are unknown to us.
  const full =
    s.keepsPrice || s.keepsQuantity
      ? combined({ content: hashes.content, price: s.keepsPrice ? '' : hashes.price, quantity: s.keepsQuantity ? '' : hashes.quantity })
      : hashes;
  if (existing && s.partialUpdate) {
    // Amazon owns part of this offer (a price the seller keeps, FBA stock): replace only what Vitrine sends.
    const json = Buffer.from(
      `{"sku":${JSON.stringify(s.sku)},"operationType":"PARTIAL_UPDATE","productType":${JSON.stringify(listing.productType)},"attributes":${attributesJson}}`,
    );
    return { ...base, stamp: s.stamp, priority, operation: 'PARTIAL_UPDATE', json, hashes: full };
  }
  // Same shape as JSON.stringify of an UPDATE message, reusing the attributes text hashed above.
  const requirements = listing.requirements ? `,"requirements":${JSON.stringify(listing.requirements)}` : '';
  const json = Buffer.from(
    `{"sku":${JSON.stringify(s.sku)},"operationType":"UPDATE","productType":${JSON.stringify(listing.productType)}${requirements},"attributes":${attributesJson}}`,
  );
  return { ...base, stamp: s.stamp, priority, operation: 'UPDATE', json, hashes: full };
}
