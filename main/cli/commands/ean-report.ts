import { CatalogEanCheck } from '../../ean/catalog-check';
import { presentReport } from '../../ean/present';
import { DB_OPTION, JSON_OPTION, synopsis, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';

const DEFAULT_LIMIT = 50;

/**
 * `ean-report [--db FILE] [--json] [--limit N]`: the EAN panel, headless. Prints the counts per
 * problem and the first N SKUs to fix (all of them with --json). Exit code 1 when any SKU has an
 * error Amazon would reject, so a script can gate a send on it.
 */
const spec: CliSpec = { name: 'ean-report', options: [JSON_OPTION, { name: '--limit', value: 'N' }, DB_OPTION] };

export const eanReport: CliCommand = {
  ...spec,
  run: withArgs(spec, async (args, ctx) => {
    const { t } = ctx.translator;
    const json = args.has('--json');
    const rawLimit = args.value('--limit');
    const extra = args.positionals[0];
    if ((rawLimit !== undefined && !/^\d+$/.test(rawLimit)) || extra !== undefined) {
      ctx.io.err(t('ean.cli.unknownOption', { option: extra ?? `--limit ${rawLimit ?? ''}` }));
      ctx.io.err(`${t('cli.usagePrefix')} ${synopsis(spec, t)}`);
      return 2;
    }
    const limit = rawLimit === undefined ? DEFAULT_LIMIT : Number(rawLimit);
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
  }),
};
