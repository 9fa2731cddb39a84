import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateProcessingReport } from '../../../../main/amazon/models';
import { BR, FIXTURE_PRODUCT_TYPES, widgetAttributes } from './fixtures';
import { startHarness, type Harness } from './harness';

const CONTENT_TYPE = 'application/json; charset=UTF-8';
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES });
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

function feedDocument(messages: unknown[], report = true): string {
  const header = {
    sellerId: h.sim.demo.sellerId,
    version: '2.0',
    ...(report ? { report: { includedData: ['summaries', 'issues'], apiVersion: '2021-08-01' } } : {}),
  };
  return JSON.stringify({ header, messages });
}

async function upload(content: string, contentType = CONTENT_TYPE): Promise<{ id: string; status: number }> {
  const doc = await h.call('POST', '/feeds/2021-06-30/documents', { body: { contentType: CONTENT_TYPE } });
  expect(doc.status).toBe(201);
  const { feedDocumentId, url } = doc.body as { feedDocumentId: string; url: string };
  const res = await fetch(url, { method: 'PUT', headers: { 'content-type': contentType }, body: content });
  return { id: feedDocumentId, status: res.status };
}

async function submit(content: string): Promise<string> {
  const { id } = await upload(content);
  const res = await h.call('POST', '/feeds/2021-06-30/feeds', { body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [BR], inputFeedDocumentId: id } });
  expect(res.status).toBe(202);
  return (res.body as { feedId: string }).feedId;
}

async function feed(feedId: string): Promise<{ processingStatus: string; resultFeedDocumentId?: string }> {
  return (await h.call('GET', `/feeds/2021-06-30/feeds/${feedId}`)).body as { processingStatus: string; resultFeedDocumentId?: string };
}

async function report(documentId: string): Promise<Record<string, unknown>> {
  const doc = (await h.call('GET', `/feeds/2021-06-30/documents/${encodeURIComponent(documentId)}`)).body as { url: string; compressionAlgorithm?: string };
  // Results are served gzip-compressed by default, as Amazon does: clients must gunzip.
  expect(doc.compressionAlgorithm).toBe('GZIP');
  const bytes = Buffer.from(await (await fetch(doc.url)).arrayBuffer());
  return JSON.parse((doc.compressionAlgorithm === 'GZIP' ? gunzipSync(bytes) : bytes).toString('utf8')) as Record<string, unknown>;
}

const messages = [
  { messageId: 1, sku: 'F1', operationType: 'UPDATE', productType: 'WIDGET', requirements: 'LISTING', attributes: widgetAttributes() },
  {
    messageId: 2,
    sku: 'BRC-001',
    operationType: 'PATCH',
    productType: 'WIDGET',
    patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }] }],
  },
  { messageId: 3, sku: 'F3', operationType: 'UPDATE', productType: 'WIDGET', attributes: { item_name: widgetAttributes().item_name } },
  { messageId: 4, sku: 'CAM-001-PRE-M', operationType: 'DELETE' },
];

