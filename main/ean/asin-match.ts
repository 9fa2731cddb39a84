import type { AppError } from '../errors';
import { explainAmazonError } from '../amazon/explain';
import { createLogger } from '../log/logger';
import { checkGtin } from './gtin';

const logger = createLogger('ean/asin-match');

/**
 * The slice of the SP-API catalog client (main/amazon/api/catalog.ts) this feature calls, typed
 * structurally so tests pass a fake and the real client fits without an adapter.
 */
export type CatalogIdentifierType = 'EAN' | 'UPC' | 'GTIN';

export interface CatalogSearchParams {
  /** searchCatalogItems accepts exactly one marketplace per call. */
  readonly marketplaceId: string;
  readonly identifiers: readonly string[];
  readonly identifiersType: CatalogIdentifierType;
  readonly includedData: readonly ('summaries' | 'identifiers' | 'productTypes')[];
  readonly pageSize?: number;
  readonly pageToken?: string;
  /** Language of the summaries (`pt_BR`): titles come back as the marketplace's shoppers read them. */
  readonly locale?: string;
  readonly signal?: AbortSignal;
}

export interface CatalogSearchItem {
  readonly asin: string;
  readonly identifiers?: readonly {
    readonly marketplaceId: string;
    readonly identifiers: readonly { readonly identifierType: string; readonly identifier: string }[];
  }[];
  readonly summaries?: readonly { readonly marketplaceId: string; readonly itemName?: string | undefined; readonly brand?: string | undefined }[];
  readonly productTypes?: readonly { readonly marketplaceId?: string | undefined; readonly productType?: string | undefined }[];
}

/** What the catalog says about one ASIN in the marketplace asked. */
export interface CatalogItemInfo {
  readonly asin: string;
  readonly title: string | null;
  readonly brand: string | null;
  readonly productType: string | null;
}

export interface CatalogSearchResult {
  readonly items: readonly CatalogSearchItem[];
  readonly pagination?: { readonly nextToken?: string | undefined } | undefined;
}

export interface CatalogSearchClient {
  searchCatalogItems(params: CatalogSearchParams): Promise<CatalogSearchResult>;
}

export type AsinMatch =
  | { readonly status: 'matched'; readonly asin: string; readonly item: CatalogItemInfo }
  | { readonly status: 'none' }
  | { readonly status: 'ambiguous'; readonly asins: readonly string[]; readonly items: readonly CatalogItemInfo[] }
  /** Not sent: Amazon would reject the code anyway (see checkGtin). */
  | { readonly status: 'invalid' }
  /** Amazon (or the network) failed for the batch this code was in; explained for the seller. */
  | { readonly status: 'error'; readonly error: AppError };

/** searchCatalogItems takes at most 20 identifiers per call (and 20 items per page). */
export const IDENTIFIERS_PER_CALL = 20;
/** A batch of 20 codes rarely spans more than two pages; the cap stops a misbehaving nextToken loop. */
const MAX_PAGES_PER_BATCH = 10;

