import type { Db } from '../db/connection';
import type { SelectionScope } from '../db/tables/listing-selections';
import type { Translator } from '../i18n';
import type { Listing, ListingIssue } from '../listings';
import { readSyncSettings, type SyncSettings } from '../sync/settings';
import { mappingLookupFor, prepareValidators } from '../sync/catalog-source';
import type { AccountMarketplaceRow } from '../db/tables/accounts';
import type { TimeSlice } from '../background/yield';
import { storeColumnLabels } from '../mapping/attributes';
import { listingInputsFor, type ListingInputEntry } from './listing-inputs';

export type CheckStatus = 'ready' | 'invalid' | 'blocked';

/** One SKU's verdict in a marketplace: ready to send, invalid (schema or product-code issues) or blocked (a mapping or price is missing). */
export interface SkuCheck {
  readonly sku: string;
  readonly isVariationParent: boolean;
  readonly status: CheckStatus;
  readonly productType: string | null;
  /** Why it is blocked, localized, with its stable code. */
  readonly blocked: { readonly code: string; readonly message: string } | null;
  readonly issues: readonly ListingIssue[];
  /** The exact document the send engine would send, when it could be built. */
  readonly listing: Listing | null;
  /** The send engine's own view of the SKU, for the preview's comparison with what was sent. */
  readonly entry: ListingInputEntry;
}

export interface ProductCheck {
  readonly productId: number;
  readonly status: CheckStatus;
  readonly skus: readonly SkuCheck[];
}

export interface CheckOptions {
  /** Today's date (YYYY-MM-DD) on the app clock, for sale schedules. */
  readonly today: string;
  /** The send settings; read from the database when absent (always, in the app). */
  readonly settings?: SyncSettings;
}

/** A reason the send engine gives, in the words of the screen that fixes it. */
function blockedMessage(translator: Translator, code: string, params: Readonly<Record<string, unknown>>): string {
  for (const key of [`mapping.blocked.${code}`, `sync.reasons.${code}`, `errors.${code}`]) {
    if (translator.has(key)) return translator.t(key, params as Record<string, unknown>);
  }
  return code;
}

function checkEntry(entry: ListingInputEntry, translator: Translator): SkuCheck {
  const base = { sku: entry.sku, isVariationParent: entry.isVariationParent, entry };
  switch (entry.kind) {
    case 'listing':
      return {
        ...base,
        status: entry.invalid === null ? 'ready' : 'invalid',
        productType: entry.listing.productType,
        blocked: null,
        issues: entry.issues,
        listing: entry.listing,
      };
    case 'unbuildable':
      return {
        ...base,
        status: 'blocked',
        productType: entry.productType,
        blocked: { code: entry.code, message: blockedMessage(translator, entry.code, entry.params) },
        issues: [],
        listing: null,
      };
    case 'skip':
      return {
        ...base,
        status: 'blocked',
        productType: entry.productType,
        blocked: { code: entry.reason, message: blockedMessage(translator, entry.reason, { productType: entry.productType ?? '' }) },
        issues: [],
        listing: null,
      };
  }
}

/** Every localized reason a product is not ready: each blocked SKU's, then each issue. */
export function problemMessages(check: ProductCheck): string[] {
  return check.skus.flatMap((s) => [...(s.blocked ? [s.blocked.message] : []), ...s.issues.map((i) => i.message)]);
}

/** A product is as good as its worst SKU: blocked beats invalid beats ready. */
function worst(checks: readonly SkuCheck[]): CheckStatus {
  if (checks.length === 0 || checks.some((c) => c.status === 'blocked')) return 'blocked';
  return checks.some((c) => c.status === 'invalid') ? 'invalid' : 'ready';
}

/**
 * Builds and checks every SKU of the given products exactly as the send engine would — same
 * rows, settings, fallback product type, product-code verdict and schema validation — offline.
 * "Ready" means the engine would send it; Amazon may still add its own checks (checkWithAmazon
 * asks it, without saving).
 */
export function checkProducts(db: Db, translator: Translator, scope: SelectionScope, productIds: readonly number[], options: CheckOptions): ProductCheck[] {
  const bySku = new Map<number, SkuCheck[]>(productIds.map((id) => [id, []]));
  for (const entry of entriesOf(db, translator, scope, productIds, options)) bySku.get(entry.productId)?.push(checkEntry(entry, translator));
  return verdicts(productIds, bySku);
}

/**
 * The scope's send settings, with the checks of every product type its products may be built as
 * compiled ahead, a piece at a time (see prepareValidators): a bulk check then never compiles a
 * whole product type schema in one go.
 */
export async function preparedSettings(db: Db, scope: SelectionScope, marketplace: AccountMarketplaceRow, slice: TimeSlice): Promise<SyncSettings> {
  const settings = readSyncSettings(db, scope.accountId, scope.marketplaceId);
  await prepareValidators(db, scope.marketplaceId, settings, mappingLookupFor(db, marketplace, settings), slice);
  return settings;
}

/** Products read per query by checkProductsSliced: each query's rows are built in slices. */
const SLICED_PAGE = 50;

/**
 * checkProducts for thousands of products at once ("Incluir todos os prontos"): the same verdicts,
 * with the event loop given a turn whenever the slice is spent, so the window keeps answering.
 * The rows are read a page at a time with no statement left open, so pausing between SKUs is safe.
 */
export async function checkProductsSliced(
  db: Db,
  translator: Translator,
  scope: SelectionScope,
  productIds: readonly number[],
  options: CheckOptions,
  slice: TimeSlice,
): Promise<ProductCheck[]> {
  const bySku = new Map<number, SkuCheck[]>(productIds.map((id) => [id, []]));
  for (const entry of entriesOf(db, translator, scope, productIds, options, SLICED_PAGE)) {
    bySku.get(entry.productId)?.push(checkEntry(entry, translator));
    if (slice.spent()) await slice.next();
  }
  return verdicts(productIds, bySku);
}

function entriesOf(db: Db, translator: Translator, scope: SelectionScope, productIds: readonly number[], options: CheckOptions, pageSize?: number) {
  return listingInputsFor(db, scope.accountId, scope.marketplaceId, {
    translator,
    today: options.today,
    columnLabels: storeColumnLabels(translator),
    productIds,
    ...(options.settings ? { settings: options.settings } : {}),
    ...(pageSize ? { pageSize } : {}),
  });
}

function verdicts(productIds: readonly number[], bySku: ReadonlyMap<number, SkuCheck[]>): ProductCheck[] {
  return productIds.map((productId) => {
    const skus = bySku.get(productId) ?? [];
    return { productId, status: worst(skus), skus };
  });
}
