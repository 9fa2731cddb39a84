import { AccountsService } from '../../accounts/service';
import { listAccounts } from '../../db/tables/accounts';
import type { OrderFilter } from '../../db/tables/orders';
import { OrdersService } from '../../orders/service';
import { ORDER_STATUSES, type OrderStatus } from '../../orders/status';
import type { Services } from '../../services';
import type { CliCommand, CliContext } from '../context';

/** `--name value` pairs and bare flags; the first other word is the positional FILE. */
function parseArgs(args: readonly string[], valued: readonly string[]): { file?: string; flags: Set<string>; values: Map<string, string> } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let file: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (valued.includes(arg)) {
      values.set(arg, args[i + 1] ?? '');
      i += 1;
    } else if (arg.startsWith('--')) flags.add(arg);
    else file ??= arg;
  }
  return file === undefined ? { flags, values } : { file, flags, values };
}

async function withServices<T>(ctx: CliContext, fn: (services: Services) => Promise<T>): Promise<T> {
  const services = ctx.openServices();
  try {
    return await fn(services);
  } finally {
    await services.close();
  }
}

/** `import-orders [--account ID] [--json]`: on a fresh database the demo account is created first, as the app does. */
export const importOrdersCommand: CliCommand = {
  name: 'import-orders',
  summaryKey: 'orders.cli.importUsage',
  async run(args, ctx) {
    const { flags, values } = parseArgs(args, ['--db', '--account']);
    const unknown = [...flags].find((f) => f !== '--json');
    if (unknown) {
      ctx.io.err(ctx.translator.t('orders.cli.importUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      if (listAccounts(services.db).length === 0) await new AccountsService(services, services.amazon).ensureDemoAccount();
      const accountId = values.get('--account');
      const summary = await new OrdersService(services).import(accountId ? { accountId } : {});
      const { new: created, updated, errors, apiCalls } = summary;
      ctx.io.out(flags.has('--json') ? JSON.stringify({ new: created, updated, errors, apiCalls }) : services.translator.t('orders.cli.imported', { new: created, updated, errors, apiCalls }));
      return 0;
    });
  },
};

function parseStatuses(raw: string | undefined): OrderStatus[] | string {
  if (raw === undefined) return [];
  const out: OrderStatus[] = [];
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = ORDER_STATUSES.find((s) => s.toLowerCase() === part.toLowerCase());
    if (!match) return part;
    out.push(match);
  }
  return out;
}

/** A date (YYYY-MM-DD, local midnight) or a full ISO date-time, as an ISO instant. */
function parseDate(raw: string | undefined): string | undefined | null {
  if (raw === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00`).getTime() : Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** `export-orders FILE [--status S[,S]] [--from DATE] [--to DATE]`: .csv writes CSV, anything else xlsx. */
export const exportOrdersCommand: CliCommand = {
  name: 'export-orders',
  summaryKey: 'orders.cli.exportUsage',
  async run(args, ctx) {
    const { t } = ctx.translator;
    const { file, values, flags } = parseArgs(args, ['--db', '--status', '--from', '--to']);
    const statuses = parseStatuses(values.get('--status'));
    const from = parseDate(values.get('--from'));
    const to = parseDate(values.get('--to'));
    if (!file || flags.size > 0 || from === null || to === null) {
      ctx.io.err(t('orders.cli.exportUsage'));
      return 2;
    }
    if (typeof statuses === 'string') {
      ctx.io.err(t('orders.cli.badStatus', { status: statuses, statuses: ORDER_STATUSES.join(', ') }));
      return 2;
    }
    const filter: OrderFilter = { statuses, ...(from ? { createdFrom: from } : {}), ...(to ? { createdTo: to } : {}) };
    return withServices(ctx, async (services) => {
      const format = file.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const result = await new OrdersService(services).export({ file, format, filter });
      ctx.io.out(services.translator.t('orders.cli.exported', { orders: result.orders, items: result.items, file: result.file }));
      return 0;
    });
  },
};

export const ordersCommands: readonly CliCommand[] = [importOrdersCommand, exportOrdersCommand];
