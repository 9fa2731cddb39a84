import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { nativeBindingOption } from '../db/native-binding';
import { countSkus } from '../db/tables/skus';
import { listRules } from '../db/tables/listing-rules';
import { getFeed, insertFeed, listOpenFeeds, nextFeedSeq, type FeedStep, type SyncFeedRow } from '../db/tables/sync-feeds';
import { prepareBuiltWriter, prepareMarkPending, type MessageOutcome } from '../db/tables/sync-listings';
import { addRunCounts, finishRunIfComplete, startRun, type SyncTrigger } from '../db/tables/sync-runs';
import { AppError } from '../errors';
import { timeSlice, type TimeSlice } from '../background/yield';
import { DocumentPacker, packDocuments, type FeedHeader, type PackedDocument } from './batching';
import { DocumentArrivals } from './arrivals';
import { createLogger, loggingDir } from '../log/logger';
import { evaluateRules } from '../rules/apply';
import { Translator } from '../i18n';
import { storedLocale } from '../services';
import type { Lane } from './delta';
import { pumpFeeds, type FeedClient, type ProcessingPace } from './pipeline';
import { planOnThread, planThreadEntry, PlanThreadUnavailable } from './plan-host';
import { feedHeader, planMarketplacePages, type LocalPlan, type PlanBatch, type PlanRequest } from './planner';

const logger = createLogger('sync/engine');

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
  /** Where to plan: the core's thread, a planning thread, or (default) by the catalog's size. */
  readonly planner?: 'core' | 'thread';
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

/** Compression on libuv's thread pool: a 10 MB document never holds the core's thread. */
const deflateRawAsync = promisify(deflateRaw);

/** Feeds are submitted in `seq` order: priority first, across marketplaces, then creation order. */
const PRIORITY_SPAN = 1_000_000;

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

/** Below this many SKUs a catalog is planned on the core's thread: starting a planning thread costs more than it saves. */
export const PLAN_THREAD_MIN_SKUS = 5000;

/**
 * Where a marketplace is planned: on a thread of its own for a large catalog in a database file
 * (its own read-only connection; the core's thread stays free to answer and to persist), on the
 * core's thread otherwise, or when the planning thread cannot start (logged).
 */
async function* plannedBatches(options: CycleOptions, request: PlanRequest, translator: Translator, slice: TimeSlice): AsyncGenerator<PlanBatch> {
  const { db } = options;
  const where = options.planner ?? (db.memory || countSkus(db) < PLAN_THREAD_MIN_SKUS ? 'core' : 'thread');
  const entry = where === 'thread' ? planThreadEntry() : undefined;
  if (entry) {
    const data = { file: db.name, binding: nativeBindingOption().nativeBinding, logDir: loggingDir(), locale: translator.locale, request };
    try {
      yield* planOnThread(entry, data);
      return;
    } catch (err) {
      if (!(err instanceof PlanThreadUnavailable)) throw err;
      logger.warn('the planning thread could not start; planning on the core thread', err);
    }
  }
  yield* planMarketplacePages(db, request, translator, slice);
}

/** Rows written per transaction for the SKUs that send nothing (a few milliseconds each). */
const LOCALS_PER_TRANSACTION = 1000;

/** What writing a cycle's plans produced. */
interface Built {
  skipped: number;
  feeds: number;
  bytes: number;
}

/**
 * Writes one marketplace's plans as they are planned. Messages are packed per priority; a document
 * that is full is written at once (so the pump can start on it while planning goes on), and what
 * is left at the end is packed in priority order, the most urgent first. Each document is written
 * in its own transaction with its SKUs' "sending" rows: a crash between two leaves whole documents
 * behind (resumed next time) and SKUs not yet written keep their old stamp (planned again next
 * time). Documents are compressed on the thread pool.
 */
class MarketplaceWriter {
  private readonly packers = new Map<number, DocumentPacker>();
  private readonly write: ReturnType<typeof prepareBuiltWriter>;
  private readonly writeLocals: (batch: readonly LocalPlan[]) => void;
  private locals: LocalPlan[] = [];

