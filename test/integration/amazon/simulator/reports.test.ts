import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LISTINGS_REPORT_COLUMNS } from '../../../../main/amazon/simulator/reports';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

describe('GET_MERCHANT_LISTINGS_ALL_DATA', () => {
  it('builds a tab-separated listings report after processing time', async () => {
    const created = await h.call('POST', '/reports/2021-06-30/reports', {
      body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: ['A2Q3Y263D00KWC'] },
    });
    expect(created.status).toBe(202);
    const { reportId } = created.body as { reportId: string };
    expect((await h.call('GET', `/reports/2021-06-30/reports/${reportId}`)).body).toMatchObject({ processingStatus: 'IN_PROGRESS' });

    h.sim.control.advance(45_000);
    const done = (await h.call('GET', `/reports/2021-06-30/reports/${reportId}`)).body as { processingStatus: string; reportDocumentId: string };
    expect(done.processingStatus).toBe('DONE');
    const doc = (await h.call('GET', `/reports/2021-06-30/documents/${encodeURIComponent(done.reportDocumentId)}`)).body as { url: string };
    const text = await (await fetch(doc.url)).text();
    const [header, ...rows] = text
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(header).toEqual([...LISTINGS_REPORT_COLUMNS]);
    const sku = header?.indexOf('seller-sku') ?? -1;
    const price = header?.indexOf('price') ?? -1;
    const asin = header?.indexOf('asin1') ?? -1;
    const bySku = new Map(rows.map((r) => [r[sku], r]));
    expect([...bySku.keys()].sort()).toEqual(['BRC-001', 'CAM-001-PRE-M', 'COL-001']);
    expect(bySku.get('BRC-001')?.[price]).toBe('89.90');
    expect(bySku.get('BRC-001')?.[asin]).toBe('B0DM00000Y');
  });

  it('refuses other report types with the reports "400" code', async () => {
    const res = await h.call('POST', '/reports/2021-06-30/reports', {
      body: { reportType: 'GET_FLAT_FILE_OPEN_LISTINGS_DATA', marketplaceIds: ['A2Q3Y263D00KWC'] },
    });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string }[] }).errors[0]?.code).toBe('400');
  });
});
