import { mappingWithOverrides, runProductExport, runProductImport, runTemplate } from '../../catalog/service';
import { eanSummaryLines } from '../../catalog/import-ean-summary';
import { DB_OPTION, JSON_OPTION, withArgs, type CliSpec } from '../args';
import { withServices, type CliCommand } from '../context';
import type { Services } from '../../services';

const importSpec: CliSpec = {
  name: 'import-products',
  positional: { placeholder: 'FILE' },
  options: [{ name: '--dry-run' }, JSON_OPTION, { name: '--rejected', value: 'FILE' }, { name: '--map', value: 'MAPPING', repeatable: true }, DB_OPTION],
};
const exportSpec: CliSpec = { name: 'export-products', positional: { placeholder: 'FILE' }, options: [DB_OPTION] };
const templateSpec: CliSpec = { name: 'products-template', positional: { placeholder: 'FILE' }, options: [DB_OPTION] };

/** `--map "Cor=characteristic:Cor"`: the header is everything before the first '='; undefined when one has none. */
function mapOverrides(specs: readonly string[]): Map<string, string> | undefined {
  const maps = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) return undefined;
    maps.set(spec.slice(0, eq), spec.slice(eq + 1));
  }
  return maps;
}

export const importProductsCommand: CliCommand = {
  ...importSpec,
  run: withArgs(importSpec, async (args, ctx) => {
    const [file] = args.positionals;
    const maps = mapOverrides(args.values('--map'));
    if (!file || !maps) {
      ctx.io.err(ctx.translator.t('catalog.cli.importUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const dryRun = args.has('--dry-run');
      const mapping = maps.size ? await mappingWithOverrides(file, maps) : undefined;
      const report = await runProductImport(services, { file, dryRun, mapping, rejectedFile: args.value('--rejected') });
      const { t } = services.translator;
      if (args.has('--json')) {
        const { imported, updated, rejected, errors, unchanged, ean } = report;
        ctx.io.out(JSON.stringify({ imported, updated, rejected, errors, unchanged, eanProblems: ean }));
      } else {
        for (const e of report.errors) ctx.io.err(e.message);
        const { imported, updated, unchanged, rejected } = report;
        ctx.io.out(t(dryRun ? 'catalog.cli.preview' : 'catalog.cli.imported', { imported, updated, unchanged, rejected }));
        if (report.rejectedFile) ctx.io.out(t('catalog.cli.rejectedWritten', { file: report.rejectedFile }));
        for (const line of eanSummaryLines(t, report.ean, !dryRun)) ctx.io.out(line);
      }
      return 0;
    });
  }),
};

/** A command that writes one FILE: without it, its usage line and exit code 2; with it, what `write` says it wrote. */
function fileWritingCommand(spec: CliSpec, usageKey: string, write: (services: Services, file: string) => Promise<string>): CliCommand {
  return {
    ...spec,
    run: withArgs(spec, async (args, ctx) => {
      const [file] = args.positionals;
      if (!file) {
        ctx.io.err(ctx.translator.t(usageKey));
        return 2;
      }
      return withServices(ctx, async (services) => {
        ctx.io.out(await write(services, file));
        return 0;
      });
    }),
  };
}

export const exportProductsCommand = fileWritingCommand(exportSpec, 'catalog.cli.exportUsage', async (services, file) => {
  const { rows } = await runProductExport(services, { file });
  return services.translator.t('catalog.cli.exported', { rows, file });
});

export const productsTemplateCommand = fileWritingCommand(templateSpec, 'catalog.cli.templateUsage', async (services, file) => {
  await runTemplate(services, { file });
  return services.translator.t('catalog.cli.template', { file });
});

export const catalogCommands: readonly CliCommand[] = [importProductsCommand, exportProductsCommand, productsTemplateCommand];
