import type { Db } from '../db/connection';
import { lastSent, type SentDocument } from '../db/tables/listing-sources';
import type { SelectionScope } from '../db/tables/listing-selections';
import { prepareSentStateLookup } from '../db/tables/sync-listings';
import { canonicalJson, type ListingAttributes } from '../listings';
import { planSendable, serializeListing } from '../sync/delta';
import { readSyncSettings } from '../sync/settings';
import type { SkuCheck } from './product-checks';

export interface AttributeChange {
  readonly attribute: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Pretty JSON of the attribute as last sent / as it would be sent now. */
  readonly before: string | null;
  readonly after: string | null;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/**
 * Attribute-by-attribute difference between what was last sent and the listing as it would be
 * sent now. When no full document is stored (only partial updates or offer patches), only the
 * attributes those carried are compared — nothing else is reported as added.
 */
export function diffAgainstSent(sent: SentDocument, now: ListingAttributes): AttributeChange[] {
  const before = sent.attributes;
  const names = sent.complete ? [...new Set([...Object.keys(before), ...Object.keys(now)])] : Object.keys(before);
  const changes: AttributeChange[] = [];
  for (const attribute of names.sort()) {
    const was = before[attribute];
    const is = now[attribute];
    if (was === undefined && is !== undefined) changes.push({ attribute, change: 'added', before: null, after: pretty(is) });
    else if (was !== undefined && is === undefined) changes.push({ attribute, change: 'removed', before: pretty(was), after: null });
    else if (canonicalJson(was) !== canonicalJson(is)) changes.push({ attribute, change: 'changed', before: pretty(was), after: pretty(is) });
  }
  return changes;
}

export interface SentComparison {
  /** The send engine's fingerprint of the listing as it would be sent now. */
  readonly hash: string | null;
  readonly lastSentAt: number | null;
  /** Whether the next full cycle would send anything for it; null when it was never sent. */
  readonly changedSinceSent: boolean | null;
  readonly diff: AttributeChange[] | null;
}

/**
 * How one SKU of the preview stands against what was last sent: the send engine's own planner
 * decides "changed" (so the preview says changed exactly when a cycle would send), and the diff
 * is read from the stored feed messages.
 */
export function prepareSentComparison(db: Db, scope: SelectionScope): (check: SkuCheck) => SentComparison {
  const settings = readSyncSettings(db, scope.accountId, scope.marketplaceId);
  const sentState = prepareSentStateLookup(db, scope.accountId, scope.marketplaceId);
  return (check) => {
    const last = lastSent(db, scope, check.sku);
    const listing = check.listing;
    const sent = sentState(check.sku);
    const wasSent = last?.sentAt !== undefined && last.sentAt !== null;
    return {
      hash: listing ? serializeListing(listing).hashes.full : null,
      lastSentAt: last?.sentAt ?? null,
      changedSinceSent: wasSent ? planSendable(check.entry, sent, settings, 'full').kind === 'send' : null,
      diff: last?.document && listing ? diffAgainstSent(last.document, listing.attributes) : null,
    };
  };
}
