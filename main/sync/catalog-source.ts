import type { Db } from '../db/connection';
import type { AccountMarketplaceRow } from '../db/tables/accounts';
import { listKitComponents } from '../db/tables/kits';
import { getSkuByCode } from '../db/tables/skus';
import type { ChangedSkuRow } from '../db/tables/sync-listings';
import { listChangedSkus, prepareSkuExists } from '../db/tables/sync-listings';
import type { BuildInput, BuilderMarketplace, BuilderProduct, BuilderSku, ProductTypeMapping } from '../listings/builder-types';
import type { SyncSettings } from './settings';

/**
 * What the delta gets for one SKU × marketplace: either the builder's input, or why the SKU is
 * not sent (kit/variation settings), or that it left the selection.
 */
export type Candidate =
  | { readonly kind: 'build'; readonly sku: string; readonly stamp: string; readonly input: BuildInput; readonly belowSafety: boolean }
  | { readonly kind: 'skip'; readonly sku: string; readonly stamp: string; readonly reason: 'kit_not_sent' | 'variations_not_sent' }
  | { readonly kind: 'deselect'; readonly sku: string; readonly stamp: string | null; readonly productType: string | null };

export interface SourceContext {
  readonly db: Db;
  readonly accountId: string;
  readonly marketplace: AccountMarketplaceRow;
  readonly settings: SyncSettings;
  readonly fingerprint: string;
  /** Product type JSON schema when known: gives attribute shapes to the builder. */
  readonly schemaFor?: (productType: string) => Readonly<Record<string, unknown>> | undefined;
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

/**
 * TODO(mapping): categories → product types and characteristics → attributes are not built yet.
 * Until they are, every SKU uses the marketplace's default product type and the attribute map
 * from the send settings. This is the single place to swap for the mapping module.
 */
function mappingFor(_categoryId: number | null, settings: SyncSettings): ProductTypeMapping {
  return {
    productType: settings.defaultProductType,
    attributes: Object.entries(settings.characteristicAttributes).map(([attribute, name]) => ({ attribute, source: { kind: 'characteristic', name } })),
    defaults: settings.defaultAttributes,
    ...(settings.variationTheme ? { variationTheme: settings.variationTheme } : {}),
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
 * them into builder inputs. Variation parents are synthesised from their product.
 */
export function collectCandidates(ctx: SourceContext): Candidate[] {
  const { db, settings } = ctx;
  const rows = listChangedSkus(db, ctx.accountId, ctx.marketplace.marketplaceId, ctx.fingerprint);
  const marketplace = builderMarketplace(ctx.marketplace, settings);
  const out: Candidate[] = [];
  const skuExists = prepareSkuExists(db);
  const parentOfProduct = new Map<number, string>();
  const parentsDone = new Set<string>();
  for (const row of rows) {
    const variation = JSON.parse(row.variation) as Record<string, string>;
    if (row.active !== 1) {
      out.push({ kind: 'deselect', sku: row.sku, stamp: row.stamp, productType: null });
      continue;
    }
    if (row.isKit === 1 && !settings.sendKits) {
      out.push({ kind: 'skip', sku: row.sku, stamp: row.stamp, reason: 'kit_not_sent' });
      continue;
    }
    const family = isFamily(row, variation);
    if (family && !settings.sendVariations) {
      out.push({ kind: 'skip', sku: row.sku, stamp: row.stamp, reason: 'variations_not_sent' });
      continue;
    }
    const characteristics = row.characteristics ? (JSON.parse(row.characteristics) as Record<string, string>) : {};
    const product = productOf(row, characteristics, settings);
    const mapping = mappingFor(row.categoryId, settings);
    const schema = ctx.schemaFor?.(mapping.productType);
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
        out.push({ kind: 'build', sku: parentSku, stamp: row.productStamp, input: { ...common, sku: parent }, belowSafety: false });
      }
    }
    const sku = builderSku(db, row, variation, parentSku);
    const belowSafety = row.stock > 0 && row.stock < settings.safetyStock;
    out.push({ kind: 'build', sku: row.sku, stamp: row.stamp, input: { ...common, sku, ...(row.asin ? { matchedAsin: row.asin } : {}) }, belowSafety });
  }
  return out;
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

function builderSku(db: Db, row: ChangedSkuRow, variation: Record<string, string>, parentSku: string | undefined): BuilderSku {
  const kitComponents =
    row.isKit === 1
      ? listKitComponents(db, row.skuId).map((c) => ({ sku: c.sku, quantityPerKit: c.quantity, stock: getSkuByCode(db, c.sku)?.stock ?? 0 }))
      : undefined;
  return {
    sku: row.sku,
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
