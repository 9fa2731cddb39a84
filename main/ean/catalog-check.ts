import type { Db } from '../db/connection';
import { timed } from '../db/connection';
import { iterateSkuGtins, skuGtinsFingerprint } from '../db/tables/sku-gtins';
import { buildEanReport, type EanReport } from './report';

/**
 * The EAN report over the stored catalog. Building it checks every SKU (≈100 ms for 100k SKUs,
 * on the main process), so the last report is kept and reused while the catalog is unchanged —
 * the EAN panel pages through findings without re-checking everything per page.
 */
export class CatalogEanCheck {
  private cached: { readonly fingerprint: string; readonly report: EanReport } | undefined;

  constructor(private readonly db: Db) {}

  report(): EanReport {
    const fingerprint = skuGtinsFingerprint(this.db);
    if (this.cached?.fingerprint !== fingerprint) {
      const report = timed('ean report', () =>
        buildEanReport(
          (function* rows(db: Db) {
            for (const r of iterateSkuGtins(db)) yield { sku: r.sku, ean: r.gtin, exempt: r.exempt };
          })(this.db),
        ),
      );
      this.cached = { fingerprint, report };
    }
    return this.cached.report;
  }
}
