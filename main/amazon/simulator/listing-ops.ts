import { uuid } from './ids';
import { attributesFor, listingIn, listingsOfSku, removeListing, saveListing } from './listing-store';
import { validateListingAttributes, type Requirements } from './listing-validation';
import { invalidProductIdIssues } from './product-ids';
import type { ProductTypeRegistry } from './product-types';
import type { SimStore } from './state';
import type { Attributes, ListingIssue, ListingRecord } from './state-types';

/**
 * Listing writes shared by the Listings Items API and JSON_LISTINGS_FEED messages, so a feed
 * UPDATE behaves exactly like putListingsItem, PATCH like patchListingsItem, and so on.
 */
export interface PatchOp {
  readonly op: 'add' | 'replace' | 'merge' | 'delete';
  readonly path: string;
  readonly value?: readonly unknown[];
}

export type Submission =
  | { readonly kind: 'put'; readonly productType: string; readonly requirements?: Requirements; readonly attributes: Attributes }
  | { readonly kind: 'partial'; readonly productType: string; readonly attributes: Attributes }
  | { readonly kind: 'patch'; readonly productType: string; readonly patches: readonly PatchOp[] }
  | { readonly kind: 'delete' };

export interface SubmissionResult {
  readonly status: 'ACCEPTED' | 'INVALID' | 'VALID';
  readonly submissionId: string;
  readonly issues: readonly ListingIssue[];
  /** The listing as it is (or would be, in preview) after the submission. */
  readonly listing?: ListingRecord;
}

export interface ListingsEnv {
  readonly store: SimStore;
  readonly productTypes: ProductTypeRegistry;
  readonly now: number;
}

const ATTRIBUTE_PATH = /^\/attributes\/([a-z0-9_]+)$/;
const PRODUCT_ID_ATTRIBUTE = 'externally_assigned_product_identifier';

function sameSelectors(a: unknown, b: unknown): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return x.marketplace_id === y.marketplace_id && x.language_tag === y.language_tag;
}

/** Applies JSON-patch-like operations to top-level attributes (the only ones Amazon lets you patch). */
export function applyPatches(attributes: Attributes, patches: readonly PatchOp[]): { attributes: Attributes; issues: ListingIssue[] } {
  const next: Attributes = structuredClone(attributes);
  const issues: ListingIssue[] = [];
  for (const patch of patches) {
    const name = ATTRIBUTE_PATH.exec(patch.path)?.[1];
    if (!name) {
      issues.push({
        code: '90000900',
        message: `The patch path '${patch.path}' is invalid. Only top-level attributes (/attributes/<name>) can be patched.`,
        severity: 'ERROR',
        categories: ['INVALID_ATTRIBUTE'],
      });
      continue;
    }
    const value = patch.value ? [...patch.value] : undefined;
    switch (patch.op) {
      case 'add':
      case 'replace':
        if (!value)
          issues.push({
            code: '90000900',
            message: `The '${patch.op}' operation needs a value.`,
            severity: 'ERROR',
            attributeNames: [name],
            categories: ['INVALID_ATTRIBUTE'],
          });
        else next[name] = value;
        break;
      case 'merge': {
        const merged = [...(next[name] ?? [])];
        for (const entry of value ?? []) {
          const i = merged.findIndex((old) => sameSelectors(old, entry));
          if (i >= 0) merged[i] = { ...(merged[i] as object), ...(entry as object) };
          else merged.push(entry);
        }
        next[name] = merged;
        break;
      }
      case 'delete': {
        if (!value) delete next[name];
        else {
          const kept = (next[name] ?? []).filter((old) => !value.some((v) => sameSelectors(old, v)));
          if (kept.length > 0) next[name] = kept;
          else delete next[name];
        }
        break;
      }
    }
  }
  return { attributes: next, issues };
}

function firstValue(attributes: Attributes, name: string, field = 'value'): unknown {
  const entry = attributes[name]?.[0] as Record<string, unknown> | undefined;
  return entry?.[field];
}

