import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { mappingStateOf } from '../db/tables/category-mappings';
import { listRules } from '../db/tables/listing-rules';
import { insertFeed, listOpenFeeds, nextFeedSeq, type FeedStep, type SyncFeedRow } from '../db/tables/sync-feeds';
import { prepareBuiltWriter, vanishedSkuPages, prepareMarkPending, prepareSentStateLookup, type MessageOutcome } from '../db/tables/sync-listings';
import { addRunCounts, finishRunIfComplete, startRun, type SyncTrigger } from '../db/tables/sync-runs';
import { AppError } from '../errors';
import { timeSlice, type TimeSlice } from '../background/yield';
import { packDocuments, type FeedHeader } from './batching';
import { evaluateRules } from '../rules/service';
import { Translator } from '../i18n';
import { storeColumnLabels } from '../mapping/product-checks';
import { storedLocale } from '../services';
import { collectSendables, mappingLookupFor, prepareValidators, type Sendable } from './catalog-source';
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

/** Compression on libuv's thread pool: a 10 MB document never holds the core's thread. */
const deflateRawAsync = promisify(deflateRaw);

/** Feeds are submitted in `seq` order: priority first, across marketplaces, then creation order. */
const PRIORITY_SPAN = 1_000_000;

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

/**
 * Plans one marketplace, SKU by SKU, pausing whenever its time slice is spent: the catalog is read
 * in pages (no statement open across a pause), and each SKU's plan rests on its own row's stamp,
 * so a change written by someone else meanwhile is simply planned again next cycle.
 */
async function planMarketplace(
  options: CycleOptions,
  translator: Translator,
  sellerId: string,
  marketplace: NonNullable<ReturnType<typeof getAccount>>['marketplaces'][number],
  slice: TimeSlice,
): Promise<MarketplacePlan> {
  const { db, accountId, lane } = options;
  const scope = { accountId, marketplaceId: marketplace.marketplaceId };
  // Listing rules are evaluated on every cycle, so the selection follows the catalog.
  if (listRules(db, scope).length > 0) evaluateRules(db, scope, options.clock.now());
  const settings = readSyncSettings(db, accountId, marketplace.marketplaceId);
  const fingerprint = settingsFingerprint(settings, marketplace.currency + marketplace.language + mappingStateOf(db, marketplace.marketplaceId));
  const sentState = prepareSentStateLookup(db, accountId, marketplace.marketplaceId);
  const sends: PlannedMessage[] = [];
  const locals: Exclude<Plan, PlannedMessage>[] = [];
  // Each SKU is planned (and its row dropped) as soon as it is read.
  const plan = (c: Sendable) => {
    const p = planSendable(c, sentState(c.sku), settings, lane);
    if (p.kind === 'send') sends.push(p);
    else locals.push(p);
  };
  const parents: string[] = [];
  const lookups = mappingLookupFor(db, marketplace, settings, storeColumnLabels(translator));
  await prepareValidators(db, marketplace.marketplaceId, settings, lookups, slice);
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
    slice,
  );
  for await (const c of sendables) {
    if (c.isVariationParent) parents.push(c.sku);
    plan(c);
    if (slice.spent()) await slice.next();
  }
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
    if (slice.spent()) await slice.next();
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

/** Rows written per transaction for the SKUs that send nothing (a few milliseconds each). */
const LOCALS_PER_TRANSACTION = 1000;

/**
 * Writes the cycle's documents, each in its own transaction with its SKUs' "sending" rows: a crash
 * between two leaves whole documents behind (resumed next time) and SKUs not yet written keep
 * their old stamp (planned again next time). Each document is dropped once written. Documents are
 * compressed on the thread pool, and the thread is given up between transactions.
 */
