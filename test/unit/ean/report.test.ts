import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildEanReport, EanReportBuilder, pageFindings, type CatalogEanRow } from '../../../main/ean/report';
import { withCheckDigit } from '../../../main/ean/gtin';

const row = (sku: string, ean: CatalogEanRow['ean'], exempt = false): CatalogEanRow => ({ sku, ean, exempt });

describe('buildEanReport', () => {
  it('counts each problem once per SKU and tells valid codes apart', () => {
    const rows = [
      row('A', '4006381333931'),
      row('B', '4006381333932'),
      row('C', '7.89123E+12'),
      row('D', withCheckDigit('200123456789')),
      row('E', 36000291452),
      row('F', '9780306406157'),
    ];

    const report = buildEanReport(rows);

    expect(report.total).toBe(6);
    expect(report.valid).toBe(3);
    expect(report.counts).toMatchObject({
      CHECK_DIGIT: 1,
      SCIENTIFIC_NOTATION: 1,
      RESTRICTED_CIRCULATION: 1,
      LEADING_ZEROS_RECOVERED: 1,
      ISBN: 1,
      DUPLICATE: 0,
      MISSING: 0,
    });
    expect(report.findings.map((f) => [f.sku, f.severity])).toEqual([
      ['B', 'error'],
      ['C', 'error'],
      ['D', 'error'],
      ['E', 'warning'],
    ]);
  });

  it('reports missing codes unless the product is GTIN-exempt', () => {
    const rows = [row('A', null), row('B', '  '), row('C', undefined, true), row('D', '', true)];

    const report = buildEanReport(rows);

    expect(report.counts.MISSING).toBe(2);
    expect(report.exempt).toBe(2);
    expect(report.findings.map((f) => f.sku)).toEqual(['A', 'B']);
    expect(report.findings[0]).toMatchObject({ ean: null, gtin14: null, problems: ['MISSING'], severity: 'error' });
  });

  it('still checks a code given for an exempt product', () => {
    const report = buildEanReport([row('A', '4006381333932', true)]);

    expect(report.counts.CHECK_DIGIT).toBe(1);
  });

  it('finds the same product code on different SKUs, however it was written', () => {
    const rows = [row('BLUE-P', '036000291452'), row('BLUE-M', '0036000291452'), row('BLUE-G', 36000291452), row('RED-P', '4006381333931')];

    const report = buildEanReport(rows);

    expect(report.duplicates).toEqual([{ gtin14: '00036000291452', skus: ['BLUE-P', 'BLUE-M', 'BLUE-G'] }]);
    expect(report.counts.DUPLICATE).toBe(3);
    expect(report.valid).toBe(1);
    expect(report.findings.find((f) => f.sku === 'BLUE-M')).toMatchObject({
      problems: ['DUPLICATE'],
      sameCodeAs: ['BLUE-P', 'BLUE-G'],
    });
  });

  it('does not call a repeated line of the same SKU a duplicate', () => {
    const report = buildEanReport([row('A', '4006381333931'), row('A', '4006381333931')]);

    expect(report).toMatchObject({ total: 1, valid: 1, duplicates: [] });
  });

  it('does not treat placeholder zeros as one big duplicate', () => {
    const report = buildEanReport([row('A', '0000000000000'), row('B', '0000000000000')]);

    expect(report.duplicates).toEqual([]);
    expect(report.counts.ALL_ZEROS).toBe(2);
  });

  it('gives the same report fed row by row as from a list', () => {
    const arbRow = fc.record({
      sku: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
      ean: fc.oneof(fc.constantFrom(null, '', '4006381333931', '036000291452', 36000291452, 'x'), fc.string()),
      exempt: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 20 }), (rows) => {
        const builder = new EanReportBuilder();
        rows.forEach((r) => builder.add(r));
        const report = builder.finish();
        const duplicated = report.duplicates.reduce((n, d) => n + d.skus.length, 0);
        return (
          JSON.stringify(report) === JSON.stringify(buildEanReport(rows)) &&
          report.counts.DUPLICATE === duplicated &&
          report.total === new Set(rows.map((r) => r.sku)).size
        );
      }),
    );
  });
});

describe('pageFindings', () => {
  const report = buildEanReport([row('A', null), row('B', '4006381333932'), row('C', null), row('D', 36000291452), row('E', null)]);

  it('pages and filters by problem, with the filtered total', () => {
    const page = pageFindings(report.findings, { offset: 1, limit: 1, code: 'MISSING' });

    expect(page.total).toBe(3);
    expect(page.items.map((f) => f.sku)).toEqual(['C']);
  });

  it('filters by severity', () => {
    const page = pageFindings(report.findings, { offset: 0, limit: 10, severity: 'warning' });

    expect(page.items.map((f) => f.sku)).toEqual(['D']);
  });
});
