import type { Db } from '../db/connection';
import { listSkusWithoutAsin, saveMatchedAsins } from '../db/tables/sku-gtins';
import { assertNever, type AppError } from '../errors';
import { matchAsins, type CatalogSearchClient } from './asin-match';

export interface CatalogMatchSummary {
  /** SKUs looked up (valid code, no ASIN yet). */
  readonly looked: number;
  /** SKUs that got an ASIN stored. */
  readonly matched: number;
  /** No product on Amazon has the code: a new listing will create it. */
  readonly none: number;
  /** Several ASINs share the code: the seller picks one; nothing is stored. */
  readonly ambiguous: readonly { readonly sku: string; readonly asins: readonly string[] }[];
  /** Codes stored as valid that today's rules reject (imported by an older version): not sent. */
  readonly invalid: number;
  /** SKUs whose lookup failed; the distinct explained errors, for the seller and the log. */
  readonly failed: number;
  readonly errors: readonly AppError[];
}

/**
 * Looks up every SKU without an ASIN on one marketplace and stores the ASINs found. Matching runs
 * first and the writes happen in one transaction at the end, so a crash mid-way stores nothing
 * half-done and the next run simply looks the same SKUs up again.
 */
export async function matchCatalogAsins(
  db: Db,
  client: CatalogSearchClient,
  options: { readonly marketplaceId: string; readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void },
): Promise<CatalogMatchSummary> {
  const skus = listSkusWithoutAsin(db);
  const matches = await matchAsins(
    client,
    skus.map((s) => s.gtin),
    options,
  );
  const toSave: { sku: string; asin: string }[] = [];
  const ambiguous: { sku: string; asins: readonly string[] }[] = [];
  const errors = new Set<AppError>();
  let none = 0;
  let failed = 0;
  let invalid = 0;
  for (const { sku, gtin } of skus) {
    const match = matches.get(gtin);
    if (!match) throw new Error(`matchAsins gave no answer for SKU ${sku}`);
    switch (match.status) {
      case 'matched':
        toSave.push({ sku, asin: match.asin });
        break;
      case 'ambiguous':
        ambiguous.push({ sku, asins: match.asins });
        break;
      case 'error':
        failed += 1;
        errors.add(match.error);
        break;
      case 'none':
        none += 1;
        break;
      case 'invalid':
        invalid += 1;
        break;
      default:
        assertNever(match, 'ASIN match');
    }
  }
  const matched = saveMatchedAsins(db, toSave);
  return { looked: skus.length, matched, none, ambiguous, invalid, failed, errors: [...errors] };
}
