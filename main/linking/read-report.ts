import type { SpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';
import type { Db } from '../db/connection';
import { addReadCalls, failListingRead, openListingRead, setReadReport, startListingRead } from '../db/tables/amazon-listings';
import type { AmazonListing } from '../db/tables/amazon-listings';
import type { SelectionScope } from '../db/tables/listing-selections';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import { LISTINGS_REPORT_TYPE, parseListingsReport } from './listings-report';

const logger = createLogger('linking/read-report');

export type ReportsClient = Pick<SpApiClient, 'createReport' | 'getReport' | 'getReportDocument' | 'downloadReportDocument'>;

/**
 * Why a report and not searchListingsItems: the report costs the same handful of calls for any
 * catalog size — createReport, a few getReport polls while Amazon builds it (about a minute),
 * getReportDocument and one download of the file — about 6 calls. searchListingsItems returns
 * at most 20 offers per page, so n offers cost n/20 calls: 50 for 1,000 offers, 5,000 for 100k
 * (17 minutes at its 5 calls/s). The report also lists inactive offers, which a seller
 * re-listing through Vitrine must not duplicate either.
 */
export const POLL_EVERY_MS = 20_000;
/** Amazon usually needs one to fifteen minutes; past this the read is reported as failed. */
export const GIVE_UP_AFTER_MS = 45 * 60_000;
/** A requested report older than this is not resumed (its document may have expired). */
const RESUME_WITHIN_MS = 2 * 3600_000;

export interface ReadOptions {
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  readonly onPhase?: (phase: 'requested' | 'waiting' | 'downloading') => void;
}

export interface ReportRead {
  readonly readId: number;
  readonly listings: AmazonListing[];
}

/**
 * Fetches the scope's listings report. The report id is stored as soon as Amazon answers, so a
 * restart (crash, quit, sleeping laptop) resumes polling the same report instead of asking for
 * a new one; a network failure or an abort leaves the read open for that reason. A FATAL report
 * or one that never finishes closes it. API calls are counted on the read row.
 */
export async function readListingsReport(db: Db, client: ReportsClient, scope: SelectionScope, options: ReadOptions): Promise<ReportRead> {
  const { clock, signal } = options;
  const open = openListingRead(db, scope);
  const resumable = open?.reportId && clock.now() - open.startedAt < RESUME_WITHIN_MS ? open : undefined;
  // A read that never got its report id, or whose report is too old to trust, is closed for good.
  if (open && !resumable) failListingRead(db, open.id, 'superseded', clock.now());
  const readId = resumable?.id ?? startListingRead(db, scope, clock.now());
  let reportId = resumable?.reportId ?? null;
  if (reportId === null) {
    const created = await client.createReport({ reportType: LISTINGS_REPORT_TYPE, marketplaceIds: [scope.marketplaceId] }, signal ? { signal } : {});
    addReadCalls(db, readId, 1);
    reportId = created.reportId;
    setReadReport(db, readId, reportId);
    logger.info(`listings report ${reportId} requested for ${scope.accountId}/${scope.marketplaceId}`);
  } else {
    logger.info(`resuming listings report ${reportId} for ${scope.accountId}/${scope.marketplaceId}`);
  }
  options.onPhase?.('requested');

  const startedAt = clock.now();
  for (;;) {
    const report = await client.getReport({ reportId, ...(signal ? { signal } : {}) });
    addReadCalls(db, readId, 1);
    switch (report.processingStatus) {
      case 'DONE': {
        if (!report.reportDocumentId) throw new AppError('LINKING_REPORT_FAILED', { status: 'DONE' });
        options.onPhase?.('downloading');
        const document = await client.getReportDocument({ reportDocumentId: report.reportDocumentId, ...(signal ? { signal } : {}) });
        const bytes = await client.downloadReportDocument(document);
        addReadCalls(db, readId, 2);
        return { readId, listings: parseListingsReport(bytes) };
      }
      // Amazon cancels a report on its own when there is no data: the seller has no offers here.
      case 'CANCELLED':
        return { readId, listings: [] };
      case 'FATAL':
        failListingRead(db, readId, 'FATAL', clock.now());
        throw new AppError('LINKING_REPORT_FAILED', { status: report.processingStatus });
      case 'IN_QUEUE':
      case 'IN_PROGRESS':
        if (clock.now() - startedAt > GIVE_UP_AFTER_MS) {
          failListingRead(db, readId, 'timeout', clock.now());
          throw new AppError('LINKING_REPORT_TIMEOUT', { minutes: GIVE_UP_AFTER_MS / 60_000 });
        }
        options.onPhase?.('waiting');
        await clock.sleep(POLL_EVERY_MS, signal);
        break;
    }
  }
}
