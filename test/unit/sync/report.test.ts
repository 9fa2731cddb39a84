import { describe, expect, it } from 'vitest';
import type { MessageRef } from '../../../main/db/tables/sync-listings';
import { outcomesFromReport, outcomesWithoutReport, processingReportSchema } from '../../../main/sync/report';

const messages: MessageRef[] = [
  { sku: 'A', marketplaceId: 'M', messageId: 1, operation: 'UPDATE', reason: null },
  { sku: 'B', marketplaceId: 'M', messageId: 2, operation: 'PATCH', reason: 'below_safety_stock' },
  { sku: 'C', marketplaceId: 'M', messageId: 3, operation: 'UPDATE', reason: null },
  { sku: 'D', marketplaceId: 'M', messageId: 4, operation: 'DELETE', reason: 'deselected' },
];

describe('outcomesFromReport', () => {
  it('turns message issues into per-SKU verdicts, keeping Amazon’s words and warnings', () => {
    const report = processingReportSchema.parse({
      header: { sellerId: 'S', version: '2.0', feedId: '1' },
      issues: [
        { messageId: 3, code: '90220', severity: 'ERROR', message: "'brand' is required but not supplied.", attributeName: 'brand' },
        { messageId: 1, code: '18155', severity: 'WARNING', message: 'Image is small.' },
      ],
      summary: { errors: 1, warnings: 1, messagesProcessed: 4, messagesAccepted: 3, messagesInvalid: 1 },
      items: [{ sku: 'A', summaries: [{ marketplaceId: 'M', asin: 'B0AAAAAAAA' }] }],
    });

    const out = outcomesFromReport(report, messages);

    expect(out).toEqual([
      { sku: 'A', status: 'live', issues: [{ code: '18155', severity: 'WARNING', message: 'Image is small.' }], onAmazon: true, asin: 'B0AAAAAAAA' },
      { sku: 'B', status: 'paused', issues: [], onAmazon: true },
      { sku: 'C', status: 'error', issues: [{ code: '90220', severity: 'ERROR', message: "'brand' is required but not supplied.", attributeName: 'brand' }] },
      { sku: 'D', status: 'removed', issues: [], onAmazon: false },
    ]);
  });

  it('fails every message with the feed-level issue when nothing was processed', () => {
    const report = processingReportSchema.parse({
      header: { sellerId: 'S', version: '2.0', feedId: '1' },
      issues: [{ code: '100005', severity: 'ERROR', message: 'The feed document could not be parsed.' }],
      summary: { errors: 1, warnings: 0, messagesProcessed: 0, messagesAccepted: 0, messagesInvalid: 0 },
    });

    const out = outcomesFromReport(report, messages);

    expect(out.map((o) => [o.sku, o.status, o.issues[0]?.code])).toEqual([
      ['A', 'error', '100005'],
      ['B', 'error', '100005'],
      ['C', 'error', '100005'],
      ['D', 'error', '100005'],
    ]);
  });
});

describe('outcomesWithoutReport', () => {
  it('marks a FATAL feed as errors to resend, a CANCELLED one as pending', () => {
    expect(outcomesWithoutReport(messages.slice(0, 1), 'FATAL')[0]).toMatchObject({ status: 'error', forgetHashes: true });
    expect(outcomesWithoutReport(messages.slice(0, 1), 'CANCELLED')[0]).toEqual({ sku: 'A', status: 'pending', issues: [], forgetHashes: true });
  });

  it("keeps only Amazon's own words as the message (shown as Amazon's); what it means is Vitrine's localized explanation of the code", () => {
    const [fatal] = outcomesWithoutReport(messages.slice(0, 1), 'FATAL');
    expect(fatal?.issues).toEqual([{ code: 'FATAL', message: 'processingStatus: FATAL', severity: 'ERROR' }]);
    // A feed that never reached Amazon: Amazon said nothing.
    const [failed] = outcomesWithoutReport(messages.slice(0, 1), 'FAILED');
    expect(failed?.issues).toEqual([{ code: 'FAILED', message: '', severity: 'ERROR' }]);
  });
});