describe('feed lifecycle on the simulator clock', () => {
  it('processes in 30 s + 5 ms per message, applies messages and writes a schema-valid report', async () => {
    const feedId = await submit(feedDocument(messages));
    expect((await feed(feedId)).processingStatus).toBe('IN_PROGRESS');
    h.sim.control.advance(30_000 + 5 * messages.length - 1);
    expect((await feed(feedId)).processingStatus).toBe('IN_PROGRESS');
    h.sim.control.advance(1);
    const done = await feed(feedId);
    expect(done.processingStatus).toBe('DONE');

    const result = await report(done.resultFeedDocumentId ?? '');
    expect(validateProcessingReport(result)).toEqual([]);
    expect(result.summary).toMatchObject({ messagesProcessed: 4, messagesAccepted: 3, messagesInvalid: 1 });
    expect(result.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ messageId: 3, sku: 'F3', code: '90220', severity: 'ERROR', attributeName: 'brand' })]),
    );
    expect((result.items as { sku: string }[]).map((i) => i.sku).sort()).toEqual(['BRC-001', 'F1']);

    const listings = h.sim.control.listings();
    expect(listings.map((l) => l.sku).sort()).toEqual(['BRC-001', 'COL-001', 'F1']);
    expect(listings.find((l) => l.sku === 'BRC-001')?.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }]);
  });

  it('refuses a message whose EAN has a wrong check digit, with the issue in the report, and applies the others', async () => {
    const wrong = widgetAttributes({ externally_assigned_product_identifier: [{ type: 'ean', value: '7891000000013', marketplace_id: BR }] });
    const feedId = await submit(
      feedDocument([
        { messageId: 1, sku: 'BAD-EAN', operationType: 'UPDATE', productType: 'WIDGET', requirements: 'LISTING', attributes: wrong },
        { messageId: 2, sku: 'GOOD-EAN', operationType: 'UPDATE', productType: 'WIDGET', requirements: 'LISTING', attributes: widgetAttributes() },
      ]),
    );
    h.sim.control.advance(60_000);
    const result = await report((await feed(feedId)).resultFeedDocumentId ?? '');
    expect(validateProcessingReport(result)).toEqual([]);
    expect(result.summary).toMatchObject({ messagesAccepted: 1, messagesInvalid: 1, errors: 1 });
    expect(result.issues).toEqual([
      expect.objectContaining({
        messageId: 1,
        sku: 'BAD-EAN',
        code: '8106',
        severity: 'ERROR',
        attributeName: 'externally_assigned_product_identifier',
        message: expect.stringContaining('BAD-EAN'),
      }),
    ]);
    expect(h.sim.control.listings().map((l) => l.sku)).toContain('GOOD-EAN');
    expect(h.sim.control.listings().map((l) => l.sku)).not.toContain('BAD-EAN');
  });

  it('runs one seller feed at a time: the second waits IN_QUEUE for the first', async () => {
    const first = await submit(feedDocument(messages.slice(0, 1), false));
    const second = await submit(feedDocument(messages.slice(1, 2), false));
    expect((await feed(second)).processingStatus).toBe('IN_QUEUE');
    h.sim.control.advance(30_005);
    expect((await feed(first)).processingStatus).toBe('DONE');
    expect((await feed(second)).processingStatus).toBe('IN_PROGRESS');
    h.sim.control.advance(30_005);
    expect((await feed(second)).processingStatus).toBe('DONE');
  });

  it('ends FATAL with a feed-level issue when the document is not JSON', async () => {
    const feedId = await submit('not json');
    h.sim.control.advance(30_000);
    const done = await feed(feedId);
    expect(done.processingStatus).toBe('FATAL');
    const result = await report(done.resultFeedDocumentId ?? '');
    expect(validateProcessingReport(result)).toEqual([]);
    expect((result.issues as { messageId?: number }[])[0]?.messageId).toBeUndefined();
  });

  it('cancels a queued feed and moves the next one up', async () => {
    const first = await submit(feedDocument(messages.slice(0, 1), false));
    const second = await submit(feedDocument(messages.slice(0, 1), false));
    const third = await submit(feedDocument(messages.slice(1, 2), false));
    expect((await h.call('DELETE', `/feeds/2021-06-30/feeds/${first}`)).status).toBe(400);
    expect((await h.call('DELETE', `/feeds/2021-06-30/feeds/${second}`)).status).toBe(200);
    expect((await feed(second)).processingStatus).toBe('CANCELLED');
    h.sim.control.advance(30_005);
    expect((await feed(third)).processingStatus).toBe('IN_PROGRESS');
    h.sim.control.advance(30_005);
    expect((await feed(third)).processingStatus).toBe('DONE');
    expect((await feed(second)).resultFeedDocumentId).toBeUndefined();
  });

  it('ends FATAL when the header names another seller, applying nothing', async () => {
    const feedId = await submit(JSON.stringify({ header: { sellerId: 'AOTHERSELLER', version: '2.0' }, messages: messages.slice(0, 1) }));
    h.sim.control.advance(30_005);
    expect((await feed(feedId)).processingStatus).toBe('FATAL');
    expect(h.sim.control.listings().some((l) => l.sku === 'F1')).toBe(false);
  });

  it('reports a message that breaks the message schema and still applies the others', async () => {
    const broken = { messageId: 9, sku: 'NOPT', operationType: 'UPDATE', attributes: widgetAttributes() };
    const feedId = await submit(feedDocument([messages[0], broken], false));
    h.sim.control.advance(30_010);
    const result = await report((await feed(feedId)).resultFeedDocumentId ?? '');
    expect(result.summary).toMatchObject({ messagesAccepted: 1, messagesInvalid: 1 });
    expect(result.issues).toEqual([expect.objectContaining({ messageId: 9, sku: 'NOPT', severity: 'ERROR' })]);
    expect(validateProcessingReport(result)).toEqual([]);
  });

  it('keeps a feed IN_PROGRESS longer under the stuck-feed fault', async () => {
    await h.sim.close();
    h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES, faults: { rateStuckFeed: 1, stuckMs: 600_000 } });
    const feedId = await submit(feedDocument(messages.slice(0, 1), false));
    h.sim.control.advance(60_000);
    expect((await feed(feedId)).processingStatus).toBe('IN_PROGRESS');
    h.sim.control.advance(600_000);
    expect((await feed(feedId)).processingStatus).toBe('DONE');
  });

  it('times a feed by the document counted at createFeed and applies the bytes uploaded by the time it is processed', async () => {
    const doc = await h.call('POST', '/feeds/2021-06-30/documents', { body: { contentType: CONTENT_TYPE } });
    const { feedDocumentId, url } = doc.body as { feedDocumentId: string; url: string };
    const put = (content: string) => fetch(url, { method: 'PUT', headers: { 'content-type': CONTENT_TYPE }, body: content });
    await put(feedDocument(messages.slice(0, 1), false));
    const created = await h.call('POST', '/feeds/2021-06-30/feeds', {
      body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [BR], inputFeedDocumentId: feedDocumentId },
    });
    const feedId = (created.body as { feedId: string }).feedId;
    expect((await put(feedDocument(messages.slice(0, 2), false))).status).toBe(200);

    h.sim.control.advance(30_000 + 5);
    const done = await feed(feedId);
    expect(done.processingStatus).toBe('DONE');
    expect((await report(done.resultFeedDocumentId ?? '')).summary).toMatchObject({ messagesProcessed: 2 });
  });
});

