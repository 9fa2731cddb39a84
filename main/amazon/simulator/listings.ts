import { badRequest, unauthorized, notFound } from './api-errors';
import { listingStatus, submitListing, type PatchOp, type Submission, type SubmissionResult } from './listing-ops';
import type { Requirements } from './listing-validation';
import { listingsOfSku } from './listing-store';
import { listingItemView } from './listing-view';
import { decodePageToken, encodePageToken, fingerprint } from './pagination';
import type { ListingRecord } from './state-types';
import { csv, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';

const MODEL = 'listingsItems_2021-08-01';

/** The Listings Items API only lets a seller touch their own SKUs. */
function ownSeller(ctx: OperationContext): SimResponse | undefined {
  return ctx.pathParams.sellerId === ctx.sellerId
    ? undefined
    : unauthorized('The selling partner in the path is not the one that authorized this access token.');
}

/**
 * The request's marketplaces, each one the seller sells in (put and delete take one, by the
 * model; get, search and patch may name several). A marketplace Amazon does not have never gets
 * here (marketplaces.ts refuses it for every operation).
 */
function marketplacesOf(ctx: OperationContext): { ids: string[] } | { error: SimResponse } {
  const ids = csv(ctx.req.query.marketplaceIds);
  const seller = ctx.store.data.sellers[ctx.sellerId];
  const foreign = ids.find((id) => !seller?.marketplaceIds.includes(id));
  if (foreign) return { error: badRequest(MODEL, 'Invalid input', `The seller does not participate in marketplace ${foreign}.`) };
  return { ids };
}

function env(ctx: OperationContext) {
  return { store: ctx.store, productTypes: ctx.productTypes, now: ctx.clock.now() };
}

function submissionResponse(ctx: OperationContext, sku: string, results: readonly { marketplaceId: string; result: SubmissionResult }[]): SimResponse {
  const invalid = results.some(({ result }) => result.status === 'INVALID');
  const body: Record<string, unknown> = {
    sku,
    status: invalid ? 'INVALID' : (results[0]?.result.status ?? 'ACCEPTED'),
    submissionId: results[0]?.result.submissionId ?? '',
    issues: results.flatMap(({ marketplaceId, result }) => result.issues.map((i) => ({ ...i, marketplaceIds: [marketplaceId] }))),
  };
  const included = csv(ctx.req.query.includedData);
  if (included.includes('identifiers')) {
    body.identifiers = invalid
      ? []
      : results.flatMap(({ marketplaceId, result }) => (result.listing?.asin ? [{ marketplaceId, asin: result.listing.asin }] : []));
  }
  return json(200, body);
}

/**
 * A write applies to each named marketplace's listing of the SKU. With several marketplaces
 * (patch), every one is checked first and nothing is written unless all would be accepted.
 */
function submit(ctx: OperationContext, build: (body: Record<string, unknown>) => Submission): SimResponse {
  const denied = ownSeller(ctx);
  if (denied) return denied;
  const marketplaces = marketplacesOf(ctx);
  if ('error' in marketplaces) return marketplaces.error;
  const sku = ctx.pathParams.sku ?? '';
  const preview = ctx.req.query.mode === 'VALIDATION_PREVIEW';
  const submission = build((ctx.req.body ?? {}) as Record<string, unknown>);
  const run = (dryRun: boolean) =>
    marketplaces.ids.map((marketplaceId) => ({
      marketplaceId,
      result: submitListing(env(ctx), ctx.sellerId, sku, marketplaceId, submission, { preview: dryRun }),
    }));
  if (preview || marketplaces.ids.length === 1) return submissionResponse(ctx, sku, run(preview));
  const checked = run(true);
  return submissionResponse(ctx, sku, checked.some(({ result }) => result.status === 'INVALID') ? checked : run(false));
}

function getListingsItem(ctx: OperationContext): SimResponse {
  const denied = ownSeller(ctx);
  if (denied) return denied;
  const marketplaces = marketplacesOf(ctx);
  if ('error' in marketplaces) return marketplaces.error;
  const sku = ctx.pathParams.sku ?? '';
  const listings = listingsOfSku(ctx.store.data, ctx.sellerId, sku, marketplaces.ids);
  if (listings.length === 0) return notFound(MODEL, `SKU '${sku}' not found in marketplace ${marketplaces.ids.join(', ')}`);
  const included = csv(ctx.req.query.includedData);
  return json(200, listingItemView(listings, included.length > 0 ? included : ['summaries']));
}

function matchesFilters(listing: ListingRecord, q: Readonly<Record<string, string>>): boolean {
  const ids = csv(q.identifiers);
  if (ids.length > 0) {
    const type = q.identifiersType;
    const value = type === 'SKU' ? listing.sku : type === 'ASIN' ? listing.asin : identifierOf(listing);
    if (!value || !ids.includes(value)) return false;
  }
  const time = (v: string | undefined) => (v ? Date.parse(v) : undefined);
  const createdAfter = time(q.createdAfter);
  const createdBefore = time(q.createdBefore);
  const updatedAfter = time(q.lastUpdatedAfter);
  const updatedBefore = time(q.lastUpdatedBefore);
  if (createdAfter !== undefined && listing.createdAt < createdAfter) return false;
  if (createdBefore !== undefined && listing.createdAt >= createdBefore) return false;
  if (updatedAfter !== undefined && listing.updatedAt < updatedAfter) return false;
  if (updatedBefore !== undefined && listing.updatedAt >= updatedBefore) return false;
  const status = listingStatus(listing);
  if (csv(q.withStatus).some((s) => !status.includes(s as 'BUYABLE'))) return false;
  if (csv(q.withoutStatus).some((s) => status.includes(s as 'BUYABLE'))) return false;
  const severities = csv(q.withIssueSeverity);
  if (severities.length > 0 && !listing.issues.some((i) => severities.includes(i.severity))) return false;
  if (q.variationParentSku) {
    const link = listing.attributes.child_parent_sku_relationship?.[0] as { parent_sku?: string } | undefined;
    if (link?.parent_sku !== q.variationParentSku) return false;
  }
  return true;
}

function identifierOf(listing: ListingRecord): string | undefined {
  const v = (listing.attributes.externally_assigned_product_identifier?.[0] as { value?: unknown } | undefined)?.value;
  return typeof v === 'string' ? v : undefined;
}

function compare(sortBy: string, a: ListingRecord, b: ListingRecord): number {
  if (sortBy === 'sku') return a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0;
  if (sortBy === 'createdDate') return a.createdAt - b.createdAt || (a.sku < b.sku ? -1 : 1);
  return a.updatedAt - b.updatedAt || (a.sku < b.sku ? -1 : 1);
}

/** The SKUs with a listing matching the filters in one of the requested marketplaces, each with those listings. */
function matchingSkus(ctx: OperationContext, marketplaceIds: readonly string[]): ListingRecord[][] {
  const q = ctx.req.query;
  // SKU identifiers are looked up, not searched for: a re-check of 20 SKUs costs 20 lookups.
  const candidates =
    q.identifiersType === 'SKU'
      ? [...new Set(csv(q.identifiers))].map((sku) => listingsOfSku(ctx.store.data, ctx.sellerId, sku, marketplaceIds))
      : Object.keys(ctx.store.data.listings[ctx.sellerId] ?? {}).map((sku) => listingsOfSku(ctx.store.data, ctx.sellerId, sku, marketplaceIds));
  return candidates.map((listings) => listings.filter((l) => matchesFilters(l, q))).filter((listings) => listings.length > 0);
}

function searchListingsItems(ctx: OperationContext): SimResponse {
  const denied = ownSeller(ctx);
  if (denied) return denied;
  const marketplaces = marketplacesOf(ctx);
  if ('error' in marketplaces) return marketplaces.error;
  const q = ctx.req.query;
  if (q.identifiers && !q.identifiersType) return badRequest(MODEL, 'Invalid input', 'identifiersType is required when identifiers is provided.');
  if (q.identifiersType && !q.identifiers) return badRequest(MODEL, 'Invalid input', 'identifiers is required when identifiersType is provided.');
  const pageSize = Number(q.pageSize ?? 10);
  const print = fingerprint(q, ['pageToken', 'pageSize', 'includedData']);
  const offset = q.pageToken ? decodePageToken(q.pageToken, print) : 0;
  if (offset === undefined) return badRequest(MODEL, 'Invalid input', 'The pageToken is invalid or does not match the other parameters.');
  const sortBy = q.sortBy ?? 'lastUpdatedDate';
  const direction = q.sortOrder === 'ASC' ? 1 : -1;
  // A SKU sorts by its listing in the first requested marketplace it has one in.
  const all = matchingSkus(ctx, marketplaces.ids).sort((a, b) => direction * compare(sortBy, a[0] as ListingRecord, b[0] as ListingRecord));
  const page = all.slice(offset, offset + pageSize);
  const included = csv(q.includedData);
  const body: Record<string, unknown> = {
    numberOfResults: all.length,
    items: page.map((listings) => listingItemView(listings, included.length > 0 ? included : ['summaries'])),
  };
  const pagination: Record<string, string> = {};
  if (offset + pageSize < all.length) pagination.nextToken = encodePageToken(offset + pageSize, print);
  if (offset > 0) pagination.previousToken = encodePageToken(Math.max(0, offset - pageSize), print);
  if (Object.keys(pagination).length > 0) body.pagination = pagination;
  return json(200, body);
}

function getListingsRestrictions(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  if (q.sellerId !== ctx.sellerId) return unauthorized('The sellerId parameter is not the selling partner that authorized this access token.');
  const item = ctx.store.data.catalog.find((c) => c.asin === q.asin);
  const marketplaceId = csv(q.marketplaceIds)[0] ?? '';
  if (!item) {
    return json(200, { restrictions: [{ marketplaceId, reasons: [{ message: 'The ASIN is not found in the catalog.', reasonCode: 'ASIN_NOT_FOUND' }] }] });
  }
  // Used conditions need approval in the seeded categories, mirroring the common gated case.
  const used = q.conditionType !== undefined && !q.conditionType.startsWith('new_');
  if (!used) return json(200, { restrictions: [] });
  return json(200, {
    restrictions: [
      {
        marketplaceId,
        conditionType: q.conditionType,
        reasons: [
          {
            message: 'You need approval to list in this condition.',
            reasonCode: 'APPROVAL_REQUIRED',
            links: [{ resource: 'https://sellercentral.amazon.com/hz/approvalrequest', verb: 'GET', title: 'Request approval', type: 'text/html' }],
          },
        ],
      },
    ],
  });
}

export const listingsHandlers: OperationHandlers = {
  getListingsItem,
  searchListingsItems,
  getListingsRestrictions,
  putListingsItem: (ctx) =>
    submit(ctx, (body) => ({
      kind: 'put',
      productType: String(body.productType),
      requirements: body.requirements as Requirements | undefined,
      attributes: (body.attributes ?? {}) as Record<string, unknown[]>,
    })),
  patchListingsItem: (ctx) => submit(ctx, (body) => ({ kind: 'patch', productType: String(body.productType), patches: (body.patches ?? []) as PatchOp[] })),
  deleteListingsItem: (ctx) => submit(ctx, () => ({ kind: 'delete' })),
};
