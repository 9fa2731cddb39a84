import { checkGtin } from '../ean/gtin';
import type { AmazonListing } from '../db/tables/amazon-listings';

/**
 * Reads Amazon's "All Listings Report" (GET_MERCHANT_LISTINGS_ALL_DATA): tab-separated, one
 * header row, columns found by name so a column Amazon adds or moves does not shift the rest.
 */
export const LISTINGS_REPORT_TYPE = 'GET_MERCHANT_LISTINGS_ALL_DATA';

/** `product-id-type` codes: 1 ASIN, 2 ISBN, 3 UPC, 4 EAN. Only the last three carry a GTIN. */
const GTIN_ID_TYPES = new Set(['2', '3', '4']);

/**
 * Amazon writes these reports in UTF-8 for the Americas but in Windows-1252 for several EU
 * stores; a Brazilian title with "ç" must survive either. Invalid UTF-8 means the legacy encoding.
 */
export function decodeReport(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function nonEmpty(value: string | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

function quantityOf(value: string | undefined): number | null {
  const v = nonEmpty(value);
  if (v === null || !/^\d+$/.test(v)) return null;
  return Number(v);
}

/** Prices keep Amazon's decimal text; a comma decimal separator (some EU files) becomes a dot. */
function priceOf(value: string | undefined): string | null {
  const v = nonEmpty(value)?.replace(',', '.');
  return v !== undefined && v !== null && /^\d+(\.\d+)?$/.test(v) ? v : null;
}

export function parseListingsReport(bytes: Uint8Array): AmazonListing[] {
  const lines = decodeReport(bytes).split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const at = {
    sku: col('seller-sku'),
    asin: col('asin1'),
    productId: col('product-id'),
    idType: col('product-id-type'),
    title: col('item-name'),
    price: col('price'),
    quantity: col('quantity'),
    status: col('status'),
    fulfillment: col('fulfillment-channel'),
    opened: col('open-date'),
  };
  if (at.sku < 0) throw new Error('listings report has no seller-sku column');
  const bySku = new Map<string, AmazonListing>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    const cell = (i: number) => (i < 0 ? undefined : cells[i]);
    const sku = nonEmpty(cell(at.sku));
    if (sku === null) continue;
    const productId = nonEmpty(cell(at.productId));
    const idType = nonEmpty(cell(at.idType));
    const asin = nonEmpty(cell(at.asin)) ?? (idType === '1' ? productId : null);
    const gtin14 = productId !== null && idType !== null && GTIN_ID_TYPES.has(idType) ? checkGtin(productId).gtin14 : null;
    bySku.set(sku, {
      sku,
      asin,
      gtin14,
      title: nonEmpty(cell(at.title)) ?? '',
      price: priceOf(cell(at.price)),
      quantity: quantityOf(cell(at.quantity)),
      status: nonEmpty(cell(at.status)),
      fulfillment: nonEmpty(cell(at.fulfillment)),
      openedAt: nonEmpty(cell(at.opened)),
    });
  }
  return [...bySku.values()];
}
