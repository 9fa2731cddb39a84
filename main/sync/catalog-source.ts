import type { Db } from '../db/connection';
import type { AccountMarketplaceRow } from '../db/tables/accounts';
import { listKitComponents } from '../db/tables/kits';
import { getSkuByCode } from '../db/tables/skus';
import type { ChangedSkuRow } from '../db/tables/sync-listings';
import { iterateChangedSkus, prepareSkuExists } from '../db/tables/sync-listings';
import { linkGate } from '../linking/gate';
import type { BuildInput, BuilderMarketplace, BuilderProduct, BuilderSku, ProductTypeMapping } from '../listings/builder-types';
import { createMappingResolver } from '../mapping/resolver';
import type { SyncSettings } from './settings';

/**
 * Why a SKU is not sent, each an i18n key under `sync.reasons`: the send settings (kits,
 * variations), the selection, the category mapping, or the seller's decision on an offer that
 * was already on Amazon.
 */
export type SkipReason =
  | 'kit_not_sent'
  | 'variations_not_sent'
  | 'no_category'
  | 'category_unmapped'
  | 'schema_missing'
  | 'link_unconfirmed'
  | 'link_keeps_amazon'
  | 'rule_exit_leave';

/** Why a SKU leaves Amazon (or never goes): inactive in the catalog, out of the selection, a rule stopped matching, or deleted from the catalog. */
export type DeselectReason = 'inactive' | 'not_selected' | 'rule_exit' | 'deleted';

/**
 * What the delta gets for one SKU × marketplace: either the builder's input, or why the SKU is
 * not sent, or that it left the selection. `sku` is the SKU on Amazon: the catalog SKU, or the
 * existing offer's SKU when the seller let Vitrine manage an offer linked by EAN/ASIN.
 */
export type Candidate =
  | { readonly kind: 'build'; readonly sku: string; readonly stamp: string; readonly input: BuildInput; readonly belowSafety: boolean }
  | {
      readonly kind: 'skip';
      readonly sku: string;
      readonly stamp: string;
      readonly reason: SkipReason;
      /** A listing Vitrine put on Amazon is stopped (a kit after "don't send kits"); an offer the seller keeps is left alone. */
      readonly stopLive: boolean;
    }
  | {
      readonly kind: 'deselect';
      readonly sku: string;
      readonly stamp: string | null;
      readonly productType: string | null;
      readonly reason: DeselectReason;
      /** Quantity 0 whatever the "deselected" setting says (a rule's "on exit: quantity 0"). */
      readonly zeroOnly?: boolean;
    };

/** A product's category resolved for one marketplace: what to build it as, or why it cannot be. */
export type MappingLookup = (
  categoryId: number | null,
) =>
  | { readonly kind: 'mapped'; readonly mapping: ProductTypeMapping; readonly schema?: Readonly<Record<string, unknown>> }
  | { readonly kind: 'blocked'; readonly reason: 'no_category' | 'category_unmapped' | 'schema_missing' };

export interface SourceContext {
  readonly db: Db;
  readonly accountId: string;
  readonly marketplace: AccountMarketplaceRow;
  readonly settings: SyncSettings;
  readonly fingerprint: string;
  /** Category → product type mapping and schema (see mappingLookupFor). */
  readonly mappingFor: MappingLookup;
  readonly today: string;
  /** Parent SKU → stamp already built (the caller asks, to avoid rebuilding unchanged parents). */
  readonly parentStamp: (sku: string) => string | null | undefined;
}

/** BCP-47-ish `pt-BR` / `pt_BR` → Amazon's `pt_BR`. */
export function languageTag(language: string): string {
  return language.replace('-', '_');
}

