import { timeSlice } from '../background/yield';
import type { Db } from '../db/connection';
import { catalogMatchesOf, catalogMatchPages, deleteCatalogMatches, saveCatalogMatches, type CatalogMatch } from '../db/tables/catalog-matches';
import { attachAsin, detachAsin, skuCodeOf, skuCodePages, type SkuCodeRow } from '../db/tables/sku-gtins';
import { matchAsins, type AsinMatch, type CatalogSearchClient } from '../ean/asin-match';
import { checkGtin } from '../ean/gtin';
import { assertNever, type AppError } from '../errors';
import { planCatalogMatch, type PlannedLookup } from './plan';

export interface CatalogMatchSummary {
  /** SKUs looked up in this pass. */
  readonly looked: number;
  /** SKUs whose code names exactly one Amazon product. */
  readonly matched: number;
  /** Of those, SKUs that had no ASIN and got this one (the send engine offers on it). */
  readonly attached: number;
  /** No product on Amazon has the code: a new listing will create it. */
  readonly none: number;
  /** Several ASINs share the code: the seller picks one; nothing is attached. */
  readonly ambiguous: readonly { readonly sku: string; readonly asins: readonly string[] }[];
  /** SKUs not looked up: their code is not one Amazon accepts. */
  readonly invalid: number;
  /** SKUs not looked up: another SKU has the same code. */
  readonly duplicates: number;
  /** SKUs whose lookup failed (looked up again next pass); the distinct explained errors. */
  readonly failed: number;
  readonly errors: readonly AppError[];
}

