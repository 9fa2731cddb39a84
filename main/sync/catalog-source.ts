import type { Db } from '../db/connection';
import type { AccountMarketplaceRow } from '../db/tables/accounts';
import { listKitComponents } from '../db/tables/kits';
import { getSkuByCode } from '../db/tables/skus';
import { changedSkuPages, skusSharingGtin, type SendRow } from '../db/tables/skus-for-send';
import { prepareSkuExists } from '../db/tables/sync-listings';
import { AppError } from '../errors';
import { linkGate } from '../linking/gate';
import { buildListing, buildOfferOnlyListing } from '../listings/builder';
import type { BuildInput, BuilderMarketplace, BuilderProduct, BuilderSku, ListingSettings, ProductTypeMapping } from '../listings/builder-types';
import { gtinVerdict } from '../listings/gtin-verdict';
import type { IssueTranslator } from '../listings/issues';
import { fieldLabelsFor } from '../listings/mapped-attributes';
import type { Listing, ListingIssue } from '../listings/types';
import { createListingValidator, prepareListingValidator, type ListingValidator } from '../listings/validator';
import { listCategoryMappings } from '../db/tables/category-mappings';
import { offerProductTypes } from '../db/tables/skus-for-send';
import type { TimeSlice } from '../background/yield';
import { createLogger } from '../log/logger';
import { createMappingResolver } from '../mapping/resolver';
import { restrictionSkip, type RestrictionSkip } from '../restrictions/gate';
import type { SyncSettings } from './settings';

/**
 * Why a SKU is not sent, each an i18n key under `sync.reasons`: the send settings (kits,
 * variations), the selection, the category mapping, a missing price, or the seller's decision
 * on an offer that was already on Amazon.
 */
export type SkipReason =
  | 'kit_not_sent'
  | 'variations_not_sent'
  | 'no_category'
  | 'category_unmapped'
  | 'schema_missing'
  | 'no_price'
  | 'link_unconfirmed'
  | 'link_keeps_amazon'
  | 'rule_exit_leave'
  | RestrictionSkip;

/** Why a SKU leaves Amazon (or never goes): inactive in the catalog, out of the selection, a rule stopped matching, or deleted from the catalog. */
export type DeselectReason = 'inactive' | 'not_selected' | 'rule_exit' | 'deleted';

/** Built, but not to be sent as it is: its code would be refused, or it fails the product type's rules. */
export type InvalidReason = 'gtin_rejected' | 'listing_invalid';

interface SendableBase {
  /** The SKU on Amazon: the catalog SKU, or the existing offer's SKU when Vitrine manages an offer linked by EAN/ASIN. */
  readonly sku: string;
  readonly stamp: string | null;
  /** The catalog product, null for a listing whose SKU left the catalog. */
  readonly productId: number | null;
  readonly isVariationParent: boolean;
}

/**
 * The one answer to "what would be sent for this SKU": the exact listing (validated against the
 * cached product type schema, with the product code's verdict), or why nothing is built. The send
 * cycle plans from it (main/sync/delta.ts), and "Incluir produtos" shows it as readiness and as
 * the preview (main/selection/product-checks.ts), so the seller sees what the feed carries.
 */
