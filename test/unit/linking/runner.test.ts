import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { openDatabase, type Db } from '../../../main/db/connection';
import { lastListingRead, setReadReport, startListingRead } from '../../../main/db/tables/amazon-listings';
import { LinkingRunner } from '../../../main/linking/runner';
import type { LinkingClient } from '../../../main/linking/read-and-link';

const BR = { accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' };
const US = { accountId: 'demo', marketplaceId: 'ATVPDKIKX0DER' };

function fakeClient(calls: string[]): LinkingClient {
  return {
    createReport: async () => (calls.push('createReport'), { reportId: 'NEW' }),
    getReport: async ({ reportId }: { reportId: string }) => (
      calls.push(`getReport:${reportId}`),
      { reportId, reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', createdTime: '', processingStatus: 'DONE', reportDocumentId: `DOC-${reportId}` }
    ),
    getReportDocument: async () => ({ reportDocumentId: 'D', url: 'u' }),
    downloadReportDocument: async () => Buffer.from('seller-sku\tasin1\nA\tB0A\n'),
    searchCatalogItems: async () => ({ numberOfResults: 0, items: [] }),
  } as unknown as LinkingClient;
}

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('LinkingRunner', () => {
  it('joins a read already under way for the same marketplace instead of asking Amazon twice', async () => {
    const calls: string[] = [];
    const runner = new LinkingRunner({ db, clientFor: async () => fakeClient(calls), clock: new VirtualClock() });

    const [a, b] = await Promise.all([runner.read(BR), runner.read(BR)]);

    expect(a).toBe(b);
    expect(calls.filter((c) => c === 'createReport')).toHaveLength(1);
  });

  it('reports each finished read, so the app can notify a seller who left the screen', async () => {
    const reads: number[] = [];
    const runner = new LinkingRunner({
      db,
      clientFor: async () => fakeClient([]),
      clock: new VirtualClock(),
      onRead: (_scope, summary) => reads.push(summary.listings),
    });

    await runner.read(BR);

    expect(reads).toEqual([1]);
  });

  it('resumes at start-up the reads a quit interrupted, with the report already asked for', async () => {
    const clock = new VirtualClock();
    setReadReport(db, startListingRead(db, BR, clock.now()), 'OLD-BR');
    const calls: string[] = [];
    const runner = new LinkingRunner({ db, clientFor: async () => fakeClient(calls), clock });

    const resumed = await runner.resumeOpen();

    expect(resumed).toBe(1);
    expect(calls).toEqual(['getReport:OLD-BR']);
    expect(lastListingRead(db, BR)).toMatchObject({ state: 'done', listings: 1 });
    expect(lastListingRead(db, US)).toBeUndefined();
  });
});
