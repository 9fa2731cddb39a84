import type { TFunction } from 'i18next';
import type { Db } from '../db/connection';
import { skuGtinFacts } from '../db/tables/import-gtin-facts';
import type { CatalogProblemCode } from '../ean/report';
import { gtinVerdict } from '../listings/gtin-verdict';

/** The causes an import names, in the order a seller fixes them. */
export const EAN_CAUSES = ['missing', 'checkDigit', 'inStore', 'duplicate', 'other'] as const;
export type EanCause = (typeof EAN_CAUSES)[number];

/** SKUs of the file that the GTIN verdict keeps from Amazon, each counted once under its first cause. */
export interface ImportEanSummary {
  readonly total: number;
  readonly byCause: Readonly<Record<EanCause, number>>;
}

/** The verdict's codes as the one cause the import names (a code with several problems goes under the first). */
export function eanCause(codes: readonly CatalogProblemCode[]): EanCause | null {
  if (codes.length === 0) return null;
  if (codes.includes('MISSING')) return 'missing';
  if (codes.includes('CHECK_DIGIT')) return 'checkDigit';
  if (codes.includes('RESTRICTED_CIRCULATION')) return 'inStore';
  if (codes.includes('DUPLICATE') && codes.length === 1) return 'duplicate';
  return 'other';
}

/**
 * What the send would say about the codes of the SKUs just imported (`skus`), read inside the
 * import's transaction so a preview answers the same as its commit: the same verdict Produtos
 * and the send engine use, so a row counted here is a row that will not go to Amazon.
 */
export function importEanSummary(db: Db, skus: ReadonlySet<string>): ImportEanSummary {
  const byCause: Record<EanCause, number> = { missing: 0, checkDigit: 0, inStore: 0, duplicate: 0, other: 0 };
  let total = 0;
  if (skus.size === 0) return { total, byCause };
  for (const row of skuGtinFacts(db)) {
    if (!skus.has(row.sku)) continue;
    const cause = eanCause(gtinVerdict({ gtin: row.gtin, exempt: row.exempt, shared: row.shared, hasAsin: row.offerOnly }));
    if (cause === null) continue;
    byCause[cause] += 1;
    total += 1;
  }
  return { total, byCause };
}

const CAUSE_KEY: Readonly<Record<EanCause, string>> = {
  missing: 'catalog.cli.eanCauseMissing',
  checkDigit: 'catalog.cli.eanCauseCheckDigit',
  inStore: 'catalog.cli.eanCauseInStore',
  duplicate: 'catalog.cli.eanCauseDuplicate',
  other: 'catalog.cli.eanCauseOther',
};

/** The warning as lines of text (the CLI's): the total, each cause with a count, where to fix them. Empty when every code may go. */
export function eanSummaryLines(t: TFunction, summary: ImportEanSummary, committed: boolean): string[] {
  if (summary.total === 0) return [];
  const lines = [t(committed ? 'catalog.cli.eanWarning' : 'catalog.cli.eanWarningPreview', { count: summary.total })];
  for (const cause of EAN_CAUSES) {
    const count = summary.byCause[cause];
    if (count > 0) lines.push(`  - ${t(CAUSE_KEY[cause], { count })}`);
  }
  lines.push(t('catalog.cli.eanFix'));
  return lines;
}
