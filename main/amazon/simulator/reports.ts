import { badRequest, notFound } from './api-errors';
import { presignedDownloadRoute, PRESIGNED_TTL_MS } from './feeds';
import { uuid } from './ids';
import { listingPrice, listingQuantity, listingStatus, listingTitle } from './listing-ops';
import { allListings } from './listing-store';
import type { SimStore } from './state';
import type { ListingRecord, ReportRecord } from './state-types';
import { isoTime, json, type OperationContext, type OperationHandlers, type RawRoute, type SimResponse } from './types';

const MODEL = 'reports_2021-06-30';
export const LISTINGS_REPORT = 'GET_MERCHANT_LISTINGS_ALL_DATA';
/** Amazon's listing reports take a minute or so; the simulator uses 45 s of its clock. */
export const REPORT_PROCESSING_MS = 45_000;

/** Column order of Amazon's "All Listings Report" (tab-separated, header row first). */
export const LISTINGS_REPORT_COLUMNS = [
  'item-name',
  'item-description',
  'listing-id',
  'seller-sku',
  'price',
  'quantity',
  'open-date',
  'image-url',
  'item-is-marketplace',
  'product-id-type',
  'zshop-shipping-fee',
  'item-note',
  'item-condition',
  'zshop-category1',
  'zshop-browse-path',
  'zshop-storefront-feature',
  'asin1',
  'asin2',
  'asin3',
  'will-ship-internationally',
  'expedited-shipping',
  'zshop-boldface',
  'product-id',
  'bid-for-featured-placement',
  'add-delete',
  'pending-quantity',
  'fulfillment-channel',
  'merchant-shipping-group',
  'status',
] as const;

/** Amazon's numeric item-condition codes; 11 = New. */
const CONDITION_CODES: Readonly<Record<string, string>> = { new_new: '11', used_like_new: '1', used_very_good: '2', used_good: '3', used_acceptable: '4' };

function cell(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

function attr(listing: ListingRecord, name: string, field = 'value'): string {
  const v = (listing.attributes[name]?.[0] as Record<string, unknown> | undefined)?.[field];
  return v === undefined ? '' : String(v);
}

function row(listing: ListingRecord): string {
  const price = listingPrice(listing);
  const values: Record<(typeof LISTINGS_REPORT_COLUMNS)[number], string> = {
    'item-name': listingTitle(listing) ?? '',
    'item-description': attr(listing, 'product_description'),
    'listing-id': `${listing.createdAt.toString(36).toUpperCase()}${listing.sku.length}`,
    'seller-sku': listing.sku,
    price: price ? price.amount.toFixed(2) : '',
    quantity: String(listingQuantity(listing)),
    'open-date': isoTime(listing.createdAt)
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC'),
    'image-url': attr(listing, 'main_product_image_locator', 'media_location'),
    'item-is-marketplace': 'y',
    'product-id-type': listing.asin ? '1' : '',
    'zshop-shipping-fee': '',
    'item-note': '',
    'item-condition': CONDITION_CODES[attr(listing, 'condition_type')] ?? '11',
    'zshop-category1': '',
    'zshop-browse-path': '',
    'zshop-storefront-feature': '',
    asin1: listing.asin ?? '',
    asin2: '',
    asin3: '',
    'will-ship-internationally': '',
    'expedited-shipping': '',
    'zshop-boldface': '',
    'product-id': listing.asin ?? '',
    'bid-for-featured-placement': '',
    'add-delete': '',
    'pending-quantity': '0',
    'fulfillment-channel': attr(listing, 'fulfillment_availability', 'fulfillment_channel_code') === 'DEFAULT' ? 'DEFAULT' : 'AMAZON_NA',
    'merchant-shipping-group': attr(listing, 'merchant_shipping_group') || 'Migrated Template',
    status: listingStatus(listing).includes('BUYABLE') ? 'Active' : 'Inactive',
  };
  return LISTINGS_REPORT_COLUMNS.map((c) => cell(values[c])).join('\t');
}

export function listingsReport(listings: readonly ListingRecord[]): string {
  return [LISTINGS_REPORT_COLUMNS.join('\t'), ...listings.map(row)].join('\n') + '\n';
}

function status(report: ReportRecord, now: number): 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' {
  if (now < report.startAt) return 'IN_QUEUE';
  return report.reportDocumentId ? 'DONE' : 'IN_PROGRESS';
}

function reportView(report: ReportRecord, now: number): Record<string, unknown> {
  const s = status(report, now);
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    marketplaceIds: report.marketplaceIds,
    createdTime: isoTime(report.createdAt),
    processingStatus: s,
    ...(s !== 'IN_QUEUE' ? { processingStartTime: isoTime(report.startAt) } : {}),
    ...(s === 'DONE' ? { processingEndTime: isoTime(report.endAt), reportDocumentId: report.reportDocumentId } : {}),
  };
}

/** Writes the document of every report whose processing has ended (snapshot at its end time). */
export function settleReports(store: SimStore, now: number): void {
  for (const report of Object.values(store.data.reports)) {
    if (report.reportDocumentId || report.endAt > now) continue;
    // The report lists the offers in the marketplaces it was asked for, and no others.
    const listings = allListings(store.data, report.sellerId, report.marketplaceIds);
    const id = `amzn1.spdoc.1.4.na.${uuid()}`;
    store.data.documents[id] = {
      id,
      kind: 'report',
      sellerId: report.sellerId,
      contentType: 'text/tab-separated-values; charset=UTF-8',
      createdAt: report.endAt,
      content: Buffer.from(listingsReport(listings)),
    };
    report.reportDocumentId = id;
    store.markDirty();
  }
}

function createReport(ctx: OperationContext): SimResponse {
  const body = ctx.req.body as { reportType: string; marketplaceIds: string[] };
  if (body.reportType !== LISTINGS_REPORT) return badRequest(MODEL, 'Invalid input', `Report type ${body.reportType} is not offered by the simulator.`);
  const now = ctx.clock.now();
  const reportId = String(90_000_000_000 + ctx.store.nextSequence());
  ctx.store.data.reports[reportId] = {
    reportId,
    sellerId: ctx.sellerId,
    reportType: body.reportType,
    marketplaceIds: body.marketplaceIds,
    createdAt: now,
    startAt: now,
    endAt: now + REPORT_PROCESSING_MS,
  };
  ctx.store.markDirty();
  return json(202, { reportId });
}

function getReport(ctx: OperationContext): SimResponse {
  const report = ctx.store.data.reports[ctx.pathParams.reportId ?? ''];
  if (!report || report.sellerId !== ctx.sellerId) return notFound(MODEL, `Report ${ctx.pathParams.reportId ?? ''} not found.`);
  return json(200, reportView(report, ctx.clock.now()));
}

function getReportDocument(ctx: OperationContext): SimResponse {
  const id = ctx.pathParams.reportDocumentId ?? '';
  const doc = ctx.store.data.documents[id];
  if (!doc || doc.kind !== 'report' || doc.sellerId !== ctx.sellerId) return notFound(MODEL, `Report document ${id} not found.`);
  return json(200, { reportDocumentId: id, url: `${ctx.baseUrl}/report-download/${encodeURIComponent(id)}?expires=${ctx.clock.now() + PRESIGNED_TTL_MS}` });
}

export const reportsHandlers: OperationHandlers = { createReport, getReport, getReportDocument };

export const reportsRoutes: readonly RawRoute[] = [presignedDownloadRoute('report-download', 'report')];
