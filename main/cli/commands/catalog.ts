import { mappingWithOverrides, runProductExport, runProductImport, runTemplate } from '../../catalog/service';
import type { CliCommand, CliContext } from '../context';

/** The positional FILE and the flags; `--db FILE` belongs to the context and is skipped here. */
function parseArgs(args: readonly string[]): { file?: string; flags: Set<string>; values: Map<string, string>; maps: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const maps = new Map<string, string>();
  let file: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--map') {
      // "Cor=characteristic:Cor": the header is everything before the first '='.
      const spec = args[i + 1] ?? '';
      const eq = spec.indexOf('=');
      if (eq > 0) maps.set(spec.slice(0, eq), spec.slice(eq + 1));
      i += 1;
    } else if (arg === '--db' || arg === '--rejected') {
      values.set(arg, args[i + 1] ?? '');
      i += 1;
    } else if (arg.startsWith('--')) flags.add(arg.split('=')[0] ?? arg);
    else file ??= arg;
  }
  return file === undefined ? { flags, values, maps } : { file, flags, values, maps };
}

async function withServices<T>(ctx: CliContext, fn: (services: ReturnType<CliContext['openServices']>) => Promise<T>): Promise<T> {
  const services = ctx.openServices();
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

export const importProductsCommand: CliCommand = {
  name: 'import-products',
  async run(args, ctx) {
    const { file, flags, values, maps } = parseArgs(args);
    if (!file) {
      ctx.io.err(ctx.translator.t('catalog.cli.importUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const dryRun = flags.has('--dry-run');
      const mapping = maps.size ? await mappingWithOverrides(file, maps) : undefined;
      const report = await runProductImport(services, { file, dryRun, mapping, rejectedFile: values.get('--rejected') });
      const { t } = services.translator;
      if (flags.has('--json')) {
        const { imported, updated, rejected, errors, unchanged } = report;
        ctx.io.out(JSON.stringify({ imported, updated, rejected, errors, unchanged }));
      } else {
        for (const e of report.errors) ctx.io.err(e.message);
        const { imported, updated, unchanged, rejected } = report;
        ctx.io.out(t(dryRun ? 'catalog.cli.preview' : 'catalog.cli.imported', { imported, updated, unchanged, rejected }));
        if (report.rejectedFile) ctx.io.out(t('catalog.cli.rejectedWritten', { file: report.rejectedFile }));
      }
      return 0;
    });
  },
};

export const exportProductsCommand: CliCommand = {
  name: 'export-products',
  async run(args, ctx) {
    const { file } = parseArgs(args);
    if (!file) {
      ctx.io.err(ctx.translator.t('catalog.cli.exportUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const { rows } = await runProductExport(services, { file });
      ctx.io.out(services.translator.t('catalog.cli.exported', { rows, file }));
      return 0;
    });
  },
};

export const productsTemplateCommand: CliCommand = {
  name: 'products-template',
  async run(args, ctx) {
    const { file } = parseArgs(args);
    if (!file) {
      ctx.io.err(ctx.translator.t('catalog.cli.templateUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      await runTemplate(services, { file });
      ctx.io.out(services.translator.t('catalog.cli.template', { file }));
      return 0;
    });
  },
};

export const catalogCommands: readonly CliCommand[] = [importProductsCommand, exportProductsCommand, productsTemplateCommand];
