import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
import type { SpApiClient } from '../../../main/amazon/client';
import { SpApiError } from '../../../main/amazon/errors';
import { submitFeedOnce } from '../../../main/amazon/feed-submission';
import type { Exchange } from '../../../main/amazon/http';
import type { Feed } from '../../../main/amazon/api/feeds';
import type { ListingsItem } from '../../../main/amazon/api/listings';
import { validateProcessingReport, validateRequest, validateResponse } from '../../../main/amazon/models';
import { DEMO, startSimulator } from '../../../main/amazon/simulator';
import type { FaultOptions, SimulatorHandle } from '../../../main/amazon/simulator';

/**
 * The client against the offline simulator on one VirtualClock: the same code path as production,
 * only the base URL differs. Run once clean and once with 30 % of responses faulty (429, 5xx,
 * resets, slow answers): results must be identical and no feed may be submitted twice.
 */
const BR = 'A2Q3Y263D00KWC';
/** The bundled product type schemas are amazon.com's (USD), so the listing goes to the US store. */
const US = 'ATVPDKIKX0DER';
const FEED_CONTENT_TYPE = 'application/json; charset=UTF-8';
const POLL_MS = 30_000;

let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(faults?: FaultOptions) {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, faults, strictResponses: true, autoOrderEveryMs: 0 });
  const exchanges: Exchange[] = [];
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    maxRetries: 10,
    timeoutMs: 10_000,
    onExchange: (e) => exchanges.push(e),
  });
  return { client, clock, sim, exchanges };
}

/** ACCEPTED means queued: the listing shows up in getListingsItem a little later (404 until then). */
async function waitForListing(client: SpApiClient, clock: VirtualClock, sku: string): Promise<ListingsItem> {
  for (let i = 0; i < 60; i++) {
    try {
      return await client.getListingsItem({ sellerId: DEMO.sellerId, sku, marketplaceIds: [US], includedData: ['summaries', 'attributes', 'issues'] });
    } catch (error) {
      if (!(error instanceof SpApiError && error.status === 404)) throw error;
      await clock.sleep(5_000);
    }
  }
  throw new Error(`listing ${sku} never appeared`);
}

async function pollFeed(client: SpApiClient, clock: VirtualClock, feedId: string): Promise<Feed> {
  for (let i = 0; i < 200; i++) {
    const feed = await client.getFeed({ feedId });
    if (feed.processingStatus === 'DONE' || feed.processingStatus === 'FATAL' || feed.processingStatus === 'CANCELLED') return feed;
    await clock.sleep(POLL_MS);
  }
  throw new Error(`feed ${feedId} never finished`);
}

async function scenario(client: SpApiClient, clock: VirtualClock, handle: SimulatorHandle) {
  const participations = await client.getMarketplaceParticipations();

  const catalog = await client.searchCatalogItems({ marketplaceId: US, keywords: ['Pulseira'], includedData: ['summaries', 'productTypes'] });
  const item = catalog.items[0]!;
  const productType = item.productTypes?.find((p) => p.marketplaceId === US)?.productType ?? 'BRACELET';
  const sku = 'VITRINE-INT-001';
  const put = await client.putListingsItem({
    sellerId: DEMO.sellerId,
    sku,
    marketplaceId: US,
    body: {
      productType,
      requirements: 'LISTING_OFFER_ONLY',
      attributes: {
        merchant_suggested_asin: [{ value: item.asin, marketplace_id: US }],
        condition_type: [{ value: 'new_new', marketplace_id: US }],
        list_price: [{ value: 99.9, currency: 'USD', marketplace_id: US }],
        purchasable_offer: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 79.9 }] }] }],
        merchant_shipping_group: [{ value: 'legacy-template-id', marketplace_id: US }],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
      },
    },
  });
  if (put.status !== 'ACCEPTED') throw new Error(`putListingsItem ${put.status}: ${JSON.stringify(put.issues)}`);
  const listed = await waitForListing(client, clock, sku);

  const feedsBefore = handle.control.feeds().length;
  const document = await client.createFeedDocument({ contentType: FEED_CONTENT_TYPE });
  const feedBody = {
    header: { sellerId: DEMO.sellerId, version: '2.0', issueLocale: 'en_US' },
    messages: [
      {
        messageId: 1,
        sku,
        operationType: 'PATCH',
        productType,
        patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 9 }] }],
      },
    ],
  };
  await client.uploadFeedDocument(document.url, FEED_CONTENT_TYPE, JSON.stringify(feedBody));
  const submission = await submitFeedOnce(
    client,
    { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US], inputFeedDocumentId: document.feedDocumentId },
    { clock },
  );
  const { feedId } = submission;
  const unknownOutcomes = submission.createFeedCalls - 1 + (submission.reconciled ? 1 : 0);
  const feed = await pollFeed(client, clock, feedId);
  const resultDocument = await client.getFeedDocument({ feedDocumentId: feed.resultFeedDocumentId! });
  const report = JSON.parse((await client.downloadFeedDocument(resultDocument)).toString('utf8')) as { summary: { messagesAccepted: number; errors: number } };
  const feedsSubmitted = handle.control.feeds().length - feedsBefore;
  const afterFeed = await client.getListingsItem({ sellerId: DEMO.sellerId, sku, marketplaceIds: [US], includedData: ['attributes'] });

  const orders = await client.searchOrders({
    createdAfter: new Date(clock.now() - 30 * 24 * 3600_000).toISOString(),
    marketplaceIds: [BR],
    maxResultsPerPage: 100,
  });

  return { participations, put, listed, feed, report, feedsSubmitted, unknownOutcomes, afterFeed, orders };
}