export interface MatchCatalogOptions {
  readonly marketplaceId: string;
  /** Amazon's locale for the titles (`pt_BR`). */
  readonly locale?: string;
  /** Look up every eligible code again, even those already answered (the seller asked). */
  readonly force?: boolean;
  readonly signal?: AbortSignal;
  /** SKUs looked up so far out of this pass's total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly now?: () => number;
}

/** Codes per write: 10 calls to Amazon, so a crash or quit loses at most a few seconds of answers. */
const CHUNK = 200;

interface Tally {
  matched: number;
  attached: number;
  none: number;
  failed: number;
  readonly ambiguous: { sku: string; asins: readonly string[] }[];
  readonly errors: Set<AppError>;
}

/**
 * Writes one chunk's answers in one transaction. Each SKU's code is read again first: if an
 * import changed it while Amazon was being asked, the answer is for a code the SKU no longer has
 * and is left for the next pass.
 */
function saveChunk(db: Db, marketplaceId: string, chunk: readonly PlannedLookup[], answers: ReadonlyMap<string, AsinMatch>, now: number, tally: Tally): void {
  writeNow(db, () => {
    const stored = catalogMatchesOf(
      db,
      chunk.map((l) => l.skuId),
      marketplaceId,
    );
    const rows: CatalogMatch[] = [];
    for (const lookup of chunk) {
      const answer = answers.get(lookup.gtin14);
      if (!answer) throw new Error(`matchAsins gave no answer for SKU ${lookup.sku}`);
      const current = skuCodeOf(db, lookup.skuId);
      if (!current?.gtin || checkGtin(current.gtin).gtin14 !== lookup.gtin14) continue;
      const previous = stored.get(lookup.skuId);
      const base = {
        skuId: lookup.skuId,
        marketplaceId,
        gtin: lookup.gtin14,
        matchedAt: now,
        title: null,
        brand: null,
        productType: null,
        candidates: [] as string[],
        asin: null,
        attached: false,
      };
      const keepsPrevious = answer.status === 'matched' && previous?.attached === true && previous.asin === answer.asin && current.asin === answer.asin;
      if (previous?.attached && previous.asin && !keepsPrevious) detachAsin(db, lookup.skuId, previous.asin);
      switch (answer.status) {
        case 'matched': {
          const attached = keepsPrevious || attachAsin(db, lookup.skuId, answer.asin);
          tally.matched += 1;
          if (attached && !keepsPrevious) tally.attached += 1;
          rows.push({
            ...base,
            outcome: 'matched',
            asin: answer.asin,
            title: answer.item.title,
            brand: answer.item.brand,
            productType: answer.item.productType,
            attached,
          });
          break;
        }
        case 'ambiguous': {
          const types = new Set(answer.items.map((i) => i.productType));
          const [only] = types;
          tally.ambiguous.push({ sku: lookup.sku, asins: answer.asins });
          rows.push({ ...base, outcome: 'ambiguous', candidates: [...answer.asins], productType: types.size === 1 ? (only ?? null) : null });
          break;
        }
        case 'none':
          tally.none += 1;
          rows.push({ ...base, outcome: 'none' });
          break;
        case 'error':
          tally.failed += 1;
          tally.errors.add(answer.error);
          break;
        case 'invalid':
          // The plan only sends valid codes; a code the checker now rejects waits for the next plan.
          break;
        default:
          assertNever(answer, 'ASIN match');
      }
    }
    saveCatalogMatches(db, rows);
  });
}

/**
 * Runs a write transaction without waiting for another connection's lock (an import streaming
 * into its own connection): better-sqlite3 waits synchronously, which would freeze the app's
 * main thread — and the import with it — for the whole busy timeout. A busy database throws
 * SQLITE_BUSY at once instead; the pass stops and the matching service tries again shortly.
 */
export function writeNow<T>(db: Db, fn: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return db.transaction(fn)();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * One matching pass in one marketplace: plans which SKUs to look up (planCatalogMatch), forgets
 * the answers that no longer hold, then asks Amazon 20 codes per call (its limit; the client's
 * token bucket keeps to 2 calls a second) and records every answer per SKU in `catalog_matches`.
 * A matched ASIN is written into an empty `skus.asin`, never over one the SKU already has.
 * Answers are written every 200 codes, so a pass cut short keeps what it learned.
 */
export async function matchCatalog(db: Db, client: CatalogSearchClient, options: MatchCatalogOptions): Promise<CatalogMatchSummary> {
  const now = options.now ?? Date.now;
  // 100k SKUs and their answers are read a page at a time, pausing when the slice is spent (each
  // answer written later re-reads its SKU's code, so a change made meanwhile is not lost).
  const slice = timeSlice();
  const codes: SkuCodeRow[] = [];
  for (const page of skuCodePages(db)) {
    codes.push(...page);
    if (slice.spent()) await slice.next();
  }
  const known = new Map<number, CatalogMatch>();
  for (const page of catalogMatchPages(db, options.marketplaceId)) {
    for (const [id, match] of page) known.set(id, match);
    if (slice.spent()) await slice.next();
  }
  const plan = planCatalogMatch(codes, known, { force: options.force === true });
  if (plan.drops.length > 0) {
    writeNow(db, () => {
      for (const drop of plan.drops) if (drop.detachAsin) detachAsin(db, drop.skuId, drop.detachAsin);
      deleteCatalogMatches(
        db,
        options.marketplaceId,
        plan.drops.map((d) => d.skuId),
      );
    });
  }
  const tally: Tally = { matched: 0, attached: 0, none: 0, failed: 0, ambiguous: [], errors: new Set() };
  const total = plan.lookups.length;
  for (let i = 0; i < total; i += CHUNK) {
    const chunk = plan.lookups.slice(i, i + CHUNK);
    const answers = await matchAsins(
      client,
      chunk.map((l) => l.gtin14),
      {
        marketplaceId: options.marketplaceId,
        ...(options.locale !== undefined ? { locale: options.locale } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (done) => options.onProgress?.(i + done, total),
      },
    );
    saveChunk(db, options.marketplaceId, chunk, answers, now(), tally);
    options.onProgress?.(Math.min(total, i + CHUNK), total);
  }
  return {
    looked: total,
    matched: tally.matched,
    attached: tally.attached,
    none: tally.none,
    ambiguous: tally.ambiguous,
    invalid: plan.invalid,
    duplicates: plan.duplicates,
    failed: tally.failed,
    errors: [...tally.errors],
  };
}
