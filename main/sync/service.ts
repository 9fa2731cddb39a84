import type { Clock } from '../amazon/clock';
import { systemClock } from '../amazon/clock';
import { getAccount, listAccounts } from '../db/tables/accounts';
import { NEXT_SEND_SETTING } from '../db/tables/dashboard';
import { getSetting, setSetting } from '../db/tables/settings';
import { inflateRawSync } from 'node:zlib';
import { getFeedContent, listFeedsOfRun } from '../db/tables/sync-feeds';
import { countStatuses, listStatuses, type StatusQuery } from '../db/tables/sync-listings';
import { listRuns, type SyncTrigger } from '../db/tables/sync-runs';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import type { SyncStatusRow } from '../../preload/contract/sync';
import type { Lane } from './delta';
import { runCycle } from './engine';
import { languageTag } from './catalog-source';
import { saveSyncSettings, type SyncSettings, type SyncSettingsInput } from './settings';
import { ensureSchema, schemaLocale } from '../mapping/schemas';
import { recheckListings } from './recheck';
import { refreshSchemasForSend } from './schema-refresh';
import { checkAccountRestrictions } from '../restrictions/for-account';
import { SyncScheduler, type ScheduleState } from './scheduler';
import { describeStatusRow } from './status-rows';

const logger = createLogger('sync');

const SCHEDULE_SETTING = 'sync.schedule';
export const DEFAULT_FULL_MINUTES = 120;
export const DEFAULT_FAST_MINUTES = 15;
/** The least time between two `sync:status-changed` pushes of an account (each counts all its rows). */
const STATUS_PUSH_MS = 250;
/** SKUs named in one push; the window re-reads what it shows when more changed. */
const MAX_PUSHED_SKUS = 1000;
/** searchListingsItems calls per account × marketplace after a full cycle (20 SKUs each). */
export const RECHECK_CALLS_PER_CYCLE = 50;

/** What the tray shows of the send engine (main/app/tray.ts). */
export interface SyncTray {
  setRuns(runs: { readonly last?: number; readonly next?: number }): void;
  setWarning(warning: boolean): void;
  setSendAvailable(available: boolean): void;
}

export interface CycleTotals {
  sent: number;
  accepted: number;
  failed: number;
  skipped: number;
}

function minutesSetting(services: Services, key: string, fallback: number): number {
  const value = Number(getSetting(services.db, key));
  return Number.isFinite(value) && value >= 1 ? value : fallback;
}

/**
 * The send engine inside the app: runs cycles for every account with enabled marketplaces, keeps
 * the schedule, pushes `sync:status-changed`, and raises one notification per cycle with failures.
 */
export class SyncService {
  readonly scheduler: SyncScheduler;
  private readonly abort = new AbortController();
  private tray: SyncTray | undefined;

  private readonly clock: Clock;

  constructor(
    private readonly services: Services,
    clock?: Clock,
  ) {
    // The services' clock unless a test passes its own: the engine and its Amazon clients agree on "now".
    this.clock = clock ?? services.clock ?? systemClock;
    this.scheduler = new SyncScheduler({
      now: () => this.clock.now(),
      fullIntervalMs: minutesSetting(services, 'sync.fullIntervalMinutes', DEFAULT_FULL_MINUTES) * 60_000,
      fastIntervalMs: minutesSetting(services, 'sync.fastIntervalMinutes', DEFAULT_FAST_MINUTES) * 60_000,
      load: () => {
        const raw = getSetting(services.db, SCHEDULE_SETTING);
        return raw ? (JSON.parse(raw) as ScheduleState) : undefined;
      },
      save: (state) => {
        setSetting(services.db, SCHEDULE_SETTING, JSON.stringify(state));
        setSetting(services.db, NEXT_SEND_SETTING, String(Math.min(state.nextFull, state.nextFast)));
      },
      run: (lane, trigger) => this.runAll(lane, trigger).then(() => undefined),
      onRuns: (runs) => this.tray?.setRuns({ ...(runs.last !== null ? { last: runs.last } : {}), next: runs.next }),
    });
  }

