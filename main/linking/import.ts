import type { Db } from '../db/connection';
import { getAmazonListings, type StoredAmazonListing } from '../db/tables/amazon-listings';
import { insertLinks, listAmazonOnlySkus } from '../db/tables/listing-links';
import type { SelectionScope } from '../db/tables/listing-selections';
import { prepareProductUpsert } from '../db/tables/products';
import { saveMatchedAsins } from '../db/tables/sku-gtins';
import { prepareSkuIdLookup, prepareSkuUpsert } from '../db/tables/skus';
import { catalogIdentifier } from '../ean/asin-match';
import { checkGtin } from '../ean/gtin';

export interface ImportSummary {
  readonly imported: number;
  /** A catalog SKU or product already uses the offer's SKU code: linking it is the seller's call. */
  readonly skipped: readonly string[];
}

function cents(price: string | null): number | null {
  if (price === null) return null;
  const [whole = '0', fraction = ''] = price.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

/** The GTIN the way sellers write it (13 digits for an EAN, 12 for a UPC), not the padded 14. */
function displayGtin(gtin14: string | null): string | null {
  return gtin14 === null ? null : catalogIdentifier(gtin14).value;
}

function toCatalog(
  db: Db,
  listing: StoredAmazonListing,
  upsertProduct: ReturnType<typeof prepareProductUpsert>,
  upsertSku: ReturnType<typeof prepareSkuUpsert>,
): number | undefined {
  const product = upsertProduct({
    key: listing.sku,
    title: listing.title || listing.sku,
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product || product.outcome !== 'inserted') return undefined;
  const gtin = displayGtin(listing.gtin14);
  const sku = upsertSku({
    sku: listing.sku,
    productId: product.id,
    gtin,
    gtinExempt: null,
    gtinStatus: gtin === null ? null : checkGtin(gtin).valid ? 'valid' : 'invalid',
    priceCents: cents(listing.price),
    salePriceCents: null,
    // FBA offers have no merchant quantity; the store's own stock starts at zero for them.
    stock: listing.quantity ?? 0,
    weightG: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    variation: null,
    active: true,
  });
  if (listing.asin) saveMatchedAsins(db, [{ sku: listing.sku, asin: listing.asin }]);
  return sku.id;
}

/**
 * Turns offers that exist only on Amazon into catalog products (title, price, quantity, EAN,
 * ASIN), one product per offer keyed by its SKU, and links them. The links start unconfirmed
 * like any other: importing is not a decision about who manages the offer from now on.
 * `amazonSkus` null imports every Amazon-only offer of the scope.
 */
export function importAmazonOnlyListings(db: Db, scope: SelectionScope, amazonSkus: readonly string[] | null, now: number): ImportSummary {
  return db.transaction(() => {
    const wanted = new Set(listAmazonOnlySkus(db, scope));
    const chosen = (amazonSkus ?? [...wanted]).filter((s) => wanted.has(s));
    const skuExists = prepareSkuIdLookup(db);
    const upsertProduct = prepareProductUpsert(db);
    const upsertSku = prepareSkuUpsert(db);
    const skipped: string[] = [];
    const links: { amazonSku: string; skuId: number; matchedBy: 'import' }[] = [];
    for (const listing of getAmazonListings(db, scope, chosen)) {
      const skuId = skuExists(listing.sku) === undefined ? toCatalog(db, listing, upsertProduct, upsertSku) : undefined;
      if (skuId === undefined) skipped.push(listing.sku);
      else links.push({ amazonSku: listing.sku, skuId, matchedBy: 'import' });
    }
    insertLinks(db, scope, links, now);
    return { imported: links.length, skipped };
  })();
}