export type Sendable =
  | (SendableBase & {
      readonly kind: 'listing';
      readonly input: BuildInput;
      readonly listing: Listing;
      /** Why it must not be sent as it is: the code's verdict first, then the schema's issues, in the seller's language. */
      readonly issues: readonly ListingIssue[];
      readonly invalid: InvalidReason | null;
      /** Accepted, it reads "paused" (quantity 0 because of the safety stock). */
      readonly belowSafety: boolean;
      /** The price of this existing offer is Amazon's (the seller's) to keep: none is compared or sent. */
      readonly keepsPrice: boolean;
      /** The quantity is Amazon's (an FBA offer): none is compared or sent. */
      readonly keepsQuantity: boolean;
      /** Amazon's offer has parts Vitrine does not send: a content change must not replace them. */
      readonly partialUpdate: boolean;
      /** The version of the cached schema the listing was checked against, if any. */
      readonly schemaVersion: string | null;
    })
  | (SendableBase & {
      /** The catalog cannot make a listing yet (a family without variation theme…): an i18n key under `errors`. */
      readonly kind: 'unbuildable';
      readonly code: string;
      readonly params: Readonly<Record<string, unknown>>;
      readonly productType: string | null;
    })
  | (SendableBase & {
      readonly kind: 'skip';
      readonly reason: SkipReason;
      /** A listing Vitrine put on Amazon is stopped (a kit after "don't send kits"); an offer the seller keeps is left alone. */
      readonly stopLive: boolean;
      readonly fulfilledByAmazon: boolean;
      readonly productType: string | null;
    })
  | (SendableBase & {
      readonly kind: 'deselect';
      readonly productType: string | null;
      readonly reason: DeselectReason;
      /** Quantity 0 whatever the "deselected" setting says (a rule's "on exit: quantity 0"). */
      readonly zeroOnly?: boolean;
      readonly fulfilledByAmazon: boolean;
    });

/** A product's category resolved for one marketplace: what to build it as, or why it cannot be. */
export type MappingLookup = (categoryId: number | null) =>
  | {
      readonly kind: 'mapped';
      readonly mapping: ProductTypeMapping;
      readonly schema: Readonly<Record<string, unknown>>;
      readonly schemaVersion: string;
      /** Attribute → store field ("Cor", "Marca") for validation messages. */
      readonly fieldLabels: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'blocked'; readonly reason: 'no_category' | 'category_unmapped' | 'schema_missing'; readonly productType: string | null };

/** A cached product type schema, for offers on ASINs whose product type is not a mapped one. */
export type SchemaLookup = (productType: string) => { readonly schema: Readonly<Record<string, unknown>>; readonly version: string } | undefined;

export interface SourceContext {
  readonly db: Db;
  readonly accountId: string;
  readonly marketplace: AccountMarketplaceRow;
  readonly settings: SyncSettings;
  /** Category → product type mapping and schema (see mappingLookupFor). */
  readonly mappingFor: MappingLookup;
  readonly schemaFor: SchemaLookup;
  readonly today: string;
  /** Validation and product-code messages, in the seller's language. */
  readonly translator: IssueTranslator;
  /** Parent SKU → stamp already built (a cycle asks, to avoid rebuilding unchanged parents). */
  readonly parentStamp?: (sku: string) => string | null | undefined;
}

/**
 * `cycle`: the send engine's view — the selection, the catalog's active flag and the links to
 * existing offers decide first. `check`: readiness and preview — what would be sent if the
 * product were included, whatever is decided about it now.
 */
export type SourceMode = 'cycle' | 'check';

/** BCP-47-ish `pt-BR` / `pt_BR` → Amazon's `pt_BR`. */
export function languageTag(language: string): string {
  return language.replace('-', '_');
}

export function builderMarketplace(m: AccountMarketplaceRow, settings: SyncSettings): BuilderMarketplace {
  return { id: m.marketplaceId, currency: settings.currency ?? m.currency, languageTag: languageTag(m.language) };
}

/** The send settings' fallback for products whose category is not mapped, when the seller set one. */
function fallbackMapping(settings: SyncSettings): ProductTypeMapping | undefined {
  if (!settings.defaultProductType) return undefined;
  return {
    productType: settings.defaultProductType,
    attributes: Object.entries(settings.characteristicAttributes).map(([attribute, name]) => ({ attribute, source: { kind: 'characteristic', name } })),
    defaults: settings.defaultAttributes,
    ...(settings.variationTheme ? { variationTheme: settings.variationTheme } : {}),
  };
}

/**
 * The mapping feature's category → product type (inherited down the tree) and characteristic →
 * attribute mappings, with the cached schema; read once per call and memoised per product type.
 * A category without a mapping uses the settings' fallback product type when there is one. A
 * product type whose schema was never downloaded blocks its products: nothing is sent that could
 * not be checked first. `columnLabels` name the store's own columns in messages ("Marca").
 */
