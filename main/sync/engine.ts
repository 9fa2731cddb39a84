import { deflateRawSync } from 'node:zlib';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { mappingStateOf } from '../db/tables/category-mappings';
import { listRules } from '../db/tables/listing-rules';
import { insertFeed, listOpenFeeds, nextFeedSeq, type FeedStep, type SyncFeedRow } from '../db/tables/sync-feeds';
import { listVanishedSkus, prepareBuiltWriter, prepareMarkPending, prepareSentStateLookup, type MessageOutcome } from '../db/tables/sync-listings';
import { addRunCounts, finishRunIfComplete, startRun, type SyncTrigger } from '../db/tables/sync-runs';
import { AppError } from '../errors';
import { packDocuments, type FeedHeader } from './batching';
import { evaluateRules } from '../rules/service';
import { Translator } from '../i18n';
import { storeColumnLabels } from '../mapping/product-checks';
import { storedLocale } from '../services';
import { collectSendables, mappingLookupFor, type Sendable } from './catalog-source';
import { planSendable, type Lane, type PlannedMessage, type Plan } from './delta';
import { pumpFeeds, type FeedClient, type ProcessingPace } from './pipeline';
import { readSyncSettings, settingsFingerprint } from './settings';

export interface CycleOptions {
  readonly db: Db;
  readonly client: FeedClient;
  readonly clock: Clock;
  readonly accountId: string;
  readonly lane: Lane;
  readonly trigger: SyncTrigger;
  readonly pace?: ProcessingPace;
  readonly issueLocale?: string;
  readonly onPersisted?: (step: FeedStep, feed: SyncFeedRow) => void;
  readonly onOutcomes?: (feed: SyncFeedRow, outcomes: readonly MessageOutcome[]) => void;
  readonly signal?: AbortSignal;
  /** The seller's language for what a SKU lacks (the app's translator); the stored UI language otherwise. */
  readonly translator?: Translator;
}

export interface CycleSummary {
  readonly runId: number;
  /** Messages submitted to Amazon by this call (including a resumed earlier cycle's). */
  readonly sent: number;
  readonly accepted: number;
  readonly failed: number;
  readonly skipped: number;
  readonly feeds: number;
  readonly bytes: number;
}

interface MarketplacePlan {
  readonly marketplaceId: string;
  readonly header: FeedHeader;
  readonly sends: PlannedMessage[];
  readonly locals: Exclude<Plan, PlannedMessage>[];
}

/** Feeds are submitted in `seq` order: priority first, across marketplaces, then creation order. */
const PRIORITY_SPAN = 1_000_000;

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

function planMarketplace(options: CycleOptions, translator: Translator, sellerId: string, marketplace: NonNullable<ReturnType<typeof getAccount>>['marketplaces'][number]): MarketplacePlan {
  const { db, accountId, lane } = options;
  const scope = { accountId, marketplaceId: marketplace.marketplaceId };
  // Listing rules are evaluated on every cycle, so the selection follows the catalog.
  if (listRules(db, scope).length > 0) evaluateRules(db, scope, options.clock.now());
  const settings = readSyncSettings(db, accountId, marketplace.marketplaceId);
  const fingerprint = settingsFingerprint(settings, marketplace.currency + marketplace.language + mappingStateOf(db, marketplace.marketplaceId));
  const sentState = prepareSentStateLookup(db, accountId, marketplace.marketplaceId);
  const sends: PlannedMessage[] = [];
  const locals: Exclude<Plan, PlannedMessage>[] = [];
  // Planning writes nothing, so each SKU is planned (and dropped) as soon as it is read.
  const plan = (c: Sendable) => {
    const p = planSendable(c, sentState(c.sku), settings, lane);
    if (p.kind === 'send') sends.push(p);
    else locals.push(p);
  };
  const parents: string[] = [];
  const lookups = mappingLookupFor(db, marketplace, settings, storeColumnLabels(translator));
  const sendables = collectSendables(
    {
      db,
      accountId,
      marketplace,
      settings,
      today: today(options.clock),
      translator,
      parentStamp: (sku) => sentState(sku)?.sourceStamp,
      ...lookups,
    },
    fingerprint,
  );
  for (const c of sendables) {
    if (c.isVariationParent) parents.push(c.sku);
    plan(c);
  }
  for (const v of listVanishedSkus(db, accountId, marketplace.marketplaceId, parents)) {
    plan({ kind: 'deselect', sku: v.sku, stamp: null, productId: null, isVariationParent: false, productType: v.productType || null, reason: 'deleted', fulfilledByAmazon: v.fulfilledByAmazon });
  }
  // Stable sort: within a priority, catalog order (parents before their children).
  sends.sort((a, b) => a.priority - b.priority);
  const header: FeedHeader = {
    sellerId,
    version: '2.0',
    ...(options.issueLocale ? { issueLocale: options.issueLocale } : {}),
    // Summaries carry the ASIN of each accepted item, so "live" comes with its ASIN.
    report: { includedData: ['summaries'], apiVersion: '2021-08-01' },
  };
  return { marketplaceId: marketplace.marketplaceId, header, sends, locals };
}

