import { accountsServiceFor } from '../../accounts/service';
import { listAccounts } from '../../db/tables/accounts';
import type { OrderFilter } from '../../db/tables/orders';
import { OrdersService } from '../../orders/service';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/status';
import { DB_OPTION, JSON_OPTION, withArgs, type CliSpec } from '../args';
import { withServices, type CliCommand } from '../context';
import { parseCliDate } from '../dates';

const importSpec: CliSpec = { name: 'import-orders', options: [{ name: '--account', value: 'ID' }, JSON_OPTION, DB_OPTION] };
const exportSpec: CliSpec = {
  name: 'export-orders',
  positional: { placeholder: 'FILE' },
  options: [{ name: '--status', value: 'STATUS' }, { name: '--from', value: 'DATE' }, { name: '--to', value: 'DATE' }, DB_OPTION],
};

/** `import-orders [--account ID] [--json]`: on a fresh database the demo account is created first, as the app does. */
export const importOrdersCommand: CliCommand = {
  ...importSpec,
  run: withArgs(importSpec, async (args, ctx) => {
    if (args.positionals.length > 0) {
      ctx.io.err(ctx.translator.t('orders.cli.importUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      if (listAccounts(services.db).length === 0) await accountsServiceFor(services).ensureDemoAccount();
      const accountId = args.value('--account');
      const summary = await new OrdersService(services).import(accountId ? { accountId } : {});
      const { new: created, updated, errors, apiCalls } = summary;
      ctx.io.out(
        args.has('--json')
          ? JSON.stringify({ new: created, updated, errors, apiCalls })
          : services.translator.t('orders.cli.imported', { new: created, updated, errors, apiCalls }),
      );
      return 0;
    });
  }),
};

function parseStatuses(raw: string | undefined): OrderStatus[] | string {
  if (raw === undefined) return [];
  const out: OrderStatus[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = ORDER_STATUSES.find((s) => s.toLowerCase() === part.toLowerCase());
    if (!match) return part;
    out.push(match);
  }
  return out;
}

/** `export-orders FILE [--status S[,S]] [--from DATE] [--to DATE]`: .csv writes CSV, anything else xlsx. */
export const exportOrdersCommand: CliCommand = {
  ...exportSpec,
  run: withArgs(exportSpec, async (args, ctx) => {
    const { t, locale } = ctx.translator;
    const [file, extra] = args.positionals;
    if (!file || extra !== undefined) {
      ctx.io.err(t('orders.cli.exportUsage'));
      return 2;
    }
    const statuses = parseStatuses(args.value('--status'));
    if (typeof statuses === 'string') {
      ctx.io.err(t('orders.cli.badStatus', { status: statuses, statuses: ORDER_STATUSES.join(', ') }));
      return 2;
    }
    const bounds: { createdFrom?: string; createdTo?: string } = {};
    for (const [option, key, bound] of [
      ['--from', 'createdFrom', 'start'],
      ['--to', 'createdTo', 'end'],
    ] as const) {
      const raw = args.value(option);
      if (raw === undefined) continue;
      const parsed = parseCliDate(raw, locale, bound);
      if (!parsed.ok) {
        ctx.io.err(t(`orders.cli.date.${parsed.problem}`, { option, value: raw, formats: t('orders.cli.dateFormats') }));
        return 2;
      }
      bounds[key] = parsed.iso;
    }
    if (bounds.createdFrom && bounds.createdTo && bounds.createdFrom >= bounds.createdTo) {
      ctx.io.err(t('orders.cli.date.order', { from: args.value('--from'), to: args.value('--to') }));
      return 2;
    }
    const filter: OrderFilter = { statuses, ...bounds };
    return withServices(ctx, async (services) => {
      const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const result = await new OrdersService(services).export({ file, format, filter });
      ctx.io.out(services.translator.t('orders.cli.exported', { orders: result.orders, items: result.items, file: result.file }));
      return 0;
    });
  }),
};

export const ordersCommands: readonly CliCommand[] = [importOrdersCommand, exportOrdersCommand];
