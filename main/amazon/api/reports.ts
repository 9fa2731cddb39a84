import { z } from 'zod';
import type { Invoke } from './invoke';
import { requireCount } from './common';

/** Reports 2021-06-30 (models/reports_2021-06-30.json), for importing existing listings. */
const createReportResponseSchema = z.looseObject({ reportId: z.string() });

const reportSchema = z.looseObject({
  marketplaceIds: z.array(z.string()).optional(),
  reportId: z.string(),
  reportType: z.string(),
  dataStartTime: z.string().optional(),
  dataEndTime: z.string().optional(),
  reportScheduleId: z.string().optional(),
  createdTime: z.string(),
  processingStatus: z.enum(['CANCELLED', 'DONE', 'FATAL', 'IN_PROGRESS', 'IN_QUEUE']),
  processingStartTime: z.string().optional(),
  processingEndTime: z.string().optional(),
  reportDocumentId: z.string().optional(),
});

const reportDocumentSchema = z.looseObject({
  reportDocumentId: z.string(),
  url: z.string(),
  compressionAlgorithm: z.enum(['GZIP']).optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

export interface CreateReportSpecification {
  readonly reportType: string;
  readonly marketplaceIds: readonly string[];
  readonly dataStartTime?: string;
  readonly dataEndTime?: string;
  readonly reportOptions?: Readonly<Record<string, string>>;
}

export function reportsApi(invoke: Invoke) {
  return {
    async createReport(spec: CreateReportSpecification, options: { signal?: AbortSignal } = {}): Promise<{ reportId: string }> {
      requireCount('createReport', 'marketplaceIds', spec.marketplaceIds, 1, 25);
      return invoke('createReport', { schema: createReportResponseSchema, signal: options.signal, body: spec });
    },

    async getReport(params: { reportId: string; signal?: AbortSignal }): Promise<Report> {
      return invoke('getReport', { schema: reportSchema, signal: params.signal, pathParams: { reportId: params.reportId } });
    },

    async getReportDocument(params: { reportDocumentId: string; signal?: AbortSignal }): Promise<ReportDocument> {
      return invoke('getReportDocument', {
        schema: reportDocumentSchema,
        signal: params.signal,
        pathParams: { reportDocumentId: params.reportDocumentId },
      });
    },
  };
}