function quantityOf(attributes: Record<string, unknown> | undefined): unknown {
  const availability = attributes?.fulfillment_availability as { quantity?: number }[] | undefined;
  return availability?.[0]?.quantity;
}

/** Every request the client sent and every answer it accepted, checked against the official models. */
function contractViolations(exchanges: readonly Exchange[]): string[] {
  return exchanges.flatMap((e) => [
    ...validateRequest(e.operationId, { path: e.pathParams, query: e.query, body: e.requestBody }).map(
      (v) => `${e.operationId} request ${v.pointer}: ${v.message}`,
    ),
    ...validateResponse(e.operationId, e.status, e.responseBody).map((v) => `${e.operationId} ${e.status} ${v.pointer}: ${v.message}`),
  ]);
}

describe('SP-API client against the simulator', () => {
  it('runs token, participations, listing put/get, one feed end to end and order search', async () => {
    const { client, clock, sim: handle, exchanges } = await setup();

    const r = await scenario(client, clock, handle);

    expect(r.participations.some((p) => p.marketplace.id === BR && p.participation.isParticipating)).toBe(true);
    expect(r.put.status).toBe('ACCEPTED');
    expect(r.listed.sku).toBe('VITRINE-INT-001');
    expect(quantityOf(r.listed.attributes)).toBe(3);
    expect(r.feed.processingStatus).toBe('DONE');
    expect(validateProcessingReport(r.report)).toEqual([]);
    expect(r.report.summary).toMatchObject({ messagesAccepted: 1, errors: 0 });
    expect(quantityOf(r.afterFeed.attributes)).toBe(9);
    expect(r.feedsSubmitted).toBe(1);
    expect(r.unknownOutcomes).toBe(0);
    expect(r.orders.orders.length).toBeGreaterThan(0);
    expect(handle.control.responseViolations()).toEqual([]);
    expect(contractViolations(exchanges)).toEqual([]);
  });

  // Seed 3 makes one createFeed end in a 5xx, exercising the reconcile-before-resubmit path.
  it.each([3, 5, 7])('gives the same results when 30 percent of responses are faulty, never submitting a feed twice (seed %i)', async (seed) => {
    const faults: FaultOptions = { rate429: 0.15, rate5xx: 0.06, rateReset: 0.03, rateSlow: 0.06, slowMs: 2_000, seed };
    const { client, clock, sim: handle, exchanges } = await setup(faults);

    const r = await scenario(client, clock, handle);

    const failed = exchanges.filter((e) => e.status === 429 || e.status >= 500);
    console.info(`faulty run (seed ${seed}): ${exchanges.length} exchanges, ${failed.length} 429/5xx, ${r.unknownOutcomes} createFeed outcome(s) unknown`);
    expect(failed.length).toBeGreaterThan(0);
    expect(contractViolations(exchanges)).toEqual([]);

    expect(r.put.status).toBe('ACCEPTED');
    expect(quantityOf(r.listed.attributes)).toBe(3);
    expect(r.feed.processingStatus).toBe('DONE');
    expect(r.report.summary).toMatchObject({ messagesAccepted: 1, errors: 0 });
    expect(quantityOf(r.afterFeed.attributes)).toBe(9);
    expect(r.feedsSubmitted).toBe(1);
    expect(r.orders.orders.length).toBeGreaterThan(0);
    expect(handle.control.responseViolations()).toEqual([]);
  });

  it('makes 100 getListingsItem calls at default limits in ≈ burst + (n − burst) / rate virtual seconds without a 429', async () => {
    const { client, clock, sim: handle, exchanges } = await setup();
    const sku = handle.control.listings()[0]!.sku;
    const start = clock.now();

    await Promise.all(Array.from({ length: 100 }, () => client.getListingsItem({ sellerId: DEMO.sellerId, sku, marketplaceIds: [BR] })));

    const seconds = (clock.now() - start) / 1000;
    expect(exchanges.map((e) => e.status).filter((s) => s !== 200)).toEqual([]);
    expect(exchanges).toHaveLength(100);
    expect(seconds).toBeGreaterThanOrEqual(18 - 0.5);
    expect(seconds).toBeLessThanOrEqual(18 + 2);
  });
});