/**
 * The catalog ASIN a listing attaches to: the suggested ASIN, a match of its EAN/UPC in this
 * marketplace's catalog, the ASIN it already had here or the SKU has in another marketplace (one
 * SKU is one product), or a new one.
 */
function resolveAsin(
  env: ListingsEnv,
  where: { sellerId: string; sku: string; marketplaceId: string },
  attributes: Attributes,
  previous: string | undefined,
): string {
  const suggested = firstValue(attributes, 'merchant_suggested_asin');
  if (typeof suggested === 'string' && suggested.length === 10) return suggested;
  const identifier = firstValue(attributes, 'externally_assigned_product_identifier');
  if (typeof identifier === 'string') {
    const digits = identifier.padStart(13, '0');
    const match = env.store.data.catalog.find((c) => (c.ean === digits || c.ean === identifier) && c.marketplaceIds.includes(where.marketplaceId));
    if (match) return match.asin;
  }
  if (previous) return previous;
  const elsewhere = listingsOfSku(env.store.data, where.sellerId, where.sku).find((l) => l.asin)?.asin;
  if (elsewhere) return elsewhere;
  return `B0SIM${env.store.nextSequence().toString(36).toUpperCase().padStart(5, '0')}`;
}

/**
 * An offer-only listing (LISTING_OFFER_ONLY) sells an ASIN the catalog already has: without one, or
 * with an ASIN the marketplace does not know, there is nothing to offer on. The code is the
 * simulator's choice (Amazon's own is not in the models); clients key on status and severity.
 */
function offerWithoutProductIssue(env: ListingsEnv, attributes: Attributes, marketplaceId: string): ListingIssue | undefined {
  const asin = firstValue(attributes, 'merchant_suggested_asin');
  if (typeof asin !== 'string') {
    return {
      code: '90220',
      message: "'merchant_suggested_asin' is required but not supplied.",
      severity: 'ERROR',
      attributeNames: ['merchant_suggested_asin'],
      categories: ['MISSING_ATTRIBUTE'],
    };
  }
  const known = env.store.data.catalog.some((c) => c.asin === asin && c.marketplaceIds.includes(marketplaceId));
  if (known) return undefined;
  return {
    code: '4000001',
    message: `The ASIN '${asin}' was not found in the Amazon catalog for this marketplace.`,
    severity: 'ERROR',
    attributeNames: ['merchant_suggested_asin'],
    categories: ['INVALID_ATTRIBUTE'],
  };
}

/**
 * A PATCH or PARTIAL_UPDATE needs an existing listing. Amazon's exact code for this case is not in
 * the models or the sandbox cases, so 4000003 is the simulator's choice; clients should key on
 * status INVALID and severity, not on this code.
 */
function notFoundIssue(sku: string, marketplaceId: string): ListingIssue {
  return {
    code: '4000003',
    message: `The SKU '${sku}' does not exist for this selling partner in marketplace ${marketplaceId}; submit a full listing first.`,
    severity: 'ERROR',
    categories: [],
  };
}

export interface SubmitOptions {
  /** mode=VALIDATION_PREVIEW: validate and answer, write nothing. */
  readonly preview?: boolean;
}