async function persistPlans(
  options: CycleOptions,
  runId: number,
  plans: readonly MarketplacePlan[],
  slice: TimeSlice,
): Promise<{ skipped: number; feeds: number; bytes: number }> {
  const { db, accountId } = options;
  const now = options.clock.now();
  const base = nextFeedSeq(db);
  let counter = 0;
  let skipped = 0;
  let bytes = 0;
  for (const p of plans) {
    const write = prepareBuiltWriter(db, accountId, p.marketplaceId, now);
    for (const doc of packDocuments(p.header, p.sends)) {
      const content = await deflateRawAsync(doc.content, { level: 1 });
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
      if (slice.spent()) await slice.next();
    }
    // Each local outcome is one row standing on its own (its stamp, its status): written in batches.
    const pending = prepareMarkPending(db, accountId, p.marketplaceId, now);
    const writeLocals = db.transaction((batch: readonly Exclude<Plan, PlannedMessage>[]) => {
      for (const l of batch) {
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
    });
    for (let at = 0; at < p.locals.length; at += LOCALS_PER_TRANSACTION) {
      writeLocals(p.locals.slice(at, at + LOCALS_PER_TRANSACTION));
      if (slice.spent()) await slice.next();
    }
  }
  return { skipped, feeds: counter, bytes };
}

/** Plans and writes a cycle; the plans (the heaviest data of a cycle) are garbage on return. */
async function planAndPersist(options: CycleOptions, runId: number, account: NonNullable<ReturnType<typeof getAccount>>) {
  const translator = options.translator ?? new Translator(storedLocale(options.db) ?? 'pt-BR');
  const slice = timeSlice();
  const plans: MarketplacePlan[] = [];
  for (const m of account.marketplaces.filter((x) => x.enabled)) plans.push(await planMarketplace(options, translator, account.sellerId, m, slice));
  return persistPlans(options, runId, plans, slice);
}

/** Cycles of one account in this process, one at a time: a second waits for the first (see runCycle). */
const accountCycles = new WeakMap<Db, Map<string, Promise<unknown>>>();

function oneCycleAtATime<T>(db: Db, accountId: string, cycle: () => Promise<T>): Promise<T> {
  const cycles = accountCycles.get(db) ?? new Map<string, Promise<unknown>>();
  accountCycles.set(db, cycles);
  const before = cycles.get(accountId) ?? Promise.resolve();
  const mine = before.then(cycle, cycle);
  const settled = mine.then(
    () => undefined,
    () => undefined,
  );
  cycles.set(accountId, settled);
  void settled.then(() => {
    if (cycles.get(accountId) === settled) cycles.delete(accountId);
  });
  return mine;
}

/**
 * One send cycle for an account: finish what an earlier (crashed) cycle left open, compute the
 * delta for every enabled marketplace, persist the documents, then drive them to their reports.
 * Planning pauses between SKUs so the core keeps answering; two cycles of one account in this
 * process therefore never overlap (the second starts when the first has ended), or both could
 * plan the same SKU before either marked it as sending.
 */
export function runCycle(options: CycleOptions): Promise<CycleSummary> {
  return oneCycleAtATime(options.db, options.accountId, () => cycle(options));
}

async function cycle(options: CycleOptions): Promise<CycleSummary> {
  const { db, accountId, clock } = options;
  const account = getAccount(db, accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const pump = () => pumpFeeds({ ...options, ...(options.onPersisted ? { onPersisted: options.onPersisted } : {}) });

  const resumedRuns = new Set(listOpenFeeds(db, accountId).map((f) => f.runId));
  const resumed = resumedRuns.size > 0 ? await pump() : { submitted: 0, submittedMessages: 0, accepted: 0, failed: 0 };
  for (const id of resumedRuns) finishRunIfComplete(db, id, clock.now());

  const runId = startRun(db, accountId, options.lane, options.trigger, clock.now());
  const built = await planAndPersist(options, runId, account);
  if (options.onPersisted) {
    const slice = timeSlice();
    for (const feed of listOpenFeeds(db, accountId)) {
      options.onPersisted('built', feed);
      if (slice.spent()) await slice.next();
    }
  }
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
