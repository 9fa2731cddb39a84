import type { Clock } from '../amazon/clock';
import { systemClock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { listOpenReadScopes } from '../db/tables/amazon-listings';
import type { SelectionScope } from '../db/tables/listing-selections';
import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { readAndLinkListings, type LinkingClient, type LinkRunOptions, type LinkRunSummary } from './read-and-link';

const logger = createLogger('linking/runner');

export interface RunnerDeps {
  readonly db: Db;
  readonly clientFor: (accountId: string) => Promise<LinkingClient>;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Called after every successful read (the app raises a notification: a read can take minutes). */
  readonly onRead?: (scope: SelectionScope, summary: LinkRunSummary) => void;
}

const keyOf = (scope: SelectionScope) => `${scope.accountId}\u0000${scope.marketplaceId}`;

/**
 * One read per account × marketplace at a time: a click on "read" while the start-up resume (or
 * an earlier click) is still polling joins that read instead of polling the same report twice.
 */
export class LinkingRunner {
  private readonly running = new Map<string, Promise<LinkRunSummary>>();

  constructor(private readonly deps: RunnerDeps) {}

  read(scope: SelectionScope, onPhase?: LinkRunOptions['onPhase']): Promise<LinkRunSummary> {
    const key = keyOf(scope);
    const existing = this.running.get(key);
    if (existing) return existing;
    const run = (async () => {
      const client = await this.deps.clientFor(scope.accountId);
      const summary = await readAndLinkListings(this.deps.db, client, scope, {
        clock: this.deps.clock,
        ...(this.deps.signal ? { signal: this.deps.signal } : {}),
        ...(onPhase ? { onPhase } : {}),
      });
      this.deps.onRead?.(scope, summary);
      return summary;
    })().finally(() => this.running.delete(key));
    this.running.set(key, run);
    return run;
  }

  /** Finishes the reads a crash or a quit interrupted, one after the other; failures are logged. */
  async resumeOpen(): Promise<number> {
    let resumed = 0;
    for (const scope of listOpenReadScopes(this.deps.db)) {
      if (this.deps.signal?.aborted) break;
      try {
        await this.read(scope);
        resumed += 1;
      } catch (err) {
        logger.warn(`could not resume the listings read of ${scope.accountId}/${scope.marketplaceId}`, err);
      }
    }
    return resumed;
  }
}

const runners = new WeakMap<Services, LinkingRunner>();

/** The app's runner (one per Services), stopped when the app closes. */
export function linkingRunnerFor(services: Services): LinkingRunner {
  let runner = runners.get(services);
  if (!runner) {
    const stop = new AbortController();
    services.onClose(() => stop.abort());
    runner = new LinkingRunner({
      db: services.db,
      clientFor: (id) => services.amazon.forAccount(id),
      clock: systemClock,
      signal: stop.signal,
      onRead: (_scope, summary) => {
        const waiting = summary.counts.unconfirmed;
        if (waiting === 0) return;
        const { t } = services.translator;
        services.notifier.notify({ title: t('linking.notify.title', { count: waiting }), body: t('linking.notify.body'), route: '/linking' });
      },
    });
    runners.set(services, runner);
  }
  return runner;
}
