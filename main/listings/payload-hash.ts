import { createHash } from 'node:crypto';
import type { Listing } from './types';

/** JSON with object keys sorted at every depth; array order is kept because it is meaningful. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Stable fingerprint of what would be sent, for "has this SKU changed since the last send?".
 * Independent of key order; `requirements` defaults to LISTING as Amazon does, so an explicit
 * and an implicit LISTING hash the same.
 */
export function payloadHash(listing: Listing): string {
  const normalized = { productType: listing.productType, requirements: listing.requirements ?? 'LISTING', attributes: listing.attributes };
  return createHash('sha256').update(canonicalJson(normalized)).digest('hex');
}