export function submitListing(
  env: ListingsEnv,
  sellerId: string,
  sku: string,
  marketplaceId: string,
  submission: Submission,
  options: SubmitOptions = {},
): SubmissionResult {
  const preview = options.preview ?? false;
  const submissionId = uuid();
  const data = env.store.data;
  // The SKU's listing in this marketplace only: its listings elsewhere are other offers.
  const existing = listingIn(data, sellerId, sku, marketplaceId);
  if (submission.kind === 'delete') {
    if (!preview && removeListing(data, sellerId, sku, marketplaceId)) env.store.markDirty();
    return { status: preview ? 'VALID' : 'ACCEPTED', submissionId, issues: [] };
  }
  if (submission.kind !== 'put' && !existing) return { status: 'INVALID', submissionId, issues: [notFoundIssue(sku, marketplaceId)] };

  let attributes: Attributes;
  let issues: ListingIssue[] = [];
  // A put's attributes come from a request body or feed message parsed for this submission
  // alone, so the listing takes them as they are; copying them was a tenth of a feed's cost.
  // Values tagged for another marketplace are not this listing's: what they were meant to
  // provide is missing here, and validation says so.
  if (submission.kind === 'put') attributes = attributesFor(submission.attributes, marketplaceId);
  else if (submission.kind === 'partial')
    attributes = { ...structuredClone(existing?.attributes ?? {}), ...structuredClone(attributesFor(submission.attributes, marketplaceId)) };
  else {
    ({ attributes, issues } = applyPatches(existing?.attributes ?? {}, submission.patches));
    attributes = attributesFor(attributes, marketplaceId);
  }

  issues.push(
    ...validateListingAttributes(env.productTypes, {
      productType: submission.productType,
      attributes,
      requirements: submission.kind === 'put' ? submission.requirements : (existing?.requirements as Requirements | undefined),
      ...(submission.kind === 'put' ? {} : { touched: touchedNames(submission) }),
    }),
  );
  // A partial submission answers only for the product id it brings.
  if (submission.kind === 'put' || touchedNames(submission).has(PRODUCT_ID_ATTRIBUTE)) issues.push(...invalidProductIdIssues(sku, attributes));
  if (submission.kind === 'put' && submission.requirements === 'LISTING_OFFER_ONLY') {
    const missing = offerWithoutProductIssue(env, attributes, marketplaceId);
    if (missing) issues.push(missing);
  }
  if (issues.some((i) => i.severity === 'ERROR')) return { status: 'INVALID', submissionId, issues };

  const listing: ListingRecord = {
    sku,
    productType: submission.productType,
    requirements: submission.kind === 'put' ? submission.requirements : existing?.requirements,
    attributes,
    marketplaceId,
    asin: resolveAsin(env, { sellerId, sku, marketplaceId }, attributes, existing?.asin),
    issues,
    createdAt: existing?.createdAt ?? env.now,
    updatedAt: env.now,
  };
  if (preview) return { status: 'VALID', submissionId, issues, listing };
  saveListing(data, sellerId, listing);
  env.store.markDirty();
  return { status: 'ACCEPTED', submissionId, issues, listing };
}

function touchedNames(submission: Submission): Set<string> {
  if (submission.kind === 'partial') return new Set(Object.keys(submission.attributes));
  if (submission.kind !== 'patch') return new Set();
  return new Set(submission.patches.flatMap((p) => ATTRIBUTE_PATH.exec(p.path)?.[1] ?? []));
}

/** BUYABLE when it has a price and stock and no blocking issue; DISCOVERABLE otherwise. */
export function listingStatus(listing: ListingRecord): ('BUYABLE' | 'DISCOVERABLE')[] {
  const price = listing.attributes.purchasable_offer?.length;
  const quantity = firstValue(listing.attributes, 'fulfillment_availability', 'quantity');
  const blocked = listing.issues.some((i) => i.severity === 'ERROR');
  return price && typeof quantity === 'number' && quantity > 0 && !blocked ? ['BUYABLE', 'DISCOVERABLE'] : ['DISCOVERABLE'];
}

/** Unit price from `purchasable_offer[0].our_price[0].schedule[0].value_with_tax`. */
export function listingPrice(listing: ListingRecord): { amount: number; currency: string } | undefined {
  const offer = listing.attributes.purchasable_offer?.[0] as { currency?: string; our_price?: { schedule?: { value_with_tax?: number }[] }[] } | undefined;
  const amount = offer?.our_price?.[0]?.schedule?.[0]?.value_with_tax;
  return typeof amount === 'number' && offer?.currency ? { amount, currency: offer.currency } : undefined;
}

export function listingQuantity(listing: ListingRecord): number {
  const q = firstValue(listing.attributes, 'fulfillment_availability', 'quantity');
  return typeof q === 'number' ? q : 0;
}

export function listingTitle(listing: ListingRecord): string | undefined {
  const v = firstValue(listing.attributes, 'item_name');
  return typeof v === 'string' ? v : undefined;
}
