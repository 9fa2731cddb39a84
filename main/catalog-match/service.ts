import { PeriodicTask, timersWith } from '../background/periodic-task';
import type { Db } from '../db/connection';
import { listAccounts } from '../db/tables/accounts';
import { skuGtinsFingerprint } from '../db/tables/sku-gtins';
import { createLogger } from '../log/logger';
import { schemaLocale } from '../mapping/schemas';
import type { Services } from '../services';
import { matchCatalog } from './run';

const logger = createLogger('catalog-match');

/** One marketplace to match in, through one account that sells there (the catalog is the marketplace's, not the seller's). */
export interface MatchTarget {
  readonly accountId: string;
  readonly marketplaceId: string;
  /** Amazon's locale for titles (`pt_BR`), when the marketplace has one. */
  readonly locale: string | undefined;
}

/** Every enabled marketplace of every account, each once, in the accounts' order. */
export function matchTargets(db: Db): MatchTarget[] {
  const seen = new Set<string>();
  const out: MatchTarget[] = [];
  for (const account of listAccounts(db)) {
    for (const m of account.marketplaces) {
      if (!m.enabled || seen.has(m.marketplaceId)) continue;
      seen.add(m.marketplaceId);
      const locale = schemaLocale(m.language);
      out.push({ accountId: account.id, marketplaceId: m.marketplaceId, locale: locale === 'DEFAULT' ? undefined : locale });
    }
  }
  return out;
}

export interface CatalogMatchingStatus {
  readonly running: boolean;
  /** The marketplace being matched, and how far (SKUs looked up of this pass's total). */
  readonly marketplaceId: string | null;
  readonly done: number;
  readonly total: number;
}

export interface CatalogMatchingOptions {
  /** How often the watcher looks for new or changed codes (one cheap query). */
  readonly pollMs?: number;
  /** After a pass where Amazon failed, how long before the failed codes are tried again. */
  readonly retryMs?: number;
  readonly now?: () => number;
}

const POLL_MS = 30_000;
const RETRY_MS = 15 * 60_000;
/** The database was busy with an import: try again soon. */
const BUSY_RETRY_MS = 20_000;
const SKEW_MS = 3_000;
export const CATALOG_MATCH_TASK = 'ean:catalog-match';
const PHASE = 'ean.progress.catalogMatch';

/**
 * Finds the seller's products on Amazon by barcode, in the background: the first step of the
 * seller's path, because most small sellers' products already exist on Amazon. A pass looks up
 * every new or changed code in every enabled marketplace (main/catalog-match/run.ts).
 *
 * Two things start a pass: `kick()` (right after an import commits) and a watcher that notices
 * the catalog or the accounts changed (an edited EAN, a CLI import, a marketplace just enabled)
 * by a one-query fingerprint every 30 s. Passes never overlap: a kick during a pass queues one
 * more pass after it. `stop()` aborts the calls in flight and waits for the pass to end.
 */
export class CatalogMatching {
  private running: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private readonly watcher: PeriodicTask;
  private stopped = false;
  private readonly abort = new AbortController();
  private seen: string | undefined;
  private retryAt: number | undefined;
  private progress: CatalogMatchingStatus = { running: false, marketplaceId: null, done: 0, total: 0 };

  constructor(
    private readonly services: Services,
    private readonly options: CatalogMatchingOptions = {},
  ) {
    const poll = options.pollMs ?? POLL_MS;
    this.watcher = new PeriodicTask({
      name: 'catalog-match/watcher',
      everyMs: poll,
      firstAfterMs: 0,
      skewMs: Math.min(SKEW_MS, poll / 10),
      clock: timersWith(() => this.now()),
      run: () => this.tick(),
    });
  }

  get status(): CatalogMatchingStatus {
    return this.progress;
  }

  /** Runs a pass now (or right after the one in progress). Never rejects: failures are logged. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (!this.running) return this.execute();
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.execute();
    });
    return this.queued;
  }

  /** Starts the watcher: a pass whenever codes or marketplaces changed since the last one. */
  start(): void {
    if (!this.stopped) this.watcher.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    await this.watcher.stop();
    await this.queued;
    await this.running;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The watcher's run: a pass when codes or marketplaces changed, or a failed pass is due again. */
  private async tick(): Promise<void> {
    const due = this.retryAt !== undefined && this.now() >= this.retryAt;
    if (!this.running && (due || this.fingerprint() !== this.seen)) await this.kick();
  }

  private fingerprint(): string {
    const targets = matchTargets(this.services.db).map((t) => `${t.accountId}/${t.marketplaceId}`);
    return `${skuGtinsFingerprint(this.services.db)}|${targets.join(',')}`;
  }

  private execute(): Promise<void> {
    const run = this.pass()
      .catch((err: unknown) => logger.error('catalog matching pass failed', err))
      .finally(() => {
        if (this.running === run) this.running = undefined;
        this.progress = { running: false, marketplaceId: null, done: 0, total: 0 };
      });
    this.running = run;
    return run;
  }

  private async pass(): Promise<void> {
    const { db, amazon, tasks } = this.services;
    let failed = false;
    let busy = false;
    try {
      for (const target of matchTargets(db)) {
        if (this.stopped) return;
        let task: ReturnType<typeof tasks.progress> | undefined;
        this.progress = { running: true, marketplaceId: target.marketplaceId, done: 0, total: 0 };
        try {
          const client = await amazon.forAccount(target.accountId);
          const summary = await matchCatalog(db, client, {
            marketplaceId: target.marketplaceId,
            ...(target.locale !== undefined ? { locale: target.locale } : {}),
            signal: this.abort.signal,
            onProgress: (done, total) => {
              this.progress = { running: true, marketplaceId: target.marketplaceId, done, total };
              task ??= tasks.progress(CATALOG_MATCH_TASK);
              task.report(PHASE, done, total);
            },
          });
          task?.finish(PHASE, summary.looked);
          if (summary.failed > 0) failed = true;
          if (summary.looked > 0) {
            logger.info(
              `${target.marketplaceId}: ${summary.looked} codes looked up, ${summary.matched} found (${summary.attached} ASINs attached), ${summary.none} not on Amazon, ${summary.ambiguous.length} ambiguous, ${summary.failed} failed`,
            );
          }
        } catch (err) {
          task?.finish(PHASE, 0);
          if (this.abort.signal.aborted) return;
          if ((err as { code?: unknown }).code === 'SQLITE_BUSY') {
            busy = true;
            logger.info(`catalog matching in ${target.marketplaceId} paused: the catalog is being written`);
            break;
          }
          failed = true;
          logger.warn(`catalog matching in ${target.marketplaceId} failed`, err);
        }
      }
    } finally {
      // The pass's own writes (ASINs attached) move the fingerprint; read it after them.
      this.seen = this.fingerprint();
      this.retryAt = busy ? this.now() + BUSY_RETRY_MS : failed ? this.now() + (this.options.retryMs ?? RETRY_MS) : undefined;
    }
  }
}

const instances = new WeakMap<Services, CatalogMatching>();

/** The one background matcher of these services (created on first use; stopped when they close). */
export function catalogMatchingFor(services: Services): CatalogMatching {
  let matching = instances.get(services);
  if (!matching) {
    const created = new CatalogMatching(services);
    instances.set(services, created);
    services.onClose(() => created.stop());
    matching = created;
  }
  return matching;
}
