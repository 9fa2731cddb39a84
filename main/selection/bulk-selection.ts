import type { BulkRejectReason, IncludeAllResult } from '../../preload/contract';
import { selectProducts, unselectFiltered, type SelectionScope } from '../db/tables/listing-selections';
import { filteredProductIds, getProduct } from '../db/tables/products';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { checkProductsSliced, preparedSettings, problemMessages, type ProductCheck } from './product-checks';
import { marketplaceOf } from '../mapping/service';
import { timeSlice } from '../background/yield';

const logger = createLogger('selection/bulk-selection');

/** Products built and validated per step; each step's choices are written in one transaction. */
export const BULK_CHUNK = 500;
/** Left-out products returned by name, so the summary can show a few examples. */
export const REJECTED_SAMPLE = 20;
export const INCLUDE_ALL_TASK = 'mapping:include-all';

/** The "Incluir produtos" list's filter, as `mapping:selection` reads it. */
export interface SelectionFilter {
  readonly search?: string | undefined;
  readonly categoryId?: number | undefined;
}

const BLOCK_REASONS: Readonly<Record<string, BulkRejectReason>> = {
  no_category: 'no_category',
  category_unmapped: 'category_unmapped',
  schema_missing: 'schema_missing',
  no_price: 'no_price',
  LISTING_NO_VARIATION_THEME: 'no_variation_theme',
  restricted: 'restricted',
  restriction_pending: 'restriction_pending',
};

/**
 * The one thing to fix first, for the grouped counts: a blocked SKU's reason, then a product code
 * the send engine refuses (the EAN screen's verdict), then schema errors.
 */
export function rejectReason(check: ProductCheck): BulkRejectReason {
  if (check.skus.length === 0) return 'no_skus';
  const blocked = check.skus.find((s) => s.blocked !== null)?.blocked;
  if (blocked) return BLOCK_REASONS[blocked.code] ?? 'other';
  if (check.skus.some((s) => s.entry.kind === 'listing' && s.entry.invalid === 'gtin_rejected')) return 'gtin_rejected';
  return 'invalid';
}

/** Today's date (YYYY-MM-DD), for sale schedules: the same as the other readiness checks. */
const today = () => new Date().toISOString().slice(0, 10);

/** Bulk changes running per services instance, by account × marketplace. */
const running = new WeakMap<Services, Set<string>>();

function claim(services: Services, scope: SelectionScope): () => void {
  const key = `${scope.accountId}\u0000${scope.marketplaceId}`;
  const keys = running.get(services) ?? new Set<string>();
  running.set(services, keys);
  if (keys.has(key)) throw new AppError('MAPPING_BULK_RUNNING', { marketplaceId: scope.marketplaceId });
  keys.add(key);
  return () => keys.delete(key);
}

/**
 * Includes every ready product matching the filter when the run starts; the others stay out,
 * counted by reason. Walks the matches in id order, `chunkSize` at a time (each chunk's choices
 * written in one transaction), building and checking them in time slices so the window keeps
 * answering while 100k products are checked; the product types' checks are compiled ahead, a
 * piece at a time.
 */
export async function includeAllReady(
  services: Services,
  scope: SelectionScope,
  filter: SelectionFilter,
  options: { readonly chunkSize?: number } = {},
): Promise<IncludeAllResult> {
  const { marketplace } = marketplaceOf(services, scope);
  const release = claim(services, scope);
  try {
    const chunkSize = options.chunkSize ?? BULK_CHUNK;
    const slice = timeSlice();
    const settings = await preparedSettings(services.db, scope, marketplace, slice);
    const started = performance.now();
    const progress = services.tasks.progress(INCLUDE_ALL_TASK);
    const ids = filteredProductIds(services.db, filter);
    const counts = new Map<BulkRejectReason, number>();
    const sample: IncludeAllResult['rejectedSample'] = [];
    let included = 0;
    let alreadyIncluded = 0;
    progress.report('mapping.progress.including', 0, ids.length);
    for (let offset = 0; offset < ids.length; offset += chunkSize) {
      const checks = await checkProductsSliced(
        services.db,
        services.translator,
        scope,
        ids.slice(offset, offset + chunkSize),
        { today: today(), settings },
        slice,
      );
      const ready = checks.filter((c) => c.status === 'ready').map((c) => c.productId);
      const added = selectProducts(services.db, scope, ready, Date.now());
      included += added;
      alreadyIncluded += ready.length - added;
      for (const check of checks) {
        if (check.status === 'ready') continue;
        const reason = rejectReason(check);
        counts.set(reason, (counts.get(reason) ?? 0) + 1);
        if (sample.length < REJECTED_SAMPLE) {
          const title = getProduct(services.db, check.productId)?.title ?? '';
          sample.push({ productId: check.productId, title, status: check.status, reason, reasons: problemMessages(check) });
        }
      }
      progress.report('mapping.progress.including', Math.min(offset + chunkSize, ids.length), ids.length);
      if (slice.spent()) await slice.next();
    }
    const matched = ids.length;
    progress.finish('mapping.progress.including', matched);
    logger.info(
      `include all: ${matched} matched, ${included} included, ${alreadyIncluded} already, ${matched - included - alreadyIncluded} left out in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const rejected = [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
    return { taskId: progress.taskId, matched, included, alreadyIncluded, rejected, rejectedSample: sample };
  } finally {
    release();
  }
}

/** Takes the seller's choices among the matches out (listing rules keep theirs); refused during an include-all. */
export function excludeAllFiltered(services: Services, scope: SelectionScope, filter: SelectionFilter): number {
  marketplaceOf(services, scope);
  const release = claim(services, scope);
  try {
    return unselectFiltered(services.db, scope, filter);
  } finally {
    release();
  }
}