function builderMarketplace(m: AccountMarketplaceRow, settings: SyncSettings): BuilderMarketplace {
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
 * attribute mappings, with the cached schema; read once per cycle and memoised per product type.
 * A category without a mapping uses the settings' fallback product type when there is one.
 */
export function mappingLookupFor(db: Db, marketplace: AccountMarketplaceRow, settings: SyncSettings): MappingLookup {
  const resolver = createMappingResolver(db, marketplace.marketplaceId, languageTag(marketplace.language));
  const fallback = fallbackMapping(settings);
  return (categoryId) => {
    const resolved = resolver.mappingFor(categoryId);
    if (resolved) {
      const cached = resolver.schemaFor(resolved.mapping.productType);
      return cached ? { kind: 'mapped', mapping: resolved.mapping, schema: cached.schema } : { kind: 'blocked', reason: 'schema_missing' };
    }
    if (fallback) {
      const cached = resolver.schemaFor(fallback.productType);
      return { kind: 'mapped', mapping: fallback, ...(cached ? { schema: cached.schema } : {}) };
    }
    return { kind: 'blocked', reason: categoryId === null ? 'no_category' : 'category_unmapped' };
  };
}

function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A product's own handling time from its characteristic, when it holds a whole number of days Amazon accepts. */
function handlingTimeOf(characteristics: Record<string, string>, settings: SyncSettings): number | undefined {
  const raw = settings.handlingTimeCharacteristic ? characteristics[settings.handlingTimeCharacteristic] : undefined;
  const days = raw === undefined ? Number.NaN : Number(raw.trim());
  return Number.isInteger(days) && days >= 0 && days <= 30 ? days : undefined;
}

function productOf(row: ChangedSkuRow, characteristics: Record<string, string>, settings: SyncSettings): BuilderProduct {
  const handlingTimeDays = handlingTimeOf(characteristics, settings);
  return {
    ...(handlingTimeDays !== undefined ? { handlingTimeDays } : {}),
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    ...(row.brand ? { brand: row.brand } : {}),
    ...(row.manufacturer ? { manufacturer: row.manufacturer } : {}),
    bulletPoints: parseList(row.bulletPoints),
    imageUrls: parseList(row.imageUrls),
    characteristics,
  };
}

function isFamily(row: ChangedSkuRow, variation: Record<string, string>): boolean {
  return row.familySize > 1 || Object.keys(variation).length > 0;
}

/** A family's parent needs its own SKU; the product key names it unless a child already uses it. */
export function parentSkuOf(productKey: string, skuExists: (sku: string) => boolean): string {
  return skuExists(productKey) ? `${productKey}-P` : productKey;
}

/**
 * Reads the SKUs whose catalog rows or settings changed since they were last built and turns
 * them into builder inputs, one at a time in catalog order. Variation parents are synthesised
 * from their product. Each row and candidate can be let go as soon as the caller has planned it:
 * at 100k SKUs, holding them all at once made garbage collection a fifth of a cycle. The rows are
 * read as they are consumed, so the caller must not write to the database until it is done.
 */
export function* collectCandidates(ctx: SourceContext): Generator<Candidate> {
  const { db, settings } = ctx;
  const marketplace = builderMarketplace(ctx.marketplace, settings);
  const skuExists = prepareSkuExists(db);
  const parentOfProduct = new Map<number, string>();
  const parentsDone = new Set<string>();
  for (const row of iterateChangedSkus(db, ctx.accountId, ctx.marketplace.marketplaceId, ctx.fingerprint)) {
    const decided = decide(row);
    if (decided.kind !== 'build') {
      yield decided;
      continue;
    }
    const sendSku = decided.sku;
    const variation = JSON.parse(row.variation) as Record<string, string>;
    if (row.isKit === 1 && !settings.sendKits) {
      yield { kind: 'skip', sku: sendSku, stamp: row.stamp, reason: 'kit_not_sent', stopLive: true };
      continue;
    }
    const family = isFamily(row, variation);
    if (family && !settings.sendVariations) {
      yield { kind: 'skip', sku: sendSku, stamp: row.stamp, reason: 'variations_not_sent', stopLive: true };
      continue;
    }
    const mapped = ctx.mappingFor(row.categoryId);
    if (mapped.kind === 'blocked') {
      yield { kind: 'skip', sku: sendSku, stamp: row.stamp, reason: mapped.reason, stopLive: false };
      continue;
    }
    const characteristics = row.characteristics ? (JSON.parse(row.characteristics) as Record<string, string>) : {};
    const product = productOf(row, characteristics, settings);
    const { mapping, schema } = mapped;
    const common = { product, marketplace, mapping, schema, today: ctx.today, settings: listingSettings(settings) };
    let parentSku: string | undefined;
    if (family) {
      parentSku = parentOfProduct.get(row.productId) ?? parentSkuOf(row.productKey, skuExists);
      parentOfProduct.set(row.productId, parentSku);
    }
    if (parentSku !== undefined && !parentsDone.has(parentSku)) {
      parentsDone.add(parentSku);
      if (ctx.parentStamp(parentSku) !== row.productStamp) {
        const parent: BuilderSku = { sku: parentSku, price: 0, stock: 0, isVariationParent: true };
        yield { kind: 'build', sku: parentSku, stamp: row.productStamp, input: { ...common, sku: parent }, belowSafety: false };
      }
    }
    const sku = builderSku(db, row, sendSku, variation, parentSku);
    const belowSafety = row.stock > 0 && row.stock < settings.safetyStock;
    yield { kind: 'build', sku: sendSku, stamp: row.stamp, input: { ...common, sku, ...(row.asin ? { matchedAsin: row.asin } : {}) }, belowSafety };
  }
}

/**
 * The seller's decisions before any building: active in the catalog, in the selection (manual
 * or by a rule; a product a rule let go is zeroed or left alone, per the rule), and the link to
 * an offer already on Amazon (nothing is sent until the seller says how it is treated).
 */
function decide(row: ChangedSkuRow): Candidate | { readonly kind: 'build'; readonly sku: string } {
  const link = row.linkTreatment && row.linkAmazonSku ? { treatment: row.linkTreatment, amazonSku: row.linkAmazonSku } : undefined;
  const gate = linkGate(row.sku, link);
  // An offer the seller keeps (or has not decided on) is never touched, not even stopped.
  if (!gate.send) return { kind: 'skip', sku: row.sku, stamp: row.stamp, reason: gate.reason, stopLive: false };
  // Everything else, stops included, goes out under the SKU Amazon knows the offer by.
  const sku = gate.amazonSku;
  if (row.active !== 1) return { kind: 'deselect', sku, stamp: row.stamp, productType: null, reason: 'inactive' };
  if (row.selected !== 1) {
    if (row.ruleExit === 'leave') return { kind: 'skip', sku, stamp: row.stamp, reason: 'rule_exit_leave', stopLive: false };
    if (row.ruleExit === 'zero-quantity') return { kind: 'deselect', sku, stamp: row.stamp, productType: null, reason: 'rule_exit', zeroOnly: true };
    return { kind: 'deselect', sku, stamp: row.stamp, productType: null, reason: 'not_selected' };
  }
  return { kind: 'build', sku };
}

function listingSettings(s: SyncSettings): BuildInput['settings'] {
  return {
    handlingTimeDays: s.handlingTimeDays,
    safetyStock: s.safetyStock,
    sendPrice: s.sendPrice,
    priceRule: s.priceRule,
    ...(s.shippingTemplate ? { shippingTemplate: s.shippingTemplate } : {}),
  };
}

function builderSku(db: Db, row: ChangedSkuRow, sendSku: string, variation: Record<string, string>, parentSku: string | undefined): BuilderSku {
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
