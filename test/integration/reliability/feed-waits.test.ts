import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpApiClient } from '../../../main/amazon/client';
import { VirtualClock } from '../../../main/amazon/clock';
import { OutcomeUnknownError, SpApiError } from '../../../main/amazon/errors';
import { startSimulator, type FaultOptions, type SimulatorHandle } from '../../../main/amazon/simulator';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { runCycle, type CycleOptions } from '../../../main/sync/engine';
import { MAX_PROCESSING_MS, PumpInterrupted, type FeedClient } from '../../../main/sync/pipeline';
import { BR, configureSync, seedCatalog } from '../../../bench/lib/world';

const DAY = 24 * 3600_000;

const sims: SimulatorHandle[] = [];
let db: Db | undefined;
let dir: string | undefined;

afterEach(async () => {
  db?.close();
  for (const s of sims.splice(0)) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = undefined;
});

async function simulator(clock: VirtualClock, faults: FaultOptions = {}): Promise<SimulatorHandle> {
  const sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true, faults });
  sims.push(sim);
  return sim;
}

function localDb(sim: SimulatorHandle, skus: number): { local: Db; codes: string[] } {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-waits-'));
  const local = openDatabase(join(dir, 'vitrine.db'));
  db = local;
  saveAccount(local, {
    id: 'demo',
    label: 'Demo',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: sim.demo.sellerId,
    lwaClientId: sim.demo.clientId,
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  configureSync(local, 'demo');
  return { local, codes: seedCatalog(local, skus) };
}

function clientFor(sim: SimulatorHandle, clock: VirtualClock) {
  return createSpApiClient({ endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl }, credentials: sim.demo, clock });
}

/**
 * A cycle that must end on its own. Before every wait had a bound, these waits never ended: the
 * guard aborts the cycle after `limitMs` of virtual time so such a test fails instead of hanging.
 */
async function boundedCycle(options: Omit<CycleOptions, 'accountId' | 'lane' | 'trigger' | 'signal'> & { clock: VirtualClock }, limitMs = 3 * DAY) {
  const abort = new AbortController();
  const deadline = options.clock.now() + limitMs;
  const guard = setInterval(() => options.clock.now() > deadline && abort.abort(new Error('wait never ended')), 1);
  try {
    return await runCycle({ ...options, accountId: 'demo', lane: 'full', trigger: 'cli', signal: abort.signal });
  } finally {
    clearInterval(guard);
    expect(abort.signal.aborted).toBe(false);
  }
}

type Row = { sku: string; status: string; issues: string };
const rows = (local: Db): Row[] => local.prepare('SELECT sku, status, issues FROM sync_listings ORDER BY sku').all() as Row[];
const issueCodes = (r: Row): string[] => (JSON.parse(r.issues) as { code: string }[]).map((i) => i.code);

describe('every wait for Amazon ends, with an outcome the seller sees', () => {
  it('a feed Amazon no longer knows (getFeed 404 after a crash and a long stop): its SKUs leave "waiting", the old document is not resubmitted, the current state goes out', async () => {
    const clock = new VirtualClock();
    const sim = await simulator(clock);
    const { local, codes } = localDb(sim, 3);
    const client = clientFor(sim, clock);
    // The process dies right after the feed was submitted…
    await expect(
      runCycle({
        db: local,
        client,
        clock,
        accountId: 'demo',
        lane: 'full',
        trigger: 'cli',
        onPersisted: (step) => {
          if (step === 'submitted') throw new PumpInterrupted();
        },
      }),
    ).rejects.toBeInstanceOf(PumpInterrupted);
    expect(rows(local).every((r) => r.status === 'waiting')).toBe(true);
    // …and comes back after Amazon's 90 days of keeping feeds: it has no record of that one.
    sim.control.advance(91 * DAY);
    expect(sim.control.feeds()).toEqual([]);
    local.prepare('UPDATE skus SET stock = 7').run();

    await boundedCycle({ db: local, client, clock });

    const lost = local.prepare('SELECT step, error FROM sync_feeds WHERE feed_id IS NOT NULL ORDER BY id LIMIT 1').get() as { step: string; error: string };
    expect(lost.step).toBe('failed');
    expect(lost.error).toContain('404');
    // The same cycle planned the forgotten SKUs again from the catalog: Amazon has today's stock.
    expect(rows(local).map((r) => r.status)).toEqual(codes.map(() => 'live'));
    const listings = new Map(sim.control.listings().map((l) => [l.sku, l]));
    for (const sku of codes) expect(JSON.stringify(listings.get(sku)?.attributes.fulfillment_availability)).toContain('"quantity":7');
    // The document Amazon forgot was never submitted again: one new document, not two.
    expect(sim.control.feeds()).toHaveLength(1);
  });

  it('a 404 in the first minutes after createFeed is waited out, not taken for a lost feed', async () => {
    const clock = new VirtualClock();
    const sim = await simulator(clock);
    const { local } = localDb(sim, 2);
    const client = clientFor(sim, clock);
    let notFound = 2;
    const getFeed: FeedClient['getFeed'] = async (params) => {
      if (notFound-- > 0)
        throw new SpApiError({ operationId: 'getFeed', status: 404, errors: [{ code: 'NotFound', message: 'Feed not found.' }], retryable: false });
      return client.getFeed(params);
    };

    const summary = await boundedCycle({ db: local, client: { ...client, getFeed }, clock });

    expect(summary).toMatchObject({ accepted: 2, failed: 0 });
    expect(rows(local).map((r) => r.status)).toEqual(['live', 'live']);
  });

  it('a feed stuck IN_PROGRESS is let go after the bound; a later feed stuck IN_QUEUE behind it is cancelled', async () => {
    const clock = new VirtualClock();
    const sim = await simulator(clock, { rateStuckFeed: 1, stuckMs: 30 * DAY });
    const { local, codes } = localDb(sim, 2);
    const client = clientFor(sim, clock);
    const start = clock.now();

    await boundedCycle({ db: local, client, clock });

    expect(clock.now() - start).toBeGreaterThanOrEqual(MAX_PROCESSING_MS);
    expect(clock.now() - start).toBeLessThan(MAX_PROCESSING_MS + 3600_000);
    for (const r of rows(local)) {
      expect(r.status).toBe('pending');
      expect(issueCodes(r)).toEqual(['FEED_OVERDUE']);
      expect(r.issues).toContain('IN_PROGRESS');
    }

    // The next cycle sends the current state; Amazon queues it behind the stuck one.
    sim.control.setFaults({ rateStuckFeed: 0 });
    await boundedCycle({ db: local, client, clock });

    expect(rows(local).map((r) => r.status)).toEqual(codes.map(() => 'pending'));
    const feeds = sim.control.feeds();
    expect(feeds.map((f) => f.processingStatus)).toEqual(['IN_PROGRESS', 'CANCELLED']);
    expect(rows(local).every((r) => r.issues.includes('CANCELLED'))).toBe(true);
  });

  it('a createFeed whose outcome can never be reconciled is let go: its SKUs are planned again, the document is not submitted twice', async () => {
    const clock = new VirtualClock();
    const sim = await simulator(clock);
    const { local } = localDb(sim, 2);
    const client = clientFor(sim, clock);
    let creates = 0;
    const createFeed: FeedClient['createFeed'] = async (...args) => {
      creates += 1;
      // Applied on Amazon's side, but the answer is lost.
      await client.createFeed(...args);
      throw new OutcomeUnknownError('createFeed', { cause: new Error('socket hang up') });
    };
    const findFeedByDocumentId: FeedClient['findFeedByDocumentId'] = async () => {
      throw new SpApiError({ operationId: 'getFeeds', status: 503, errors: [{ code: 'ServiceUnavailable', message: 'Service unavailable' }], retryable: true });
    };

    await boundedCycle({ db: local, client: { ...client, createFeed, findFeedByDocumentId }, clock });

    expect(creates).toBe(1);
    for (const r of rows(local)) {
      expect(r.status).toBe('pending');
      expect(issueCodes(r)).toEqual(['FEED_UNCONFIRMED']);
    }
    expect(local.prepare('SELECT step FROM sync_feeds').pluck().all()).toEqual(['failed']);
  });
});
