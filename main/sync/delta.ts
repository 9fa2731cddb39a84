import { hash } from 'node:crypto';
import { AppError } from '../errors';
import { buildListing } from '../listings/builder';
import type { Listing, ListingAttributes } from '../listings/types';
import type { PayloadHashes, SentState, SyncOperation, SyncStatus } from '../db/tables/sync-listings';
import type { SyncSettings } from './settings';
import type { Candidate, DeselectReason } from './catalog-source';

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
  readonly stamp: string | null;
  readonly priority: Priority;
  readonly productType: string | null;
  readonly operation: SyncOperation;
  /**
   * The message as UTF-8 JSON, without its messageId (given at packing). Serialised once, when
   * planned, and kept off the JS heap: 100k listings would otherwise weigh on every GC.
   */
  readonly json: Buffer;
  readonly hashes?: PayloadHashes;
  /** Accepted, it reads "paused" (quantity 0 because of the safety stock) instead of "live". */
  readonly reason: string | null;
}

/** Nothing to send; the row still records the stamp and, for skips, why. */
export interface LocalOutcome {
  readonly kind: 'local';
  readonly sku: string;
  readonly stamp: string | null;
  readonly status: SyncStatus;
  readonly reason: string | null;
  readonly productType: string | null;
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

/**
 * Four fingerprints of one payload: the whole of it, everything but the offer, the price and
 * the quantity. Hashing is a large share of a 100k-SKU cycle, so each attribute is serialised
 * once with JSON.stringify (the builder emits keys in a fixed order, so equal payloads give equal
 * text; a builder change at worst resends once) and the whole-payload hash combines the others.
 */
export function serializeListing(listing: Listing): { hashes: PayloadHashes; attributesJson: string } {
  let content = `${listing.productType}|${listing.requirements ?? 'LISTING'}`;
  let price = '';
  let quantity = '';
  const members: string[] = [];
  for (const k of Object.keys(listing.attributes).sort()) {
    const member = `${JSON.stringify(k)}:${JSON.stringify(listing.attributes[k])}`;
    members.push(member);
    if ((PRICE_ATTRIBUTES as readonly string[]).includes(k)) price += `|${member}`;
    else if ((QUANTITY_ATTRIBUTES as readonly string[]).includes(k)) quantity += `|${member}`;
    else content += `|${member}`;
  }
  const parts = { content: sha(content), price: sha(price), quantity: sha(quantity) };
  return { hashes: { ...parts, full: sha(`${parts.content}${parts.price}${parts.quantity}`) }, attributesJson: `{${members.join(',')}}` };
}

export function hashesOf(listing: Listing): PayloadHashes {
  return serializeListing(listing).hashes;
}

function patchesFor(listing: Listing, names: readonly string[]): MessageBody['patches'] {
  return names.filter((n) => (listing.attributes[n]?.length ?? 0) > 0).map((n) => ({ op: 'replace' as const, path: `/attributes/${n}`, value: listing.attributes[n] ?? [] }));
}

/**
 * Takes a listing off sale: DELETE, or a quantity-0 PATCH when the settings (or a rule's "on exit:
 * quantity 0") say so. Without a known product type a PATCH is impossible, so it is a DELETE.
 */
function stopMessage(sku: string, stamp: string | null, productType: string | null, settings: SyncSettings, reason: string, zeroOnly = false): PlannedMessage {
  if ((settings.deselected === 'delete' && !zeroOnly) || !productType) {
    return { kind: 'send', sku, stamp, priority: PRIORITY.stop, productType, operation: 'DELETE', json: Buffer.from(JSON.stringify({ sku, operationType: 'DELETE' })), reason };
  }
  const patches = [{ op: 'replace' as const, path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }] }];
  const json = Buffer.from(JSON.stringify({ sku, operationType: 'PATCH', productType, patches }));
  return { kind: 'send', sku, stamp, priority: PRIORITY.stop, productType, operation: 'PATCH', json, reason };
}

/** The reason a stopped listing shows: taken out of the selection, inactive or deleted in the catalog. */
function stopReason(reason: DeselectReason): string {
  return reason === 'not_selected' || reason === 'rule_exit' ? 'deselected' : reason;
}

