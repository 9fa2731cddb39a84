import { z } from 'zod';
import type { MessageOutcome, MessageRef, SyncIssue } from '../db/tables/sync-listings';

/** The parts of a JSON_LISTINGS_FEED processing report we use (schemas/listings-feed-processing-report-schema-v2.json). */
const issueSchema = z.looseObject({
  messageId: z.number().int().optional(),
  sku: z.string().optional(),
  code: z.string().optional(),
  severity: z.enum(['ERROR', 'WARNING', 'INFO']),
  message: z.string(),
  attributeName: z.string().optional(),
});
const itemSchema = z.looseObject({
  sku: z.string(),
  summaries: z.array(z.looseObject({ asin: z.string().optional(), marketplaceId: z.string().optional() })).optional(),
});
export const processingReportSchema = z.looseObject({
  header: z.looseObject({ feedId: z.string().optional() }),
  issues: z.array(issueSchema).default([]),
  summary: z.looseObject({ messagesProcessed: z.number(), messagesAccepted: z.number(), messagesInvalid: z.number() }),
  items: z.array(itemSchema).optional(),
});
export type ProcessingReport = z.infer<typeof processingReportSchema>;

function toIssue(i: z.infer<typeof issueSchema>): SyncIssue {
  return { code: i.code ?? '', message: i.message, severity: i.severity, ...(i.attributeName ? { attributeName: i.attributeName } : {}) };
}

/** The reasons a stop message carries (see delta.ts stopMessage). */
const STOP_REASONS: ReadonlySet<string> = new Set(['deselected', 'inactive', 'deleted']);

/**
 * Per-SKU verdicts from a report. A message with an ERROR issue failed; every other processed
 * message was accepted (its WARNINGs kept). Feed-level issues (no messageId) with nothing
 * processed fail every message with that issue. Amazon's code and message stay verbatim.
 */
export function outcomesFromReport(report: ProcessingReport, messages: readonly MessageRef[]): MessageOutcome[] {
  const byMessage = new Map<number, SyncIssue[]>();
  const feedLevel: SyncIssue[] = [];
  for (const issue of report.issues) {
    if (issue.messageId === undefined) feedLevel.push(toIssue(issue));
    else byMessage.set(issue.messageId, [...(byMessage.get(issue.messageId) ?? []), toIssue(issue)]);
  }
  const asins = new Map<string, string>();
  for (const item of report.items ?? []) {
    const asin = item.summaries?.find((s) => s.asin)?.asin;
    if (asin) asins.set(item.sku, asin);
  }
  const nothingProcessed = report.summary.messagesProcessed === 0 && feedLevel.length > 0;
  return messages.map((m) => {
    const issues = nothingProcessed ? feedLevel : (byMessage.get(m.messageId) ?? []);
    const failed = nothingProcessed || issues.some((i) => i.severity === 'ERROR');
    if (failed) return { sku: m.sku, status: 'error', issues };
    const asin = asins.get(m.sku);
    // Stopped (deselected, inactive or deleted in the catalog): deleted, or kept on Amazon at
    // quantity 0 (then a later re-selection is a PATCH away).
    if (m.reason !== null && STOP_REASONS.has(m.reason)) return { sku: m.sku, status: 'removed', issues, onAmazon: m.operation !== 'DELETE' };
    const status = m.reason === 'below_safety_stock' ? 'paused' : 'live';
    return { sku: m.sku, status, issues, onAmazon: true, ...(asin ? { asin } : {}) };
  });
}

/**
 * A feed ended without a report (FATAL/CANCELLED): Amazon may hold anything, so resend next cycle.
 * The issue's message is Amazon's words only (its processing status; none for a feed that never
 * reached Amazon): what it means is Vitrine's own text, localized from the code (`sync.explain.*`).
 */
export function outcomesWithoutReport(messages: readonly MessageRef[], processingStatus: string): MessageOutcome[] {
  const cancelled = processingStatus === 'CANCELLED';
  const issue: SyncIssue = { code: processingStatus, message: processingStatus === 'FAILED' ? '' : `processingStatus: ${processingStatus}`, severity: 'ERROR' };
  return messages.map((m) => ({ sku: m.sku, status: cancelled ? 'pending' : 'error', issues: cancelled ? [] : [issue], forgetHashes: true }));
}
