import type { TFunction } from 'i18next';
import type { EanCheck, EanFinding, EanMatchSummary, EanProblem, EanReportView, EanSeverity } from '../../preload/contract/ean';
import type { CatalogMatchSummary } from './catalog-match';
import type { GtinCheck } from './gtin';
import {
  CATALOG_PROBLEM_CODES,
  CATALOG_PROBLEM_SEVERITY,
  pageFindings,
  type CatalogProblemCode,
  type EanReport,
  type FindingsPageQuery,
  type SkuEanFinding,
} from './report';

/**
 * Domain results → what the EAN panel shows, localized in main so the problem texts live in one
 * place (locales/<lang>/ean.json) for the app, the CLI and the logs alike.
 */
function describe(t: TFunction, code: CatalogProblemCode, params: Record<string, unknown> = {}): EanProblem {
  return { code, severity: CATALOG_PROBLEM_SEVERITY[code], label: t(`ean.labels.${code}`), message: t(`ean.problems.${code}`, params) };
}

export function presentCheck(check: GtinCheck, t: TFunction): EanCheck {
  return { ...check, problems: check.problems.map((p) => describe(t, p.code)) };
}

function presentFinding(f: SkuEanFinding, t: TFunction): EanFinding {
  const skus = f.sameCodeAs.join(', ');
  return {
    sku: f.sku,
    ean: f.ean,
    gtin14: f.gtin14,
    severity: f.severity,
    sameCodeAs: [...f.sameCodeAs],
    problems: f.problems.map((code) => describe(t, code, { skus })),
  };
}

const SEVERITY_ORDER: Readonly<Record<EanSeverity, number>> = { error: 0, warning: 1, info: 2 };

export function presentReport(report: EanReport, query: FindingsPageQuery, t: TFunction): EanReportView {
  const counts = CATALOG_PROBLEM_CODES.filter((code) => report.counts[code] > 0)
    .map((code) => ({ ...describe(t, code), count: report.counts[code] }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count)
    .map(({ code, severity, label, count }) => ({ code, severity, label, count }));
  const page = pageFindings(report.findings, query);
  return {
    total: report.total,
    valid: report.valid,
    exempt: report.exempt,
    duplicateCodes: report.duplicates.length,
    counts,
    page: { total: page.total, items: page.items.map((f) => presentFinding(f, t)) },
  };
}

export function presentMatch(taskId: string, summary: CatalogMatchSummary, t: TFunction): EanMatchSummary {
  return {
    taskId,
    looked: summary.looked,
    matched: summary.matched,
    attached: summary.attached,
    none: summary.none,
    ambiguous: summary.ambiguous.map((a) => ({ sku: a.sku, asins: [...a.asins] })),
    invalid: summary.invalid,
    duplicates: summary.duplicates,
    failed: summary.failed,
    errors: summary.errors.map((e) => ({
      code: e.code,
      message: t(`errors.${e.code}`, e.params as Record<string, unknown>),
      ...(e.details ? { details: { ...e.details } } : {}),
    })),
  };
}

/** Narrows a filter code from IPC (validated only as `[A-Z0-9_]+`) to a known one. */
export function isCatalogProblemCode(code: string): code is CatalogProblemCode {
  return (CATALOG_PROBLEM_CODES as readonly string[]).includes(code);
}
