import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { openDatabase, type Db } from '../../../main/db/connection';
import { lastListingRead, setReadReport, startListingRead } from '../../../main/db/tables/amazon-listings';
import { AppError } from '../../../main/errors';
import { POLL_EVERY_MS, readListingsReport, type ReportsClient } from '../../../main/linking/read-report';

const scope = { accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' };
const TSV = 'seller-sku\tasin1\titem-name\nA-1\tB0A\tCamiseta\n';

/** A reports client that finishes after `pollsUntilDone` getReport calls and counts every call. */
function fakeReports(outcome: 'DONE' | 'FATAL' | 'CANCELLED', pollsUntilDone: number) {
  const calls: string[] = [];
  let polls = 0;
  const client = {
    createReport: async () => (calls.push('createReport'), { reportId: 'NEW' }),
    getReport: async ({ reportId }: { reportId: string }) => {
      calls.push(`getReport:${reportId}`);
      polls += 1;
      const done = polls >= pollsUntilDone;
      return {
        reportId,
        reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA',
        createdTime: '',
        processingStatus: done ? outcome : 'IN_PROGRESS',
        ...(done && outcome === 'DONE' ? { reportDocumentId: 'DOC' } : {}),
      };
    },
    getReportDocument: async () => (calls.push('getReportDocument'), { reportDocumentId: 'DOC', url: 'u' }),
    downloadReportDocument: async () => (calls.push('download'), Buffer.from(TSV)),
  } as unknown as ReportsClient;
  return { client, calls };
}

let db: Db;
let clock: VirtualClock;
beforeEach(() => {
  db = openDatabase(':memory:');
  clock = new VirtualClock();
});
afterEach(() => db.close());

describe('readListingsReport', () => {
  it('asks once, polls while Amazon builds the report, then downloads it', async () => {
    const { client, calls } = fakeReports('DONE', 3);
    const start = clock.now();

    const read = await readListingsReport(db, client, scope, { clock });

    expect(calls).toEqual(['createReport', 'getReport:NEW', 'getReport:NEW', 'getReport:NEW', 'getReportDocument', 'download']);
    expect(clock.now() - start).toBe(2 * POLL_EVERY_MS);
    expect(read.listings.map((l) => l.sku)).toEqual(['A-1']);
    expect(lastListingRead(db, scope)?.apiCalls).toBe(6);
  });

  it('resumes the report it already asked for after a restart instead of asking again', async () => {
    const earlier = startListingRead(db, scope, clock.now());
    setReadReport(db, earlier, 'OLD');
    const { client, calls } = fakeReports('DONE', 1);

    const read = await readListingsReport(db, client, scope, { clock });

    expect(read.readId).toBe(earlier);
    expect(calls).toEqual(['getReport:OLD', 'getReportDocument', 'download']);
  });

  it('closes a read that never got its report id and starts afresh', async () => {
    const orphan = startListingRead(db, scope, clock.now());
    const { client, calls } = fakeReports('DONE', 1);

    const read = await readListingsReport(db, client, scope, { clock });

    expect(read.readId).not.toBe(orphan);
    expect(calls[0]).toBe('createReport');
    expect(db.prepare('SELECT state, error FROM listing_reads WHERE id = ?').get(orphan)).toEqual({ state: 'failed', error: 'superseded' });
  });

  it('reads a report Amazon cancelled for lack of data as no offers', async () => {
    const { client } = fakeReports('CANCELLED', 1);

    const read = await readListingsReport(db, client, scope, { clock });

    expect(read.listings).toEqual([]);
  });

  it('closes the read when Amazon says FATAL, so the next attempt asks for a new report', async () => {
    const { client } = fakeReports('FATAL', 1);

    await expect(readListingsReport(db, client, scope, { clock })).rejects.toBeInstanceOf(AppError);

    expect(lastListingRead(db, scope)?.state).toBe('failed');
  });
});