export function mappingLookupFor(
  db: Db,
  marketplace: AccountMarketplaceRow,
  settings: SyncSettings,
  columnLabels: Readonly<Record<string, string>> = {},
): { readonly mappingFor: MappingLookup; readonly schemaFor: SchemaLookup } {
  const resolver = createMappingResolver(db, marketplace.marketplaceId, languageTag(marketplace.language), columnLabels);
  const fallback = fallbackMapping(settings);
  const fallbackLabels = fallback ? fieldLabelsFor(fallback, columnLabels) : {};
  const mappingFor: MappingLookup = (categoryId) => {
    const resolved = resolver.mappingFor(categoryId);
    const mapping = resolved?.mapping ?? fallback;
    if (!mapping) return { kind: 'blocked', reason: categoryId === null ? 'no_category' : 'category_unmapped', productType: null };
    const cached = resolver.schemaFor(mapping.productType);
    if (!cached) return { kind: 'blocked', reason: 'schema_missing', productType: mapping.productType };
    return { kind: 'mapped', mapping, schema: cached.schema, schemaVersion: cached.version, fieldLabels: resolved?.fieldLabels ?? fallbackLabels };
  };
  return { mappingFor, schemaFor: (productType) => resolver.schemaFor(productType) };
}

const logger = createLogger('sync/catalog-source');

/**
 * Compiles, a piece at a time and pausing when the slice is spent, the checks of every product
 * type this marketplace's SKUs may be built as (mapped categories, the send settings' fallback,
 * the product types of matched ASINs): otherwise the first listing of a real product type would
 * compile its whole schema (about a second) in one go, inside a cycle or a bulk check. A schema
 * that cannot be compiled is left as it is: building against it reports the problem.
 */
export async function prepareValidators(
  db: Db,
  marketplaceId: string,
  settings: SyncSettings,
  lookups: { readonly schemaFor: SchemaLookup },
  slice: TimeSlice,
): Promise<void> {
  const productTypes = new Set([
    ...listCategoryMappings(db, marketplaceId).map((m) => m.productType),
    ...(settings.defaultProductType ? [settings.defaultProductType] : []),
    ...offerProductTypes(db, marketplaceId),
  ]);
  for (const productType of productTypes) {
    const cached = lookups.schemaFor(productType);
    if (!cached) continue;
    try {
      await prepareListingValidator(cached.schema, slice);
    } catch (err) {
      logger.warn(`could not prepare the checks of ${productType} (${marketplaceId})`, err);
    }
    if (slice.spent()) await slice.next();
  }
}