export interface MatchOptions {
  readonly marketplaceId: string;
  /** Amazon's locale for titles (`pt_BR`); the marketplace's default when absent. */
  readonly locale?: string;
  readonly signal?: AbortSignal;
  /** Called after each call to Amazon: codes looked up so far out of the distinct valid total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * The shortest form of a GTIN and the identifier type Amazon files it under: UPCs are catalogued
 * as UPC (12 digits), EAN-13/EAN-8/ISBN-13 as EAN, and only real case codes (indicator 1–9) as GTIN.
 */
export function catalogIdentifier(gtin14: string): { readonly type: CatalogIdentifierType; readonly value: string } {
  if (gtin14.startsWith('000000')) return { type: 'EAN', value: gtin14.slice(6) };
  if (gtin14.startsWith('00')) return { type: 'UPC', value: gtin14.slice(2) };
  if (gtin14.startsWith('0')) return { type: 'EAN', value: gtin14.slice(1) };
  return { type: 'GTIN', value: gtin14 };
}

/** Which of the asked GTIN-14s an item carries in this marketplace (any product-code type). */
function carriedGtins(item: CatalogSearchItem, marketplaceId: string, asked: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  for (const group of item.identifiers ?? []) {
    if (group.marketplaceId !== marketplaceId) continue;
    for (const id of group.identifiers) {
      const gtin14 = checkGtin(id.identifier).gtin14;
      if (gtin14 !== null && asked.has(gtin14)) found.add(gtin14);
    }
  }
  return [...found];
}

function itemInfo(item: CatalogSearchItem, marketplaceId: string): CatalogItemInfo {
  const summary = item.summaries?.find((s) => s.marketplaceId === marketplaceId) ?? item.summaries?.[0];
  const type = item.productTypes?.find((p) => p.marketplaceId === marketplaceId) ?? item.productTypes?.[0];
  return { asin: item.asin, title: summary?.itemName ?? null, brand: summary?.brand ?? null, productType: type?.productType ?? null };
}

interface BatchResult {
  readonly asinsByGtin: Map<string, Set<string>>;
  readonly items: Map<string, CatalogItemInfo>;
}

async function searchBatch(client: CatalogSearchClient, type: CatalogIdentifierType, gtins: readonly string[], options: MatchOptions): Promise<BatchResult> {
  const asinsByGtin = new Map<string, Set<string>>(gtins.map((g) => [g, new Set<string>()]));
  const items = new Map<string, CatalogItemInfo>();
  const asked = new Set(gtins);
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_BATCH; page += 1) {
    const result = await client.searchCatalogItems({
      marketplaceId: options.marketplaceId,
      identifiers: gtins.map((g) => catalogIdentifier(g).value),
      identifiersType: type,
      includedData: ['summaries', 'identifiers', 'productTypes'],
      pageSize: IDENTIFIERS_PER_CALL,
      ...(pageToken === undefined ? {} : { pageToken }),
      ...(options.locale === undefined ? {} : { locale: options.locale }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    for (const item of result.items) {
      const carried = carriedGtins(item, options.marketplaceId, asked);
      // A lone code needs no identifiers block to be attributed; in a batch we cannot guess.
      const targets = carried.length === 0 && gtins.length === 1 ? gtins : carried;
      if (targets.length === 0) logger.warn(`searchCatalogItems returned ${item.asin} without a code we asked for`);
      for (const g of targets) asinsByGtin.get(g)?.add(item.asin);
      items.set(item.asin, itemInfo(item, options.marketplaceId));
    }
    pageToken = result.pagination?.nextToken;
    if (!pageToken) return { asinsByGtin, items };
  }
  logger.warn(`searchCatalogItems kept paging after ${MAX_PAGES_PER_BATCH} pages; using what was read`);
  return { asinsByGtin, items };
}

function toMatch(asins: ReadonlySet<string> | undefined, items: ReadonlyMap<string, CatalogItemInfo>): AsinMatch {
  const list = [...(asins ?? [])].sort();
  const info = (asin: string): CatalogItemInfo => items.get(asin) ?? { asin, title: null, brand: null, productType: null };
  if (list.length === 0) return { status: 'none' };
  if (list.length === 1) return { status: 'matched', asin: list[0] as string, item: info(list[0] as string) };
  return { status: 'ambiguous', asins: list, items: list.map(info) };
}

/**
 * Looks up which existing Amazon products carry the given codes. Codes are deduplicated by
 * GTIN-14 (so `036000291452` and `0036000291452` cost one lookup), grouped by identifier type and
 * sent 20 per call, one call at a time: the client's token bucket paces them to the operation's
 * rate limit (2 per second). A failed batch marks its codes as `error` and the rest carry on;
 * an abort, or anything that is not an Amazon client failure, is thrown.
 *
 * Answers one entry per distinct input string.
 */
export async function matchAsins(client: CatalogSearchClient, codes: Iterable<string>, options: MatchOptions): Promise<Map<string, AsinMatch>> {
  const gtinOf = new Map<string, string | null>();
  for (const code of codes) {
    if (gtinOf.has(code)) continue;
    const check = checkGtin(code);
    gtinOf.set(code, check.valid ? check.gtin14 : null);
  }

  const byType = new Map<CatalogIdentifierType, string[]>();
  for (const gtin14 of new Set([...gtinOf.values()].filter((g): g is string => g !== null))) {
    const type = catalogIdentifier(gtin14).type;
    byType.set(type, [...(byType.get(type) ?? []), gtin14]);
  }
  const total = [...byType.values()].reduce((n, list) => n + list.length, 0);

  const matches = new Map<string, AsinMatch>();
  let done = 0;
  for (const [type, gtins] of byType) {
    for (let i = 0; i < gtins.length; i += IDENTIFIERS_PER_CALL) {
      const batch = gtins.slice(i, i + IDENTIFIERS_PER_CALL);
      try {
        const found = await searchBatch(client, type, batch, options);
        for (const g of batch) matches.set(g, toMatch(found.asinsByGtin.get(g), found.items));
      } catch (err) {
        if (options.signal?.aborted) throw err;
        const error = explainAmazonError(err);
        if (!error) throw err;
        logger.warn(`searchCatalogItems failed for ${batch.length} ${type} codes: ${error.message}`);
        for (const g of batch) matches.set(g, { status: 'error', error });
      }
      done += batch.length;
      options.onProgress?.(done, total);
    }
  }

  return new Map([...gtinOf].map(([code, gtin14]) => [code, gtin14 === null ? { status: 'invalid' } : (matches.get(gtin14) ?? { status: 'none' })]));
}
