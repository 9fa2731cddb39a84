import { checkGtin } from './gtin';
import { PROBLEM_SEVERITY, type Severity } from './problems';

/**
 * Catalog-wide EAN checks: every SKU's code on its own (gtin.ts) plus what only the whole catalog
 * shows — the same product code on two SKUs, and SKUs with no code that are not GTIN-exempt.
 * Rows are consumed one at a time, so a caller can feed it straight from a database cursor.
 */
export interface CatalogEanRow {
  readonly sku: string;
  /** As stored or imported; a number when it came from a numeric spreadsheet cell. */
  readonly ean: string | number | null | undefined;
  /** The product's GTIN exemption (Amazon grants it per brand and category). */
  readonly exempt: boolean;
}

export const CATALOG_PROBLEM_SEVERITY = {
  ...PROBLEM_SEVERITY,
  /** No code and no GTIN exemption: Amazon requires one or the other. */
  MISSING: 'error',
  /** Another SKU has the same product code: Amazon would put both on one product page. */
  DUPLICATE: 'error',
} as const satisfies Record<string, Severity>;

export type CatalogProblemCode = keyof typeof CATALOG_PROBLEM_SEVERITY;
export const CATALOG_PROBLEM_CODES = Object.keys(CATALOG_PROBLEM_SEVERITY) as CatalogProblemCode[];

export interface SkuEanFinding {
  readonly sku: string;
  /** The code as given, `null` when there was none. */
  readonly ean: string | null;
  readonly gtin14: string | null;
  readonly problems: readonly CatalogProblemCode[];
  /** The worst severity among the problems. */
  readonly severity: Severity;
  /** For DUPLICATE: the other SKUs with the same GTIN-14. */
  readonly sameCodeAs: readonly string[];
}

export interface EanReport {
  readonly total: number;
  /** SKUs whose code Amazon should accept (exempt SKUs without a code count as fine, not valid). */
  readonly valid: number;
  readonly exempt: number;
  /** Number of SKUs showing each problem (codes never seen are 0, so the UI can list them all). */
  readonly counts: Readonly<Record<CatalogProblemCode, number>>;
  readonly duplicates: readonly { readonly gtin14: string; readonly skus: readonly string[] }[];
  /** SKUs with at least one error or warning, in input order. Info-only SKUs are left out. */
  readonly findings: readonly SkuEanFinding[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

function worst(problems: readonly CatalogProblemCode[]): Severity {
  return problems.reduce<Severity>((acc, code) => {
    const s = CATALOG_PROBLEM_SEVERITY[code];
    return SEVERITY_RANK[s] > SEVERITY_RANK[acc] ? s : acc;
  }, 'info');
}

function isBlank(ean: CatalogEanRow['ean']): boolean {
  return ean === null || ean === undefined || (typeof ean === 'string' && ean.trim() === '');
}

interface Pending {
  readonly sku: string;
  readonly ean: string | null;
  readonly gtin14: string | null;
  readonly problems: readonly CatalogProblemCode[];
  readonly valid: boolean;
}

/** Accumulates rows; `finish()` resolves duplicates, which are only known once every row is seen. */
export class EanReportBuilder {
  private readonly rows: Pending[] = [];
  private readonly skusByGtin = new Map<string, string[]>();
  private readonly seenSkus = new Set<string>();
  private exemptCount = 0;

  add(row: CatalogEanRow): void {
    // The same SKU twice (a repeated spreadsheet line) is not a duplicate product code.
    if (this.seenSkus.has(row.sku)) return;
    this.seenSkus.add(row.sku);
    if (row.exempt) this.exemptCount += 1;
    if (isBlank(row.ean)) {
      this.rows.push({ sku: row.sku, ean: null, gtin14: null, problems: row.exempt ? [] : ['MISSING'], valid: false });
      return;
    }
    const check = checkGtin(row.ean as string | number);
    if (check.gtin14 !== null) {
      const skus = this.skusByGtin.get(check.gtin14);
      if (skus) skus.push(row.sku);
      else this.skusByGtin.set(check.gtin14, [row.sku]);
    }
    this.rows.push({
      sku: row.sku,
      ean: check.input,
      gtin14: check.gtin14,
      problems: check.problems.map((p) => p.code),
      valid: check.valid,
    });
  }

  finish(): EanReport {
    const counts = Object.fromEntries(CATALOG_PROBLEM_CODES.map((c) => [c, 0])) as Record<CatalogProblemCode, number>;
    const duplicates = [...this.skusByGtin].filter(([, skus]) => skus.length > 1).map(([gtin14, skus]) => ({ gtin14, skus }));
    const findings: SkuEanFinding[] = [];
    let valid = 0;
    for (const row of this.rows) {
      const shared = row.gtin14 === null ? [] : (this.skusByGtin.get(row.gtin14) ?? []);
      const sameCodeAs = shared.length > 1 ? shared.filter((s) => s !== row.sku) : [];
      const problems: CatalogProblemCode[] = [...row.problems, ...(sameCodeAs.length ? (['DUPLICATE'] as const) : [])];
      for (const code of problems) counts[code] += 1;
      if (row.valid && sameCodeAs.length === 0) valid += 1;
      const severity = worst(problems);
      if (severity !== 'info') findings.push({ sku: row.sku, ean: row.ean, gtin14: row.gtin14, problems, severity, sameCodeAs });
    }
    return { total: this.rows.length, valid, exempt: this.exemptCount, counts, duplicates, findings };
  }
}

export function buildEanReport(rows: Iterable<CatalogEanRow>): EanReport {
  const builder = new EanReportBuilder();
  for (const row of rows) builder.add(row);
  return builder.finish();
}

export interface FindingsPageQuery {
  readonly offset: number;
  readonly limit: number;
  /** Only SKUs showing this problem. */
  readonly code?: CatalogProblemCode | undefined;
  /** Only SKUs whose worst problem has this severity. */
  readonly severity?: Severity | undefined;
}

/** One page of findings for the EAN panel's list, with the filtered total for its scrollbar. */
export function pageFindings(findings: readonly SkuEanFinding[], q: FindingsPageQuery): { readonly total: number; readonly items: readonly SkuEanFinding[] } {
  const matching = findings.filter((f) => (q.code === undefined || f.problems.includes(q.code)) && (q.severity === undefined || f.severity === q.severity));
  return { total: matching.length, items: matching.slice(q.offset, q.offset + q.limit) };
}