/** Local build problem (no variation theme, offer without ASIN…): shown like Amazon's errors. */
function buildError(candidate: Extract<Candidate, { kind: 'build' }>, err: unknown): LocalOutcome {
  const code = err instanceof AppError ? err.code : 'LISTING_BUILD_FAILED';
  return { kind: 'local', sku: candidate.sku, stamp: candidate.stamp, status: 'error', reason: code, productType: null };
}

/**
 * Decides what one SKU needs: nothing (unchanged payload), a PATCH of the offer (price and/or
 * quantity only), a full UPDATE, or a stop (DELETE / quantity 0) — by comparing the built
 * payload's hashes with the last sent ones.
 */
export function planCandidate(candidate: Candidate, sent: SentState | undefined, settings: SyncSettings, lane: Lane): Plan {
  if (candidate.kind === 'deselect') {
    const reason = stopReason(candidate.reason);
    if (sent?.status === 'removed') return { kind: 'local', sku: candidate.sku, stamp: candidate.stamp, status: 'removed', reason, productType: sent.productType };
    if (!sent?.onAmazon) {
      // Never on Amazon: nothing to stop, it simply is not sent.
      return { kind: 'local', sku: candidate.sku, stamp: candidate.stamp, status: 'skipped', reason: candidate.reason, productType: sent?.productType ?? null };
    }
    return stopMessage(candidate.sku, candidate.stamp, sent.productType ?? candidate.productType, settings, reason, candidate.zeroOnly);
  }
  if (candidate.kind === 'skip') {
    // A kit that is on Amazon from before the setting changed must be stopped, not forgotten.
    if (candidate.stopLive && sent?.onAmazon && sent.status !== 'removed') return stopMessage(candidate.sku, candidate.stamp, sent.productType, settings, 'deselected');
    return { kind: 'local', sku: candidate.sku, stamp: candidate.stamp, status: 'skipped', reason: candidate.reason, productType: sent?.productType ?? null };
  }
  let listing: Listing;
  try {
    listing = buildListing(candidate.input);
  } catch (err) {
    if (lane === 'fast') return { kind: 'deferred', sku: candidate.sku };
    return buildError(candidate, err);
  }
  const { hashes, attributesJson } = serializeListing(listing);
  const reason = candidate.belowSafety ? 'below_safety_stock' : null;
  const base = { kind: 'send' as const, sku: candidate.sku, stamp: candidate.stamp, productType: listing.productType, hashes, reason };
  const old = sent?.hashes;
  if (old && old.full === hashes.full) {
    // Unchanged: keep Amazon's verdict (live, error…) and just record the new stamp.
    return { kind: 'local', sku: candidate.sku, stamp: candidate.stamp, status: sent?.status ?? 'live', reason: sent?.status === 'paused' ? reason : null, productType: listing.productType };
  }
  if (sent?.onAmazon && old && old.content === hashes.content) {
    const changed = [...(old.quantity !== hashes.quantity ? QUANTITY_ATTRIBUTES : []), ...(old.price !== hashes.price ? PRICE_ATTRIBUTES : [])];
    const priority = old.quantity !== hashes.quantity ? PRIORITY.quantity : PRIORITY.price;
    const patches = patchesFor(listing, changed);
    if (patches && patches.length > 0) {
      const json = Buffer.from(JSON.stringify({ sku: candidate.sku, operationType: 'PATCH', productType: listing.productType, patches }));
      return { ...base, priority, operation: 'PATCH', json };
    }
  }
  if (lane === 'fast') return { kind: 'deferred', sku: candidate.sku };
  // Same shape as JSON.stringify of an UPDATE message, reusing the attributes text hashed above.
  const requirements = listing.requirements ? `,"requirements":${JSON.stringify(listing.requirements)}` : '';
  const json = Buffer.from(`{"sku":${JSON.stringify(candidate.sku)},"operationType":"UPDATE","productType":${JSON.stringify(listing.productType)}${requirements},"attributes":${attributesJson}}`);
  return { ...base, priority: sent?.onAmazon ? PRIORITY.details : PRIORITY.new, operation: 'UPDATE', json };
}