describe('feed documents and limits', () => {
  it('refuses an upload whose Content-Type differs from the one declared', async () => {
    const { status } = await upload(feedDocument(messages), 'application/json');
    expect(status).toBe(403);
  });

  it('refuses an upload after the presigned URL expired (5 min)', async () => {
    const doc = await h.call('POST', '/feeds/2021-06-30/documents', { body: { contentType: CONTENT_TYPE } });
    h.sim.control.advance(5 * 60_000 + 1);
    const res = await fetch((doc.body as { url: string }).url, { method: 'PUT', headers: { 'content-type': CONTENT_TYPE }, body: '{}' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Request has expired');
  });

  it('caps JSON_LISTINGS_FEED at 5 submissions per 5 minutes with 429 QuotaExceeded', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) ids.push((await upload(feedDocument(messages.slice(0, 1), false))).id);
    const create = (id: string) =>
      h.call('POST', '/feeds/2021-06-30/feeds', { body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [BR], inputFeedDocumentId: id } });
    for (const id of ids.slice(0, 5)) expect((await create(id)).status).toBe(202);
    const sixth = await create(ids[5] ?? '');
    expect(sixth.status).toBe(429);
    expect(sixth.body).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] });
    expect(sixth.headers.get('x-amzn-ratelimit-limit')).toBeNull();
    h.sim.control.advance(5 * 60_000);
    expect((await create(ids[5] ?? '')).status).toBe(202);
    expect(h.sim.control.feeds()).toHaveLength(6);
  });

  it('answers 400 with the feeds "400" code for an invalid createFeed body', async () => {
    const res = await h.call('POST', '/feeds/2021-06-30/feeds', { body: { marketplaceIds: [BR], inputFeedDocumentId: 'x' }, invalidOnPurpose: true });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string }[] }).errors[0]?.code).toBe('400');
  });

  it('lists feeds with getFeeds and pages with a nextToken alone', async () => {
    await submit(feedDocument(messages.slice(0, 1), false));
    await submit(feedDocument(messages.slice(0, 1), false));
    const first = (await h.call('GET', '/feeds/2021-06-30/feeds', { query: { feedTypes: 'JSON_LISTINGS_FEED', pageSize: '1' } })).body as {
      feeds: unknown[];
      nextToken: string;
    };
    expect(first.feeds).toHaveLength(1);
    const second = (await h.call('GET', '/feeds/2021-06-30/feeds', { query: { nextToken: first.nextToken } })).body as { feeds: unknown[]; nextToken?: string };
    expect(second.feeds).toHaveLength(1);
    expect(second.nextToken).toBeUndefined();
  });
});
