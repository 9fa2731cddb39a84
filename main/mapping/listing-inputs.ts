import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { productsByIds, selectedProductsPage, skusOfProducts, type SourceProduct, type SourceSku } from '../db/tables/listing-sources';
import { AppError } from '../errors';
import type { BuildInput, BuilderMarketplace, BuilderSku, ListingSettings } from '../listings';
import { createMappingResolver } from './resolver';
import { schemaLocale } from './schemas';

/**
 * Why a SKU cannot be built yet; each is fixed on a mapping screen, not on Amazon.
 * (i18n: mapping.blocked.<reason>)
 */
export type BlockReason = 'no_category' | 'category_unmapped' | 'schema_missing' | 'no_price';

interface EntryBase {
  readonly productId: number;
  readonly sku: string;
  readonly marketplaceId: string;
  readonly categoryId: number | null;
  /** The variation parent of a family: an abstract listing with no offer and no catalog row. */
  readonly isVariationParent: boolean;
}

/** Ready for `buildListing(input)` + `createListingValidator(schema).validate(listing, { fieldLabels })`. */
export interface ReadyListingInput extends EntryBase {
  readonly status: 'ready';
  readonly productType: string;
  readonly input: BuildInput;
  /** Attribute → store field ("Cor", "Marca") for validation messages. */
  readonly fieldLabels: Readonly<Record<string, string>>;
  /** Amazon's version of the cached schema the input refers to. */
  readonly schemaVersion: string;
  /** Inactive SKUs are still yielded: a listing already on Amazon must go to quantity 0. */
  readonly active: boolean;
}

export interface BlockedListingInput extends EntryBase {
  readonly status: 'blocked';
  readonly reason: BlockReason;
  readonly productType: string | null;
}

export type ListingInputEntry = ReadyListingInput | BlockedListingInput;

export interface ListingInputsOptions {
  /** The send engine's per-marketplace settings (condition, handling time, price rule…). */
  readonly settings: ListingSettings;
  /** Today's date (YYYY-MM-DD) on the app clock, for sale schedules. */
  readonly today: string;
  /** Store column labels per attribute (`brand` → "Marca"); characteristic names are added. */
  readonly columnLabels?: Readonly<Record<string, string>>;
  /** Only these products, selected or not (status screens, previews). Default: the selection. */
  readonly productIds?: readonly number[];
  readonly pageSize?: number;
}

const DEFAULT_PAGE = 500;