  attachTray(tray: SyncTray): void {
    this.tray = tray;
    tray.setSendAvailable(true);
    const s = this.scheduler.schedule;
    tray.setRuns({ ...(s.last !== null ? { last: s.last } : {}), next: Math.min(s.nextFull, s.nextFast) });
  }

  private lastTotals: CycleTotals = { sent: 0, accepted: 0, failed: 0, skipped: 0 };

  /** "Send now": the totals of the full cycle it ran or joined. */
  async runNow(): Promise<CycleTotals> {
    await this.scheduler.runNow();
    return this.lastTotals;
  }

  async runAll(lane: Lane, trigger: SyncTrigger): Promise<CycleTotals> {
    const totals: CycleTotals = { sent: 0, accepted: 0, failed: 0, skipped: 0 };
    // An account whose credentials LWA refused is stopped (sends, re-checks) until they are updated.
    for (const account of listAccounts(this.services.db).filter((a) => a.marketplaces.some((m) => m.enabled) && a.health.state === 'ok')) {
      if (this.abort.signal.aborted) break;
      try {
        const client = await this.services.amazon.forAccount(account.id);
        if (lane === 'full')
          await refreshSchemasForSend({
            db: this.services.db,
            client,
            accountId: account.id,
            marketplaces: account.marketplaces.filter((m) => m.enabled),
            now: this.clock.now(),
          });
        // New offers on ASINs are asked about first: a restricted one is held back with Amazon's reason.
        if (lane === 'full')
          await checkAccountRestrictions({
            db: this.services.db,
            client,
            clock: this.clock,
            account,
            locale: this.services.translator.locale,
            signal: this.abort.signal,
          });
        const summary = await runCycle({
          db: this.services.db,
          client,
          clock: this.clock,
          accountId: account.id,
          lane,
          trigger,
          signal: this.abort.signal,
          translator: this.services.translator,
          onOutcomes: (_feed, outcomes) =>
            this.emitChanged(
              account.id,
              outcomes.map((o) => o.sku),
            ),
          onPersisted: (step, feed) => {
            if (step === 'built' || step === 'submitted') this.emitChanged(account.id, []);
            void feed;
          },
        });
        // The cycle's last counts go out now, whatever was pushed a moment ago.
        this.emitChanged(account.id, [], true);
        totals.sent += summary.sent;
        totals.accepted += summary.accepted;
        totals.failed += summary.failed;
        totals.skipped += summary.skipped;
        if (lane === 'full') {
          for (const m of account.marketplaces.filter((x) => x.enabled)) {
            await recheckListings({
              db: this.services.db,
              client,
              clock: this.clock,
              accountId: account.id,
              sellerId: account.sellerId,
              marketplaceId: m.marketplaceId,
              maxCalls: RECHECK_CALLS_PER_CYCLE,
              signal: this.abort.signal,
            });
          }
        }
      } catch (err) {
        logger.error(`sync cycle for account ${account.id} failed`, err);
      }
    }
    this.lastTotals = totals;
    this.tray?.setWarning(totals.failed > 0);
    if (totals.failed > 0) {
      const { t } = this.services.translator;
      this.services.notifier.notify({
        title: t('sync.notify.failedTitle', { count: totals.failed }),
        body: t('sync.notify.failedBody', { accepted: totals.accepted, failed: totals.failed }),
        route: '/sync?status=error',
      });
    }
    return totals;
  }

  /** Per account: when the last push went out, and what waits for the next one. */
  private readonly pushes = new Map<string, { last: number; timer: NodeJS.Timeout | undefined; skus: Set<string> }>();