  constructor(
    private readonly options: CycleOptions,
    private readonly cycle: CycleWrite,
    private readonly marketplaceId: string,
    private readonly header: FeedHeader,
  ) {
    const { db, accountId } = options;
    this.write = prepareBuiltWriter(db, accountId, marketplaceId, cycle.now);
    const pending = prepareMarkPending(db, accountId, marketplaceId, cycle.now);
    // Each local outcome is one row standing on its own (its stamp, its status): written in batches.
    this.writeLocals = db.transaction((batch: readonly LocalPlan[]) => {
      for (const l of batch) {
        if (l.kind === 'deferred') {
          pending(l.sku);
          continue;
        }
        if (l.status === 'skipped') cycle.built.skipped += 1;
        this.write({
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
  }

  async add(batch: PlanBatch): Promise<void> {
    for (const s of batch.sends) {
      let packer = this.packers.get(s.priority);
      if (!packer) this.packers.set(s.priority, (packer = new DocumentPacker(this.header)));
      const full = packer.add(s);
      if (full) await this.persist(full);
    }
    for (const l of batch.locals) this.locals.push(l);
    if (this.locals.length >= LOCALS_PER_TRANSACTION) this.flushLocals();
  }

  async end(): Promise<void> {
    const priorities = [...this.packers.keys()].sort((a, b) => a - b);
    const rest = priorities.flatMap((p) => this.packers.get(p)?.pending() ?? []);
    for (const doc of packDocuments(this.header, rest)) await this.persist(doc);
    this.flushLocals();
  }

  private flushLocals(): void {
    for (let at = 0; at < this.locals.length; at += LOCALS_PER_TRANSACTION) this.writeLocals(this.locals.slice(at, at + LOCALS_PER_TRANSACTION));
    this.locals = [];
  }

  private async persist(doc: PackedDocument): Promise<void> {
    const { db, accountId } = this.options;
    const { cycle } = this;
    const content = await deflateRawAsync(doc.content, { level: 1 });
    const priority = doc.messages[0]?.plan.priority ?? 0;
    cycle.built.bytes += doc.content.length;
    const feedRowId = db.transaction(() => {
      const id = insertFeed(db, {
        runId: cycle.runId,
        accountId,
        marketplaceId: this.marketplaceId,
        seq: cycle.base + priority * PRIORITY_SPAN + cycle.built.feeds++,
        messages: doc.messages.length,
        bytes: doc.content.length,
        content,
        createdAt: cycle.now,
      });
      for (const m of doc.messages) {
        this.write({
          sku: m.plan.sku,
          stamp: m.plan.stamp,
          status: 'sending',
          reason: m.plan.reason,
          productType: m.plan.productType,
          ...(m.plan.hashes ? { hashes: m.plan.hashes } : {}),
          send: { feedRowId: id, messageId: m.messageId, operation: m.plan.operation },
        });
      }
      return id;
    })();
    cycle.arrivals.added();
    const feed = this.options.onPersisted ? getFeed(db, feedRowId) : undefined;
    if (feed) this.options.onPersisted?.('built', feed);
  }
}

/** What the writers of one cycle share. */
interface CycleWrite {
  readonly runId: number;
  readonly now: number;
  /** The first free feed sequence number when the cycle began. */
  readonly base: number;
  readonly built: Built;
  readonly arrivals: DocumentArrivals;
}

/**
 * Plans and writes a cycle, marketplace by marketplace, telling `arrivals` of every document
 * written (the pump sends them meanwhile). Stops between batches when `signal` is aborted.
 */
async function planAndPersist(
  options: CycleOptions,
  runId: number,
  account: NonNullable<ReturnType<typeof getAccount>>,
  arrivals: DocumentArrivals,
  signal: AbortSignal,
): Promise<Built> {
  const { db, accountId, lane } = options;
  const translator = options.translator ?? new Translator(storedLocale(db) ?? 'pt-BR');
  const slice = timeSlice();
  const cycle: CycleWrite = { runId, now: options.clock.now(), base: nextFeedSeq(db), built: { skipped: 0, feeds: 0, bytes: 0 }, arrivals };
  try {
    for (const marketplace of account.marketplaces.filter((x) => x.enabled)) {
      // Listing rules are evaluated on every cycle, so the selection follows the catalog.
      const scope = { accountId, marketplaceId: marketplace.marketplaceId };
      if (listRules(db, scope).length > 0) evaluateRules(db, scope, options.clock.now());
      const writer = new MarketplaceWriter(options, cycle, marketplace.marketplaceId, feedHeader(account.sellerId, options.issueLocale));
      const request: PlanRequest = { accountId, lane, today: today(options.clock), marketplace };
      for await (const batch of plannedBatches(options, request, translator, slice)) {
        if (signal.aborted) return cycle.built;
        await writer.add(batch);
        if (slice.spent()) await slice.next();
      }
      await writer.end();
    }
    return cycle.built;
  } finally {
    arrivals.end();
  }
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

  const resumedRuns = new Set(listOpenFeeds(db, accountId).map((f) => f.runId));
  const resumed = resumedRuns.size > 0 ? await pumpFeeds(options) : { submitted: 0, submittedMessages: 0, accepted: 0, failed: 0 };
  for (const id of resumedRuns) finishRunIfComplete(db, id, clock.now());

  const runId = startRun(db, accountId, options.lane, options.trigger, clock.now());
  // Planning and writing go on while the pump sends what is written; either failing stops the other.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const arrivals = new DocumentArrivals();
  const writing = planAndPersist(options, runId, account, arrivals, signal).catch((err: unknown) => {
    stop.abort(err);
    throw err;
  });
  const pumping = pumpFeeds({ ...options, signal, arrivals }).catch((err: unknown) => {
    stop.abort(err);
    throw err;
  });
  const [written, pumped] = await Promise.allSettled([writing, pumping]);
  if (written.status === 'rejected') throw written.reason;
  if (pumped.status === 'rejected') throw pumped.reason;
  const built = written.value;
  const fresh = pumped.value;
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