function marketplaceOf(db: Db, accountId: string, marketplaceId: string): BuilderMarketplace {
  const account = getAccount(db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const m = account.marketplaces.find((x) => x.marketplaceId === marketplaceId);
  if (!m) throw new AppError('MAPPING_MARKETPLACE_UNKNOWN', { marketplaceId });
  return { id: marketplaceId, currency: m.currency, languageTag: schemaLocale(m.language) === 'DEFAULT' ? 'en_US' : m.language };
}

function builderSku(s: SourceSku, parentSku: string | undefined): BuilderSku {
  const hasDims = s.lengthMm !== null && s.widthMm !== null && s.heightMm !== null;
  return {
    sku: s.sku,
    ...(s.gtin !== null ? { gtin: s.gtin } : {}),
    gtinExempt: s.gtinExempt,
    price: (s.priceCents ?? 0) / 100,
    ...(s.salePriceCents !== null ? { salePrice: { amount: s.salePriceCents / 100 } } : {}),
    stock: s.stock,
    ...(s.weightG !== null ? { weightKg: s.weightG / 1000 } : {}),
    ...(hasDims ? { dimensionsCm: { length: (s.lengthMm ?? 0) / 10, width: (s.widthMm ?? 0) / 10, height: (s.heightMm ?? 0) / 10 } } : {}),
    ...(Object.keys(s.variation).length > 0 ? { variationAttributes: s.variation } : {}),
    ...(parentSku !== undefined ? { parentSku } : {}),
    ...(s.kitComponents.length > 0
      ? { isKit: true, kitComponents: s.kitComponents.map((k) => ({ sku: k.sku, quantityPerKit: k.quantity, stock: k.stock })) }
      : {}),
  };
}

/**
 * A product is a variation family when its SKUs differ from its key (the parent SKU code) and
 * either there are several or they carry variation attributes.
 */
function isFamily(product: SourceProduct, skus: readonly SourceSku[]): boolean {
  const children = skus.filter((s) => s.sku !== product.key);
  return children.length > 1 || (children.length === 1 && Object.keys(children[0]?.variation ?? {}).length > 0);
}

/**
 * The builder inputs of every SKU × this marketplace, from the catalog, the category and
 * attribute mappings and the cached product type schemas. Pages through the products (500 at a
 * time by default) with short queries, so no statement stays open across a `yield` and the
 * consumer may write to the database between entries. Category inheritance, mappings and
 * schemas are resolved once per call and shared by every SKU of the same product type.
 *
 * Variation families yield the parent first (`isVariationParent`, no offer), then each child.
 */
export function* listingInputsFor(db: Db, accountId: string, marketplaceId: string, options: ListingInputsOptions): Generator<ListingInputEntry> {
  const marketplace = marketplaceOf(db, accountId, marketplaceId);
  const resolver = createMappingResolver(db, marketplaceId, marketplace.languageTag, options.columnLabels ?? {});

  function* entriesOf(product: SourceProduct, skus: readonly SourceSku[]): Generator<ListingInputEntry> {
    const family = isFamily(product, skus);
    const parentSku = family ? product.key : undefined;
    const members: { sku: BuilderSku; active: boolean; asin: string | null; hasPrice: boolean }[] = skus
      .filter((s) => !family || s.sku !== product.key)
      .map((s) => ({ sku: builderSku(s, parentSku), active: s.active, asin: s.asin, hasPrice: s.priceCents !== null }));
    if (family) {
      members.unshift({ sku: { sku: product.key, price: 0, stock: 0, isVariationParent: true }, active: skus.some((s) => s.active), asin: null, hasPrice: true });
    }
    const resolved = resolver.mappingFor(product.categoryId);
    const productType = resolved?.mapping.productType ?? null;
    const schema = productType === null ? undefined : resolver.schemaFor(productType);
    for (const m of members) {
      const base = { productId: product.id, sku: m.sku.sku, marketplaceId, categoryId: product.categoryId, isVariationParent: m.sku.isVariationParent === true };
      const blocked = (reason: BlockReason): BlockedListingInput => ({ ...base, status: 'blocked', reason, productType });
      if (product.categoryId === null) yield blocked('no_category');
      else if (!resolved || productType === null) yield blocked('category_unmapped');
      else if (!schema) yield blocked('schema_missing');
      else if (!m.hasPrice) yield blocked('no_price');
      else {
        const { mapping, fieldLabels } = resolved;
        const input: BuildInput = {
          product: {
            title: product.title,
            ...(product.description !== null ? { description: product.description } : {}),
            ...(product.brand !== null ? { brand: product.brand } : {}),
            ...(product.manufacturer !== null ? { manufacturer: product.manufacturer } : {}),
            bulletPoints: product.bulletPoints,
            imageUrls: product.imageUrls,
            characteristics: product.characteristics,
          },
          sku: m.sku,
          marketplace,
          mapping,
          settings: options.settings,
          ...(m.asin !== null ? { matchedAsin: m.asin } : {}),
          schema: schema.schema,
          today: options.today,
        };
        yield { ...base, status: 'ready', productType, input, fieldLabels, schemaVersion: schema.version, active: m.active };
      }
    }
  }

  const pageSize = options.pageSize ?? DEFAULT_PAGE;
  const scope = { accountId, marketplaceId };
  let after = 0;
  let offset = 0;
  for (;;) {
    let page: SourceProduct[];
    if (options.productIds) {
      if (offset >= options.productIds.length) break;
      page = productsByIds(db, options.productIds.slice(offset, offset + pageSize));
      offset += pageSize;
    } else {
      page = selectedProductsPage(db, scope, after, pageSize);
      if (page.length === 0) break;
      after = page.at(-1)?.id ?? after;
    }
    const skus = skusOfProducts(db, page.map((p) => p.id));
    const byProduct = new Map<number, SourceSku[]>();
    for (const s of skus) {
      const list = byProduct.get(s.productId) ?? [];
      list.push(s);
      byProduct.set(s.productId, list);
    }
    for (const product of page) yield* entriesOf(product, byProduct.get(product.id) ?? []);
  }
}
