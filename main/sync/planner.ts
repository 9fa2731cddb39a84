import type { Db } from '../db/connection';
import type { AccountMarketplaceRow } from '../db/tables/accounts';
import { mappingStateOf } from '../db/tables/category-mappings';
import { sentStateOfRow, type SendRow } from '../db/tables/skus-for-send';
import { prepareSentStateLookup, vanishedSkuPages, type SentState } from '../db/tables/sync-listings';
import type { TimeSlice } from '../background/yield';
import type { Translator } from '../i18n';
import { storeColumnLabels } from '../mapping/attributes';
import type { FeedHeader } from './batching';
import { collectSendables, mappingLookupFor, prepareValidators, type Sendable } from './catalog-source';
import { planSendable, type Lane, type Plan, type PlannedMessage } from './delta';
import { readSyncSettings, settingsFingerprint } from './settings';

/** What planning one marketplace needs besides the database: plain data, so a worker thread can be given it. */
export interface PlanRequest {
  readonly accountId: string;
  readonly lane: Lane;
  /** The cycle's day (YYYY-MM-DD) on the engine's clock: dated attributes (a sale's start) use it. */
  readonly today: string;
  readonly marketplace: AccountMarketplaceRow;
}

export type LocalPlan = Exclude<Plan, PlannedMessage>;

/** What a page of the catalog planned: messages to send, in catalog order, and outcomes that send nothing. */
export interface PlanBatch {
  readonly sends: PlannedMessage[];
  readonly locals: LocalPlan[];
}

export function feedHeader(sellerId: string, issueLocale: string | undefined): FeedHeader {
  return {
    sellerId,
    version: '2.0',
    ...(issueLocale ? { issueLocale } : {}),
    // Summaries carry the ASIN of each accepted item, so "live" comes with its ASIN.
    report: { includedData: ['summaries'], apiVersion: '2021-08-01' },
  };
}

/**
 * Plans one marketplace, SKU by SKU, a page of the catalog at a time: every changed SKU is built,
 * checked and compared with what was last sent, then the listings whose SKU left the catalog are
 * stopped. It only reads the database, so it runs on the core's thread (pausing whenever the slice
 * is spent) or on a planning thread of its own with a read-only connection (plan-thread.ts). Each
 * SKU's plan rests on its own row's stamp, so a change written by someone else meanwhile is simply
 * planned again next cycle. Listing rules must have been evaluated before (that writes).
 */
export async function* planMarketplacePages(db: Db, request: PlanRequest, translator: Translator, slice: TimeSlice): AsyncGenerator<PlanBatch> {
  const { accountId, lane, marketplace } = request;
  const settings = readSyncSettings(db, accountId, marketplace.marketplaceId);
  const fingerprint = settingsFingerprint(settings, marketplace.currency + marketplace.language + mappingStateOf(db, marketplace.marketplaceId));
  const lookup = prepareSentStateLookup(db, accountId, marketplace.marketplaceId);
  // What was last sent for a page's SKUs comes with the page; others (variation parents, vanished SKUs) are looked up.
  let fromPage = new Map<string, SentState | undefined>();
  const sentState = (sku: string) => (fromPage.has(sku) ? fromPage.get(sku) : lookup(sku));
  const onPage = (rows: readonly SendRow[]) => {
    fromPage = new Map();
    for (const row of rows) {
      const sent = sentStateOfRow(row);
      if (sent) fromPage.set(sent.sku, sent.state);
    }
  };
  let batch: PlanBatch = { sends: [], locals: [] };
  const plan = (c: Sendable) => {
    const p = planSendable(c, sentState(c.sku), settings, lane);
    if (p.kind === 'send') batch.sends.push(p);
    else batch.locals.push(p);
  };
  const take = () => {
    const taken = batch;
    batch = { sends: [], locals: [] };
    return taken;
  };
  const parents: string[] = [];
  const lookups = mappingLookupFor(db, marketplace, settings, storeColumnLabels(translator));
  await prepareValidators(db, marketplace.marketplaceId, settings, lookups, slice);
  const context = {
    db,
    accountId,
    marketplace,
    settings,
    today: request.today,
    translator,
    parentStamp: (sku: string) => sentState(sku)?.sourceStamp,
    ...lookups,
  };
  for await (const c of collectSendables(context, fingerprint, slice, onPage)) {
    if (c.isVariationParent) parents.push(c.sku);
    plan(c);
    if (slice.spent()) {
      yield take();
      await slice.next();
    }
  }
  fromPage = new Map();
  for (const page of vanishedSkuPages(db, accountId, marketplace.marketplaceId, parents)) {
    for (const v of page)
      plan({
        kind: 'deselect',
        sku: v.sku,
        stamp: null,
        productId: null,
        isVariationParent: false,
        productType: v.productType || null,
        reason: 'deleted',
        fulfilledByAmazon: v.fulfilledByAmazon,
      });
    if (slice.spent()) {
      yield take();
      await slice.next();
    }
  }
  yield take();
}