  /**
   * Pushes `sync:status-changed` (the counts of every status, and the SKUs that changed). Counting
   * reads every row of the account, so pushes go out at most every STATUS_PUSH_MS: the first at
   * once, the changes in between together in one trailing push; `now` pushes at once (a cycle's end).
   */
  private emitChanged(accountId: string, skus: readonly string[], now = false): void {
    const push = this.pushes.get(accountId) ?? { last: -Infinity, timer: undefined, skus: new Set<string>() };
    this.pushes.set(accountId, push);
    for (const sku of skus) {
      if (push.skus.size >= MAX_PUSHED_SKUS) break;
      push.skus.add(sku);
    }
    const since = performance.now() - push.last;
    if (now || since >= STATUS_PUSH_MS) {
      clearTimeout(push.timer);
      push.timer = undefined;
      this.pushNow(accountId, push);
      return;
    }
    push.timer ??= setTimeout(() => {
      push.timer = undefined;
      this.pushNow(accountId, push);
    }, STATUS_PUSH_MS - since).unref();
  }

  private pushNow(accountId: string, push: { last: number; skus: Set<string> }): void {
    // A trailing push after the app closed has no one to tell.
    if (!this.services.db.open) return;
    const s = this.scheduler.schedule;
    const skus = [...push.skus];
    push.skus.clear();
    push.last = performance.now();
    this.services.tasks.emit('sync:status-changed', {
      accountId,
      counts: countStatuses(this.services.db, accountId),
      skus,
      last: s.last,
      next: Math.min(s.nextFull, s.nextFast),
    });
  }

  status(query: StatusQuery): { total: number; items: SyncStatusRow[] } {
    const page = listStatuses(this.services.db, query);
    return {
      total: page.total,
      items: page.items.map((r) => ({
        ...describeStatusRow(this.services.translator, { accountId: query.accountId, marketplaceId: r.marketplaceId }, r),
        ...(r.catalogSku === undefined ? {} : { catalogSku: r.catalogSku }),
      })),
    };
  }

  activity(accountId: string, offset: number, limit: number) {
    const page = listRuns(this.services.db, accountId, offset, limit);
    return {
      total: page.total,
      items: page.items.map((run) => ({
        ...run,
        durationMs: run.finishedAt === null ? null : run.finishedAt - run.startedAt,
        feeds: listFeedsOfRun(this.services.db, run.id).map((f) => ({
          id: f.id,
          marketplaceId: f.marketplaceId,
          feedId: f.feedId,
          step: f.step,
          messages: f.messages,
          bytes: f.bytes,
          accepted: f.accepted,
          invalid: f.invalid,
          processingStatus: f.processingStatus,
          createdAt: f.createdAt,
          submittedAt: f.submittedAt,
          finishedAt: f.finishedAt,
          error: f.error,
        })),
      })),
    };
  }

  /**
   * Saves the send settings. A fallback product type needs its schema before anything can be
   * checked or sent as it, so it is fetched right away (a failure leaves it to the next full
   * cycle; "Incluir produtos" says the rules are not downloaded yet meanwhile).
   */
  async saveSettings(accountId: string, marketplaceId: string, input: SyncSettingsInput): Promise<SyncSettings> {
    const saved = saveSyncSettings(this.services.db, accountId, marketplaceId, input);
    const marketplace = getAccount(this.services.db, accountId)?.marketplaces.find((m) => m.marketplaceId === marketplaceId);
    if (saved.defaultProductType && marketplace) {
      try {
        const client = await this.services.amazon.forAccount(accountId);
        const locale = schemaLocale(languageTag(marketplace.language));
        await ensureSchema(this.services.db, client, { marketplaceId, productType: saved.defaultProductType, locale }, { now: this.clock.now() });
      } catch (err) {
        logger.warn(`could not fetch the fallback product type ${saved.defaultProductType} (${marketplaceId})`, err);
      }
    }
    return saved;
  }

  /** What a feed sent, verbatim (stored deflated). */
  feedDocument(id: number): string {
    return inflateRawSync(getFeedContent(this.services.db, id)).toString('utf8');
  }

  /** Quit: stop the timer, abort between steps (committed steps stay), wait for the cycle. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.scheduler.stop();
    for (const push of this.pushes.values()) clearTimeout(push.timer);
  }
}

const instances = new WeakMap<Services, SyncService>();

export function syncServiceFor(services: Services, clock?: Clock): SyncService {
  let service = instances.get(services);
  if (!service) instances.set(services, (service = new SyncService(services, clock)));
  return service;
}
