import { CatalogEanCheck } from '../../ean/catalog-check';
import { presentReport } from '../../ean/present';
import type { CliCommand } from '../context';

const DEFAULT_LIMIT = 50;

/**
 * `ean-report [--db FILE] [--json] [--limit N]`: the EAN panel, headless. Prints the counts per
 * problem and the first N SKUs to fix (all of them with --json). Exit code 1 when any SKU has an
 * error Amazon would reject, so a script can gate a send on it.
 */
export const eanReport: CliCommand = {
  name: 'ean-report',
  summaryKey: 'ean.cli.reportUsage',
  async run(args, ctx) {
    const { t } = ctx.translator;
    let json = false;
    let limit = DEFAULT_LIMIT;
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i] ?? '';
      if (arg === '--json') json = true;
      else if (arg === '--db') i += 1;
      else if (arg === '--limit' && /^\d+$/.test(args[i + 1] ?? '')) limit = Number(args[(i += 1)]);
      else if (!arg.startsWith('--db=')) {
        ctx.io.err(t('ean.cli.unknownOption', { option: arg }));
        ctx.io.err(t('ean.cli.reportUsage'));
        return 2;
      }
    }
    const services = ctx.openServices();
    try {
      const report = new CatalogEanCheck(services.db).report();
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      if (json) {
        ctx.io.out(JSON.stringify(report, null, 2));
        return errors ? 1 : 0;
      }
      const view = presentReport(report, { offset: 0, limit }, services.translator.t);
      const lines = [t('ean.cli.reportSummary', { total: view.total, valid: view.valid, exempt: view.exempt })];
      for (const c of view.counts) lines.push(`  ${String(c.count).padStart(7)}  ${c.label}`);
      if (view.page.items.length) lines.push('');
      for (const f of view.page.items) {
        lines.push(`${f.sku}  ${f.ean ?? t('ean.cli.none')}  ${f.problems.map((p) => p.label).join(', ')}`);
      }
      if (view.page.total > view.page.items.length) lines.push(t('ean.cli.more', { count: view.page.total - view.page.items.length }));
      ctx.io.out(lines.join('\n'));
      return errors ? 1 : 0;
    } finally {
      await services.close();
    }
  },
};
