import type { Db } from '../db/connection';
import type { SelectionScope } from '../db/tables/listing-selections';
import { AppError } from '../errors';
import type { Translator } from '../i18n';
import { buildListing, createListingValidator, type Listing, type ListingIssue, type ListingSettings } from '../listings';
import { STORE_FILLED } from './attributes';
import { listingInputsFor, type ListingInputEntry } from './listing-inputs';

export type CheckStatus = 'ready' | 'invalid' | 'blocked';

/** One SKU's verdict in a marketplace: ready to send, invalid (schema issues) or blocked (a mapping is missing). */
export interface SkuCheck {
  readonly sku: string;
  readonly isVariationParent: boolean;
  readonly status: CheckStatus;
  readonly productType: string | null;
  /** Why it is blocked, localized, with its stable code. */
  readonly blocked: { readonly code: string; readonly message: string } | null;
  readonly issues: readonly ListingIssue[];
  /** The exact document that would be sent, when it could be built. */
  readonly listing: Listing | null;
}

export interface ProductCheck {
  readonly productId: number;
  readonly status: CheckStatus;
  readonly skus: readonly SkuCheck[];
}

export interface CheckOptions {
  readonly settings: ListingSettings;
  readonly today: string;
}

/** `mapping.storeFields.<key>` labels per attribute, so issues name the column to fix ("Marca"). */
export function storeColumnLabels(translator: Pick<Translator, 't'>): Record<string, string> {
  return Object.fromEntries(Object.entries(STORE_FILLED).map(([attribute, key]) => [attribute, translator.t(`mapping.storeFields.${key}`)]));
}

function checkEntry(entry: ListingInputEntry, translator: Translator): SkuCheck {
  const base = { sku: entry.sku, isVariationParent: entry.isVariationParent, productType: entry.productType };
  if (entry.status === 'blocked') {
    const message = translator.t(`mapping.blocked.${entry.reason}`, { productType: entry.productType ?? '' });
    return { ...base, status: 'blocked', blocked: { code: entry.reason, message }, issues: [], listing: null };
  }
  let listing: Listing;
  try {
    listing = buildListing(entry.input);
  } catch (err) {
    // The builder refuses inputs a mapping must fix first (a family without a variation theme).
    if (!(err instanceof AppError)) throw err;
    const message = translator.t(`errors.${err.code}`, err.params as Record<string, unknown>);
    return { ...base, status: 'blocked', blocked: { code: err.code, message }, issues: [], listing: null };
  }
  const schema = entry.input.schema ?? {};
  const result = createListingValidator(schema, translator).validate(listing, { fieldLabels: entry.fieldLabels });
  return { ...base, status: result.valid ? 'ready' : 'invalid', blocked: null, issues: result.issues, listing };
}

/** Every localized reason a product is not ready: each blocked SKU's, then each schema issue. */
export function problemMessages(check: ProductCheck): string[] {
  return check.skus.flatMap((s) => [...(s.blocked ? [s.blocked.message] : []), ...s.issues.map((i) => i.message)]);
}

/** A product is as good as its worst SKU: blocked beats invalid beats ready. */
function worst(checks: readonly SkuCheck[]): CheckStatus {
  if (checks.length === 0 || checks.some((c) => c.status === 'blocked')) return 'blocked';
  return checks.some((c) => c.status === 'invalid') ? 'invalid' : 'ready';
}

/**
 * Builds and validates every SKU of the given products against the cached product type schema,
 * offline. "Ready" here means the document passes the schema; Amazon may still add its own
 * checks (checkWithAmazon asks it, without saving).
 */
export function checkProducts(
  db: Db,
  translator: Translator,
  scope: SelectionScope,
  productIds: readonly number[],
  options: CheckOptions,
): ProductCheck[] {
  const bySku = new Map<number, SkuCheck[]>(productIds.map((id) => [id, []]));
  const entries = listingInputsFor(db, scope.accountId, scope.marketplaceId, {
    settings: options.settings,
    today: options.today,
    columnLabels: storeColumnLabels(translator),
    productIds,
  });
  for (const entry of entries) bySku.get(entry.productId)?.push(checkEntry(entry, translator));
  return productIds.map((productId) => {
    const skus = bySku.get(productId) ?? [];
    return { productId, status: worst(skus), skus };
  });
}