function parseList(json: string | null): string[] {
  if (json === null) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function parseObject(json: string | null): Record<string, string> {
  return json ? (JSON.parse(json) as Record<string, string>) : {};
}

/** A product's own handling time from its characteristic, when it holds a whole number of days Amazon accepts. */
function handlingTimeOf(characteristics: Record<string, string>, settings: SyncSettings): number | undefined {
  const raw = settings.handlingTimeCharacteristic ? characteristics[settings.handlingTimeCharacteristic] : undefined;
  const days = raw === undefined ? Number.NaN : Number(raw.trim());
  return Number.isInteger(days) && days >= 0 && days <= 30 ? days : undefined;
}

/** What is sold: a child's own title, description, images and characteristics over its family's; a parent's are the family's. */
function productOf(row: SendRow, parent: boolean, settings: SyncSettings): BuilderProduct {
  const own = parent || row.skuCharacteristics === null ? undefined : parseObject(row.skuCharacteristics);
  const characteristics = own ? { ...parseObject(row.productCharacteristics), ...own } : parseObject(row.productCharacteristics);
  const description = (parent ? null : row.skuDescription) ?? row.productDescription;
  const handlingTimeDays = handlingTimeOf(characteristics, settings);
  return {
    ...(handlingTimeDays !== undefined ? { handlingTimeDays } : {}),
    title: (parent ? null : row.skuTitle) ?? row.productTitle,
    ...(description ? { description } : {}),
    ...(row.brand ? { brand: row.brand } : {}),
    ...(row.manufacturer ? { manufacturer: row.manufacturer } : {}),
    bulletPoints: parseList(row.bulletPoints),
    imageUrls: parseList((parent ? null : row.skuImageUrls) ?? row.productImageUrls),
    characteristics,
  };
}

function isFamily(row: SendRow, variation: Record<string, string>): boolean {
  return row.familySize > 1 || Object.keys(variation).length > 0;
}

/** A family's parent needs its own SKU; the product key names it unless a child already uses it. */
export function parentSkuOf(productKey: string, skuExists: (sku: string) => boolean): string {
  return skuExists(productKey) ? `${productKey}-P` : productKey;
}

function listingSettings(s: SyncSettings): ListingSettings {
  return {
    handlingTimeDays: s.handlingTimeDays,
    safetyStock: s.safetyStock,
    sendPrice: s.sendPrice,
    priceRule: s.priceRule,
    ...(s.shippingTemplate ? { shippingTemplate: s.shippingTemplate } : {}),
  };
}

function builderSku(db: Db, row: SendRow, sendSku: string, variation: Record<string, string>, parentSku: string | undefined): BuilderSku {
  const kitComponents =
    row.isKit === 1
      ? listKitComponents(db, row.skuId).map((c) => ({ sku: c.sku, quantityPerKit: c.quantity, stock: getSkuByCode(db, c.sku)?.stock ?? 0 }))
      : undefined;
  return {
    sku: sendSku,
    ...(row.gtin ? { gtin: row.gtin } : {}),
    gtinExempt: row.gtinExempt === 1,
    price: (row.priceCents ?? 0) / 100,
    ...(row.salePriceCents !== null ? { salePrice: { amount: row.salePriceCents / 100 } } : {}),
    stock: row.stock,
    ...(row.weightG !== null ? { weightKg: row.weightG / 1000 } : {}),
    ...(row.lengthMm !== null && row.widthMm !== null && row.heightMm !== null
      ? { dimensionsCm: { length: row.lengthMm / 10, width: row.widthMm / 10, height: row.heightMm / 10 } }
      : {}),
    ...(Object.keys(variation).length > 0 ? { variationAttributes: variation } : {}),
    ...(parentSku !== undefined ? { parentSku } : {}),
    ...(kitComponents ? { isKit: true, kitComponents } : {}),
  };
}

/** An offer of the seller's existing Amazon listing that Amazon fulfils (FBA), as the last listings report said. */
function fulfilledByAmazon(row: SendRow): boolean {
  return row.linkTreatment === 'vitrine-manages' && /^AMAZON/i.test(row.linkFulfillment ?? '');
}

type Decided = Exclude<Sendable, { kind: 'listing' | 'unbuildable' }> | { readonly kind: 'build'; readonly sku: string };

/**
 * The seller's decisions before any building: active in the catalog, in the selection (manual
 * or by a rule; a product a rule let go is zeroed or left alone, per the rule), and the link to
 * an offer already on Amazon (nothing is sent until the seller says how it is treated).
 */
function decide(row: SendRow, mode: SourceMode): Decided {
  const link = row.linkTreatment && row.linkAmazonSku ? { treatment: row.linkTreatment, amazonSku: row.linkAmazonSku } : undefined;
  const gate = linkGate(row.sku, link);
  const base = { stamp: row.stamp, productId: row.productId, isVariationParent: false, productType: null, fulfilledByAmazon: fulfilledByAmazon(row) };
  // Readiness asks what would be sent, under the SKU it would be sent as, whatever is decided now.
  if (mode === 'check') return { kind: 'build', sku: gate.send ? gate.amazonSku : row.sku };
  // An offer the seller keeps (or has not decided on) is never touched, not even stopped.
  if (!gate.send) return { ...base, kind: 'skip', sku: row.sku, reason: gate.reason, stopLive: false };
  // Everything else, stops included, goes out under the SKU Amazon knows the offer by.
  const sku = gate.amazonSku;
  if (row.active !== 1) return { ...base, kind: 'deselect', sku, reason: 'inactive' };
  if (row.selected !== 1) {
    if (row.ruleExit === 'leave') return { ...base, kind: 'skip', sku, reason: 'rule_exit_leave', stopLive: false };
    if (row.ruleExit === 'zero-quantity') return { ...base, kind: 'deselect', sku, reason: 'rule_exit', zeroOnly: true };
    return { ...base, kind: 'deselect', sku, reason: 'not_selected' };
  }
  return { kind: 'build', sku };
}

/** The product code's verdict as listing issues, with the EAN panel's words. */
function gtinIssues(ctx: SourceContext, row: SendRow, offerOnly: boolean): ListingIssue[] {
  const codes = gtinVerdict({ gtin: row.gtin, exempt: row.gtinExempt === 1, shared: row.gtinShared === 1, hasAsin: offerOnly });
  if (codes.length === 0) return [];
  const skus = codes.includes('DUPLICATE') ? skusSharingGtin(ctx.db, row.skuId).join(', ') : '';
  const attribute = 'externally_assigned_product_identifier';
  const storeField = ctx.translator.t('mapping.storeFields.gtin');
  return codes.map((code) => ({
    attribute,
    code: code === 'MISSING' ? ('missing' as const) : ('invalid' as const),
    message: ctx.translator.t(`ean.problems.${code}`, { skus }),
    path: `/${attribute}`,
    params: { problem: code, ...(skus ? { skus } : {}) },
    storeField,
  }));
}

interface Target {
  readonly mapping: ProductTypeMapping;
  readonly schema: { readonly schema: Readonly<Record<string, unknown>>; readonly version: string } | undefined;
  readonly fieldLabels: Readonly<Record<string, string>>;
}

/**
 * What the SKU is built as. A new ASIN needs its category's product type and that type's schema.
 * An offer on an ASIN Amazon already has takes the product type Amazon's catalog gave that ASIN
 * (else the category's), and needs no product facts, so no mapping or schema has to exist for it:
 * the schema, when cached, still checks the offer.
 */
function targetOf(ctx: SourceContext, row: SendRow, offerOnly: boolean): Target | Extract<Sendable, { kind: 'skip' }>['reason'] {
  const mapped = ctx.mappingFor(row.categoryId);
  if (!offerOnly)
    return mapped.kind === 'mapped'
      ? { mapping: mapped.mapping, schema: { schema: mapped.schema, version: mapped.schemaVersion }, fieldLabels: mapped.fieldLabels }
      : mapped.reason;
  const categoryType = mapped.kind === 'mapped' ? mapped.mapping.productType : mapped.productType;
  const productType = row.asinProductType ?? categoryType;
  if (productType === null) return mapped.kind === 'blocked' ? mapped.reason : 'category_unmapped';
  const fieldLabels = mapped.kind === 'mapped' && mapped.mapping.productType === productType ? mapped.fieldLabels : {};
  return { mapping: { productType, attributes: [] }, schema: ctx.schemaFor(productType), fieldLabels };
}

/** The offer's parts a price/stock PATCH replaces (main/sync/delta.ts). */
const PRICE_ATTRIBUTES = ['purchasable_offer', 'list_price'];
const QUANTITY_ATTRIBUTES = ['fulfillment_availability'];

const validators = new WeakMap<object, ListingValidator>();

function validate(ctx: SourceContext, listing: Listing, target: Target): readonly ListingIssue[] {
  if (!target.schema) return [];
  const schema = target.schema.schema;
  let validator = validators.get(schema);
  if (!validator) validators.set(schema, (validator = createListingValidator(schema, ctx.translator)));
  return validator.validate(listing, { fieldLabels: target.fieldLabels }).issues;
}

/** Builds and checks one SKU's listing: the exact document, or the builder's refusal. */
function build(
  ctx: SourceContext,
  input: BuildInput,
  target: Target,
  base: SendableBase,
  extra: { offerOnly: boolean; gtin: ListingIssue[]; belowSafety: boolean; keepsPrice: boolean; keepsQuantity: boolean; partialUpdate: boolean },
): Sendable {
  let listing: Listing;
  try {
    listing = extra.offerOnly ? buildOfferOnlyListing(input) : buildListing(input);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { ...base, kind: 'unbuildable', code: err.code, params: err.params ?? {}, productType: target.mapping.productType };
  }
  // Parts Amazon keeps (the seller's price, FBA stock) are not sent and stay valid on Amazon.
  let schemaIssues = validate(ctx, listing, target);
  if (schemaIssues.length > 0 && (extra.keepsPrice || extra.keepsQuantity)) {
    const kept = new Set([...(extra.keepsPrice ? PRICE_ATTRIBUTES : []), ...(extra.keepsQuantity ? QUANTITY_ATTRIBUTES : [])]);
    schemaIssues = schemaIssues.filter((i) => !kept.has(i.attribute));
  }
  const issues = extra.gtin.length === 0 ? schemaIssues : [...extra.gtin, ...schemaIssues];
  const invalid = extra.gtin.length > 0 ? 'gtin_rejected' : schemaIssues.length > 0 ? 'listing_invalid' : null;
  return {
    ...base,
    kind: 'listing',
    input,
    listing,
    issues,
    invalid,
    belowSafety: extra.belowSafety,
    keepsPrice: extra.keepsPrice,
    keepsQuantity: extra.keepsQuantity,
    partialUpdate: extra.partialUpdate,
    schemaVersion: target.schema?.version ?? null,
  };
}

/**
 * Turns catalog rows (main/db/tables/skus-for-send.ts) into what would be sent, one SKU at a time
 * in catalog order; variation parents are synthesised from their product, before its first child.
 * Each result can be let go as soon as the caller has used it: at 100k SKUs, holding them all at
 * once made garbage collection a fifth of a cycle.
 */
export function sendablesOf(rows: Iterable<SendRow>, ctx: SourceContext, mode: SourceMode): Generator<Sendable> {
  return new SendableSource(ctx, mode).of(rows);
}

/**
 * sendablesOf for rows that come in several pages: each call of `of` takes one page, and what a
 * page decided (the parent SKU of a family, a parent already built) holds for the next.
 */
class SendableSource {
  private readonly common: Pick<BuildInput, 'marketplace' | 'today' | 'settings'>;
  private readonly skuExists: (sku: string) => boolean;
  private readonly parentOfProduct = new Map<number, string>();
  private readonly parentsDone = new Set<string>();

  constructor(
    private readonly ctx: SourceContext,
    private readonly mode: SourceMode,
  ) {
    this.common = { marketplace: builderMarketplace(ctx.marketplace, ctx.settings), today: ctx.today, settings: listingSettings(ctx.settings) };
    this.skuExists = prepareSkuExists(ctx.db);
  }

  *of(rows: Iterable<SendRow>): Generator<Sendable> {
    for (const row of rows) {
      const decided = decide(row, this.mode);
      if (decided.kind === 'build') yield* this.built(row, decided.sku);
      else yield decided;
    }
  }

  /** A SKU the seller wants sent: why it cannot be, or its listing (after its family's parent, the first time). */
  private *built(row: SendRow, sendSku: string): Generator<Sendable> {
    const { ctx } = this;
    const { settings } = ctx;
    const variation = JSON.parse(row.variation) as Record<string, string>;
    const fba = fulfilledByAmazon(row);
    const family = isFamily(row, variation);
    const skip = (reason: SkipReason, stopLive: boolean, productType: string | null = null): Sendable => ({
      kind: 'skip',
      sku: sendSku,
      stamp: row.stamp,
      productId: row.productId,
      isVariationParent: false,
      reason,
      stopLive,
      fulfilledByAmazon: fba,
      productType,
    });
    if (row.isKit === 1 && !settings.sendKits) return yield skip('kit_not_sent', true);
    if (family && !settings.sendVariations) return yield skip('variations_not_sent', true);
    // A new offer on an ASIN Amazon restricts for this seller (or has not answered about yet) waits.
    const restricted = row.onAmazon !== 1 && row.linkTreatment === null ? restrictionSkip(row.restriction) : null;
    if (restricted) return yield skip(restricted, false, row.asinProductType);
    // An offer on the ASIN Amazon's catalog has for this code; a variation family makes its own.
    const offerOnly = row.asin !== null && !family;
    const target = targetOf(ctx, row, offerOnly);
    if (typeof target === 'string') return yield skip(target, false);
    const existingOffer = row.onAmazon === 1 || row.linkTreatment === 'vitrine-manages';
    if (row.priceCents === null && !existingOffer) return yield skip('no_price', false, target.mapping.productType);
    const parentSku = family ? this.parentSkuOf(row) : undefined;
    if (parentSku !== undefined && !this.parentsDone.has(parentSku)) {
      this.parentsDone.add(parentSku);
      if (ctx.parentStamp?.(parentSku) !== row.productStamp) yield this.parent(row, parentSku, target);
    }
    // No price in the catalog for an offer Amazon already prices: leave that price as it is.
    const keepsPrice = existingOffer && (!settings.sendPrice || row.priceCents === null);
    const input: BuildInput = {
      ...this.common,
      settings: keepsPrice ? { ...this.common.settings, sendPrice: false } : this.common.settings,
      product: productOf(row, false, settings),
      mapping: target.mapping,
      ...(target.schema ? { schema: target.schema.schema } : {}),
      sku: builderSku(ctx.db, row, sendSku, variation, parentSku),
      ...(row.asin ? { matchedAsin: row.asin } : {}),
      ...(existingOffer ? { existingOffer: true } : {}),
      ...(fba ? { fulfilledByAmazon: true } : {}),
    };
    const base = { sku: sendSku, stamp: row.stamp, productId: row.productId, isVariationParent: false };
    yield build(ctx, input, target, base, {
      offerOnly,
      gtin: gtinIssues(ctx, row, offerOnly),
      belowSafety: !fba && row.stock > 0 && row.stock < settings.safetyStock,
      keepsPrice,
      keepsQuantity: fba,
      partialUpdate: existingOffer && (keepsPrice || fba),
    });
  }

  /** The variation parent's SKU of a family, named once per product. */
  private parentSkuOf(row: SendRow): string {
    const known = this.parentOfProduct.get(row.productId);
    if (known !== undefined) return known;
    const sku = parentSkuOf(row.productKey, this.skuExists);
    this.parentOfProduct.set(row.productId, sku);
    return sku;
  }

  /** The family's variation parent, synthesised from its product (no offer: no price, no stock). */
  private parent(row: SendRow, parentSku: string, target: Target): Sendable {
    const sku: BuilderSku = { sku: parentSku, price: 0, stock: 0, isVariationParent: true };
    const input: BuildInput = {
      ...this.common,
      product: productOf(row, true, this.ctx.settings),
      mapping: target.mapping,
      ...(target.schema ? { schema: target.schema.schema } : {}),
      sku,
    };
    const base = { sku: parentSku, stamp: row.productStamp, productId: row.productId, isVariationParent: true };
    return build(this.ctx, input, target, base, {
      offerOnly: false,
      gtin: [],
      belowSafety: false,
      keepsPrice: true,
      keepsQuantity: true,
      partialUpdate: false,
    });
  }
}

/**
 * A cycle's SKUs whose catalog rows, decisions or settings changed since they were last built,
 * read in pages of products as they are consumed (no statement stays open between them): the
 * caller may pause between SKUs, and others may write meanwhile. Between pages the event loop
 * gets a turn whenever the slice is spent, also when a page holds nothing to send (a no-change
 * cycle reads the whole catalog and yields nothing).
 */
export async function* collectSendables(
  ctx: SourceContext,
  fingerprint: string,
  slice: TimeSlice,
  onPage?: (rows: readonly SendRow[]) => void,
): AsyncGenerator<Sendable> {
  const source = new SendableSource(ctx, 'cycle');
  for (const page of changedSkuPages(ctx.db, ctx.accountId, ctx.marketplace.marketplaceId, fingerprint)) {
    onPage?.(page);
    yield* source.of(page);
    if (slice.spent()) await slice.next();
  }
}
