import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { DocumentTransfer } from '../../../main/amazon/documents';
import { TransferStatusError } from '../../../main/amazon/errors';
import type { FakeAmazon, FakeHandler } from './helpers/fake-amazon';
import { startFakeAmazon } from './helpers/fake-amazon';

let fake: FakeAmazon | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function transfer(handler: FakeHandler) {
  fake = await startFakeAmazon(handler);
  return new DocumentTransfer({ fetch, clock: new VirtualClock(), timeoutMs: 2000, maxRetries: 2 });
}

describe('DocumentTransfer', () => {
  it('uploads with exactly the given Content-Type, no SP-API headers and no compression', async () => {
    const docs = await transfer(() => ({ status: 200 }));
    const feed = JSON.stringify({ header: { sellerId: 'A1', version: '2.0' }, messages: [] });

    await docs.upload(`${fake!.baseUrl}/upload?X-Amz-Signature=abc`, 'application/json; charset=UTF-8', feed);

    const [request] = fake!.requests;
    expect(request?.method).toBe('PUT');
    expect(request?.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(request?.headers['x-amz-access-token']).toBeUndefined();
    expect(request?.headers['content-encoding']).toBeUndefined();
    expect(request?.body.toString('utf8')).toBe(feed);
  });

  it('retries an upload after a 500 and stops at a 403 (expired URL)', async () => {
    let calls = 0;
    const docs = await transfer(() => (++calls === 1 ? { status: 500, body: '<Error/>' } : { status: 200 }));
    await docs.upload(`${fake!.baseUrl}/u`, 'text/plain', 'x');
    expect(calls).toBe(2);
    await fake!.close();

    const expired = await transfer(() => ({ status: 403, body: '<Error><Code>AccessDenied</Code></Error>' }));
    const error = await expired.upload(`${fake!.baseUrl}/u`, 'text/plain', 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferStatusError);
    expect(error).toMatchObject({ status: 403, bodySnippet: expect.stringContaining('AccessDenied') });
    expect(fake!.requests).toHaveLength(1);
  });

  it('gunzips a GZIP report', async () => {
    const report = JSON.stringify({ summary: { errors: 0 } });
    const docs = await transfer(() => ({ status: 200, body: gzipSync(report) }));

    const bytes = await docs.download('getFeedDocument', `${fake!.baseUrl}/r`, 'GZIP');

    expect(bytes.toString('utf8')).toBe(report);
  });

  it('does not gunzip twice when the URL served Content-Encoding: gzip', async () => {
    const report = 'already inflated by fetch';
    const docs = await transfer(() => ({ status: 200, headers: { 'content-encoding': 'gzip' }, body: gzipSync(report) }));

    const bytes = await docs.download('getFeedDocument', `${fake!.baseUrl}/r`, 'GZIP');

    expect(bytes.toString('utf8')).toBe(report);
  });

  it('returns plain bytes when no compression is declared', async () => {
    const docs = await transfer(() => ({ status: 200, body: 'a\tb\n' }));

    const bytes = await docs.download('getReportDocument', `${fake!.baseUrl}/r`);

    expect(bytes.toString('utf8')).toBe('a\tb\n');
  });

  it('downloads a product type schema as JSON and reports a non-JSON one', async () => {
    const docs = await transfer((req) => (req.path === '/schema' ? { status: 200, body: { $schema: 'x', properties: {} } } : { status: 200, body: '<html/>' }));

    await expect(docs.downloadJson('getDefinitionsProductType', `${fake!.baseUrl}/schema`)).resolves.toEqual({ $schema: 'x', properties: {} });
    await expect(docs.downloadJson('getDefinitionsProductType', `${fake!.baseUrl}/html`)).rejects.toMatchObject({ name: 'ResponseFormatError' });
  });
});
