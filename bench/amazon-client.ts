/**
 * SP-API client benchmark on virtual time: `npm run -s bench:amazon-client -- --calls 100 --faults 0.3`.
 * Against the offline simulator sharing one VirtualClock, it measures (1) N concurrent
 * getListingsItem calls at the default usage plan (5/s, burst 10): virtual seconds versus the
 * theoretical (N − burst) / rate, and how many 429s were drawn; (2) one JSON_LISTINGS_FEED round
 * trip (createFeedDocument → upload → createFeed → poll → report). Prints one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../main/amazon/clock';
import { createSpApiClient } from '../main/amazon/client';
import { submitFeedOnce } from '../main/amazon/feed-submission';
import { OPERATIONS } from '../main/amazon/operations';
import { DEMO, startSimulator } from '../main/amazon/simulator';
import { Faults } from '../main/amazon/simulator/faults';
import { configureLogging } from '../main/log/logger';

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

const CONTENT_TYPE = 'application/json; charset=UTF-8';

async function main(): Promise<void> {
  const calls = argNumber('--calls', 100);
  const faultRate = argNumber('--faults', 0);
  const seed = argNumber('--seed', 1);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-amazon-'));
  configureLogging({ dir, console: false });
  const clock = new VirtualClock();
  const sim = await startSimulator({ clock, faults: faultRate > 0 ? Faults.fromTotal(faultRate, seed) : undefined, autoOrderEveryMs: 0 });
  const statuses = new Map<number, number>();
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    maxRetries: 10,
    onExchange: (e) => statuses.set(e.status, (statuses.get(e.status) ?? 0) + 1),
  });
  try {
    const { sku, marketplaceId } = sim.control.listings()[0]!;
    const wallStart = performance.now();
    const start = clock.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: calls }, () => client.getListingsItem({ sellerId: DEMO.sellerId, sku, marketplaceIds: [marketplaceId] })),
    );
    const listingVirtualSeconds = (clock.now() - start) / 1000;
    const listingWallMs = performance.now() - wallStart;
    const { rate, burst } = OPERATIONS.getListingsItem;

    const feedStart = clock.now();
    const document = await client.createFeedDocument({ contentType: CONTENT_TYPE });
    const body = { header: { sellerId: DEMO.sellerId, version: '2.0' }, messages: [{ messageId: 1, sku, operationType: 'DELETE' }] };
    await client.uploadFeedDocument(document.url, CONTENT_TYPE, JSON.stringify(body));
    const feedsBefore = sim.control.feeds().length;
    const submission = await submitFeedOnce(
      client,
      { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [marketplaceId], inputFeedDocumentId: document.feedDocumentId },
      { clock },
    );
    let feed = await client.getFeed({ feedId: submission.feedId });
    while (feed.processingStatus === 'IN_QUEUE' || feed.processingStatus === 'IN_PROGRESS') {
      await clock.sleep(30_000);
      feed = await client.getFeed({ feedId: submission.feedId });
    }
    const report = feed.resultFeedDocumentId
      ? (JSON.parse((await client.downloadFeedDocument(await client.getFeedDocument({ feedDocumentId: feed.resultFeedDocumentId }))).toString('utf8')) as {
          summary?: unknown;
        })
      : undefined;

    process.stdout.write(
      `${JSON.stringify({
        calls,
        faultRate,
        seed,
        listing: {
          succeeded: outcomes.filter((o) => o.status === 'fulfilled').length,
          virtualSeconds: listingVirtualSeconds,
          expectedVirtualSeconds: Math.max(0, calls - burst) / rate,
          wallMs: Math.round(listingWallMs),
        },
        feed: {
          status: feed.processingStatus,
          virtualSeconds: (clock.now() - feedStart) / 1000,
          createFeedCalls: submission.createFeedCalls,
          reconciled: submission.reconciled,
          feedsSubmitted: sim.control.feeds().length - feedsBefore,
          summary: report?.summary,
        },
        statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
      })}\n`,
    );
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
