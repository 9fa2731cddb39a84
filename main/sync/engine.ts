import { deflateRawSync } from 'node:zlib';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { getAccount } from '../db/tables/accounts';
import { findCachedSchema } from '../db/tables/product-type-schemas';
import { insertFeed, listOpenFeeds, nextFeedSeq, type FeedStep, type SyncFeedRow } from '../db/tables/sync-feeds';
import { listVanishedSkus, prepareBuiltWriter, prepareSentStateLookup, type MessageOutcome } from '../db/tables/sync-listings';
import { addRunCounts, finishRunIfComplete, startRun, type SyncTrigger } from '../db/tables/sync-runs';
import { AppError } from '../errors';
import { packDocuments, type FeedHeader, type PackedDocument } from './batching';
import { collectCandidates, languageTag, type Candidate } from './catalog-source';
import { planCandidate, type Lane, type PlannedMessage, type Plan } from './delta';
import { pumpFeeds, type FeedClient, type ProcessingPace } from './pipeline';
import { readSyncSettings, settingsFingerprint } from './settings';

export interface CycleOptions {
  readonly db: Db;
  readonly client: FeedClient;
  readonly clock: Clock;
  readonly accountId: string;
  readonly lane: Lane;
  readonly trigger: SyncTrigger;
  readonly schemaFor?: (productType: string) => Readonly<Record<string, unknown>> | undefined;
  readonly pace?: ProcessingPace;
  readonly issueLocale?: string;
  readonly onPersisted?: (step: FeedStep, feed: SyncFeedRow) => void;
  readonly onOutcomes?: (feed: SyncFeedRow, outcomes: readonly MessageOutcome[]) => void;
  readonly signal?: AbortSignal;
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
  readonly sends: PlannedMessage[];
  readonly locals: Exclude<Plan, PlannedMessage>[];
  readonly documents: PackedDocument[];
  readonly stampOf: Map<string, string | null>;
}

function today(clock: Clock): string {
  return new Date(clock.now()).toISOString().slice(0, 10);
}

/** Schemas the mapping feature cached (product_type_schemas), read once per cycle and type. */
function cachedSchemas(db: Db, marketplaceId: string, locale: string): (productType: string) => Readonly<Record<string, unknown>> | undefined {
  const cache = new Map<string, Readonly<Record<string, unknown>> | undefined>();
  return (productType) => {
    if (!cache.has(productType)) cache.set(productType, findCachedSchema(db, marketplaceId, productType, locale)?.schema);
    return cache.get(productType);
  };
}

function planMarketplace(options: CycleOptions, sellerId: string, marketplace: NonNullable<ReturnType<typeof getAccount>>['marketplaces'][number]): MarketplacePlan {
  const { db, accountId, lane } = options;
  const settings = readSyncSettings(db, accountId, marketplace.marketplaceId);
  const fingerprint = settingsFingerprint(settings, marketplace.currency + marketplace.language);
  const sentState = prepareSentStateLookup(db, accountId, marketplace.marketplaceId);
  const candidates: Candidate[] = collectCandidates({
    db,
    accountId,
    marketplace,
    settings,
    fingerprint,
    today: today(options.clock),
    parentStamp: (sku) => sentState(sku)?.sourceStamp,
    schemaFor: options.schemaFor ?? cachedSchemas(db, marketplace.marketplaceId, languageTag(marketplace.language)),
  });
  const parents = candidates.filter((c) => c.kind === 'build' && c.input.sku.isVariationParent).map((c) => c.sku);
  for (const v of listVanishedSkus(db, accountId, marketplace.marketplaceId, parents)) {
    candidates.push({ kind: 'deselect', sku: v.sku, stamp: null, productType: v.productType || null });
  }
  const sends: PlannedMessage[] = [];
  const locals: Exclude<Plan, PlannedMessage>[] = [];
  const stampOf = new Map<string, string | null>();
  for (const c of candidates) {
    const plan = planCandidate(c, sentState(c.sku), settings, lane);
    stampOf.set(c.sku, c.stamp);
    if (plan.kind === 'send') sends.push(plan);
    else locals.push(plan);
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
  return { marketplaceId: marketplace.marketplaceId, sends, locals, documents: packDocuments(header, sends), stampOf };
}

/** Builds the cycle's documents and records every SKU's new state in one transaction. */
function persistPlans(options: CycleOptions, runId: number, plans: readonly MarketplacePlan[]): { skipped: number; feeds: number; bytes: number } {
  const { db, accountId } = options;
  const now = options.clock.now();
  const ordered = plans
    .flatMap((p) => p.documents.map((d) => ({ plan: p, doc: d, priority: d.messages[0]?.plan.priority ?? 9 })))
    .sort((a, b) => a.priority - b.priority);
  const compressed = ordered.map((o) => deflateRawSync(o.doc.content, { level: 1 }));
  let skipped = 0;
  let bytes = 0;
  db.transaction(() => {
    let seq = nextFeedSeq(db);
    ordered.forEach((o, i) => {
      const content = compressed[i] ?? Buffer.alloc(0);
      bytes += o.doc.content.length;
      const feedRowId = insertFeed(db, { runId, accountId, marketplaceId: o.plan.marketplaceId, seq: seq++, messages: o.doc.messages.length, bytes: o.doc.content.length, content, createdAt: now });
      const write = prepareBuiltWriter(db, accountId, o.plan.marketplaceId, now);
      for (const m of o.doc.messages) {
        write({
          sku: m.plan.sku,
          stamp: m.plan.stamp ?? '',
          status: 'sending',
          reason: m.plan.reason,
          productType: m.plan.productType,
          ...(m.plan.hashes ? { hashes: m.plan.hashes } : {}),
          send: { feedRowId, messageId: m.messageId, operation: m.plan.body.operationType },
        });
      }
    });
    for (const p of plans) {
      const write = prepareBuiltWriter(db, accountId, p.marketplaceId, now);
      for (const l of p.locals) {
        if (l.kind === 'deferred') continue;
        if (l.status === 'skipped') skipped += 1;
        write({ sku: l.sku, stamp: l.stamp ?? '', status: l.status, reason: l.reason, productType: l.productType });
      }
    }
  })();
  return { skipped, feeds: ordered.length, bytes };
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
  const marketplaces = account.marketplaces.filter((m) => m.enabled);
  const plans = marketplaces.map((m) => planMarketplace(options, account.sellerId, m));
  const built = persistPlans(options, runId, plans);
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