/**
 * Writes the cycle's documents, each in its own transaction with its SKUs' "sending" rows: a crash
 * between two leaves whole documents behind (resumed next time) and SKUs not yet written keep
 * their old stamp (planned again next time). Each document is dropped once written.
 */
function persistPlans(options: CycleOptions, runId: number, plans: readonly MarketplacePlan[]): { skipped: number; feeds: number; bytes: number } {
  const { db, accountId } = options;
  const now = options.clock.now();
  const base = nextFeedSeq(db);
  let counter = 0;
  let skipped = 0;
  let bytes = 0;
  for (const p of plans) {
    const write = prepareBuiltWriter(db, accountId, p.marketplaceId, now);
    for (const doc of packDocuments(p.header, p.sends)) {
      const content = deflateRawSync(doc.content, { level: 1 });
      const priority = doc.messages[0]?.plan.priority ?? 0;
      bytes += doc.content.length;
      db.transaction(() => {
        const feedRowId = insertFeed(db, {
          runId,
          accountId,
          marketplaceId: p.marketplaceId,
          seq: base + priority * PRIORITY_SPAN + counter++,
          messages: doc.messages.length,
          bytes: doc.content.length,
          content,
          createdAt: now,
        });
        for (const m of doc.messages) {
          write({
            sku: m.plan.sku,
            stamp: m.plan.stamp,
            status: 'sending',
            reason: m.plan.reason,
            productType: m.plan.productType,
            ...(m.plan.hashes ? { hashes: m.plan.hashes } : {}),
            send: { feedRowId, messageId: m.messageId, operation: m.plan.operation },
          });
        }
      })();
    }
    const pending = prepareMarkPending(db, accountId, p.marketplaceId, now);
    db.transaction(() => {
      for (const l of p.locals) {
        if (l.kind === 'deferred') {
          pending(l.sku);
          continue;
        }
        if (l.status === 'skipped') skipped += 1;
        write({
          sku: l.sku,
          stamp: l.stamp ?? '',
          status: l.status,
          reason: l.reason,
          productType: l.productType,
          ...(l.issues ? { issues: l.issues } : {}),
          ...(l.forgetContent ? { forgetContent: true } : {}),
        });
      }
    })();
  }
  return { skipped, feeds: counter, bytes };
}

/** Plans and writes a cycle; the plans (the heaviest data of a cycle) are garbage on return. */
function planAndPersist(options: CycleOptions, runId: number, account: NonNullable<ReturnType<typeof getAccount>>) {
  const translator = options.translator ?? new Translator(storedLocale(options.db) ?? 'pt-BR');
  const plans = account.marketplaces.filter((m) => m.enabled).map((m) => planMarketplace(options, translator, account.sellerId, m));
  return persistPlans(options, runId, plans);
}

/**
 * One send cycle for an account: finish what an earlier (crashed) cycle left open, compute the
 * delta for every enabled marketplace, persist the documents, then drive them to their reports.
 */
export async function runCycle(options: CycleOptions): Promise<CycleSummary> {
  const { db, accountId, clock } = options;
  const account = getAccount(db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const pump = () => pumpFeeds({ ...options, ...(options.onPersisted ? { onPersisted: options.onPersisted } : {}) });

  const resumedRuns = new Set(listOpenFeeds(db, accountId).map((f) => f.runId));
  const resumed = resumedRuns.size > 0 ? await pump() : { submitted: 0, submittedMessages: 0, accepted: 0, failed: 0 };
  for (const id of resumedRuns) finishRunIfComplete(db, id, clock.now());

  const runId = startRun(db, accountId, options.lane, options.trigger, clock.now());
  const built = planAndPersist(options, runId, account);
  if (options.onPersisted) for (const feed of listOpenFeeds(db, accountId)) options.onPersisted('built', feed);
  const fresh = await pump();
  addRunCounts(db, runId, { sent: fresh.submittedMessages, accepted: fresh.accepted, failed: fresh.failed, skipped: built.skipped });
  finishRunIfComplete(db, runId, clock.now());
  return {
    runId,
    sent: resumed.submittedMessages + fresh.submittedMessages,
    accepted: resumed.accepted + fresh.accepted,
    failed: resumed.failed + fresh.failed,
    skipped: built.skipped,
    feeds: built.feeds,
    bytes: built.bytes,
  };
}
