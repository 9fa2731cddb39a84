import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { selectedIdsPage } from '../db/tables/listing-sources';
import { sendRowsOfProducts } from '../db/tables/skus-for-send';
import { AppError } from '../errors';
import type { IssueTranslator } from '../listings/issues';
import { mappingLookupFor, sendablesOf, type Sendable, type SkipReason } from '../sync/catalog-source';
import { readSyncSettings, type SyncSettings } from '../sync/settings';

/**
 * Why a SKU cannot be built yet, fixed on a mapping or catalog screen, not on Amazon
 * (i18n: mapping.blocked.<reason>, else sync.reasons.<reason>).
 */
export type BlockReason = SkipReason;

/** One SKU × marketplace as the send engine would send it (main/sync/catalog-source.ts), with its product. */
export type ListingInputEntry = Exclude<Sendable, { kind: 'deselect' }> & { readonly productId: number };
export type ReadyListingInput = Extract<ListingInputEntry, { kind: 'listing' }>;
export type BlockedListingInput = Exclude<ListingInputEntry, { kind: 'listing' }>;

export interface ListingInputsOptions {
  /** Messages (schema issues, product codes) in the seller's language. */
  readonly translator: IssueTranslator;
  /** Today's date (YYYY-MM-DD) on the app clock, for sale schedules. */
  readonly today: string;
  /** Store column labels per attribute (`brand` → "Marca"); characteristic names are added. */
  readonly columnLabels?: Readonly<Record<string, string>>;
  /** Only these products, selected or not (status screens, previews). Default: the selection. */
  readonly productIds?: readonly number[];
  /** The send settings; read from the database when absent. */
  readonly settings?: SyncSettings;
  readonly pageSize?: number;
}

const DEFAULT_PAGE = 500;

/**
 * What the send engine would send for every SKU of these products (or of the selection), built by
 * the engine's own source (`sendablesOf` in `check` mode): the same rows, settings, mappings,
 * fallback product type, product-code verdict and schema validation as a cycle, without asking
 * whether the product is selected. Pages through the products with short queries, so no
 * statement stays open across a `yield` and the consumer may write between entries.
 * Variation families yield the parent first, then each child.
 */
export function* listingInputsFor(db: Db, accountId: string, marketplaceId: string, options: ListingInputsOptions): Generator<ListingInputEntry> {
  const account = getAccount(db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const marketplace = account.marketplaces.find((m) => m.marketplaceId === marketplaceId);
  if (!marketplace) throw new AppError('MAPPING_MARKETPLACE_UNKNOWN', { marketplaceId });
  const settings = options.settings ?? readSyncSettings(db, accountId, marketplaceId);
  const ctx = {
    db,
    accountId,
    marketplace,
    settings,
    today: options.today,
    translator: options.translator,
    ...mappingLookupFor(db, marketplace, settings, options.columnLabels ?? {}),
  };
  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  let after = 0;
  let offset = 0;
  for (;;) {
    let ids: readonly number[];
    if (options.productIds) {
      if (offset >= options.productIds.length) break;
      ids = options.productIds.slice(offset, offset + pageSize);
      offset += pageSize;
    } else {
      ids = selectedIdsPage(db, { accountId, marketplaceId }, after, pageSize);
      if (ids.length === 0) break;
      after = ids.at(-1) ?? after;
    }
    for (const s of sendablesOf(sendRowsOfProducts(db, accountId, marketplaceId, ids), ctx, 'check')) {
      if (s.kind !== 'deselect' && s.productId !== null) yield { ...s, productId: s.productId };
    }
  }
}
