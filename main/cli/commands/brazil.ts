import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { packageSizeSchema } from '../../../preload/contract/brazil';
import { accountsServiceFor } from '../../accounts/service';
import type { PackageSize, TimeSlot } from '../../amazon/api/easy-ship';
import { nfeProblemMessage } from '../../brazil/nfe/messages';
import { brazilServiceFor } from '../../brazil/service';
import { listAccounts } from '../../db/tables/accounts';
import { listFbaStock } from '../../db/tables/fba-inventory';
import { nfesOfOrder, orderForNfeByAmazonId, type OrderForNfeRow } from '../../db/tables/nfe-documents';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { DB_OPTION, JSON_OPTION, withArgs, type CliArgs, type CliOption, type CliSpec } from '../args';
import { withServices, type CliCommand, type CliContext } from '../context';

/** One verb of a command (`nfe import`): the options it takes of the command's, and what it does. */
interface Verb {
  readonly options: readonly `--${string}`[];
  run(args: CliArgs, positionals: readonly string[], ctx: CliContext): Promise<number>;
}

/**
 * A command with verbs (`nfe import|send`): the command declares every option once (the parser and
 * the help read it), each verb says which of them it takes, and an option another verb takes is
 * refused naming the verb, as an unknown option is.
 */
function verbCommand(spec: CliSpec & { readonly subcommands: readonly string[] }, verbs: ReadonlyMap<string, Verb>): CliCommand {
  const run = withArgs(spec, async (args, ctx) => {
    const { t } = ctx.translator;
    const [name = '', ...rest] = args.positionals;
    const verb = verbs.get(name);
    if (!verb) {
      ctx.io.err(t(`brazil.cli.${spec.name}Usage`));
      return 2;
    }
    const foreign = spec.options.find((o) => args.has(o.name) && o !== DB_OPTION && !verb.options.includes(o.name));
    if (foreign) {
      ctx.io.err(t('cli.argsErrors.unknown', { option: foreign.name, command: `${spec.name} ${name}` }));
      ctx.io.err(t(`brazil.cli.${spec.name}Usage`));
      return 2;
    }
    return verb.run(args, rest, ctx);
  });
  return {
    ...spec,
    async run(raw, ctx) {
      const code = await run(raw, ctx);
      // The help built from the options, then each verb with what it takes.
      if (code === 0 && raw.includes('--help')) ctx.io.out(`\n${ctx.translator.t(`brazil.cli.${spec.name}Usage`)}`);
      return code;
    },
  };
}

/** The imported order an Amazon order id names, or a localized "import the orders first". */
function orderNamed(services: Services, ctx: CliContext, amazonOrderId: string): OrderForNfeRow | null {
  const order = orderForNfeByAmazonId(services.db, amazonOrderId);
  if (!order) ctx.io.err(ctx.translator.t('brazil.cli.orderNotFound', { orderId: amazonOrderId }));
  return order ?? null;
}

// ── nfe ────────────────────────────────────────────────────────────────────────────────────────

const ORDER: CliOption = { name: '--order', value: 'ID' };
const nfeSpec = {
  name: 'nfe',
  subcommands: ['import', 'send'],
  positional: { placeholder: 'FILE', variadic: true },
  options: [ORDER, JSON_OPTION, DB_OPTION],
} as const satisfies CliSpec;

/** `nfe import FILE|FOLDER…`: each file checked on its own (a folder: its .xml files); nothing is sent. Exit 1 when any file was refused. */
const nfeImport: Verb = {
  options: ['--json'],
  async run(args, positionals, ctx) {
    const { t } = ctx.translator;
    if (positionals.length === 0) {
      ctx.io.err(t('brazil.cli.nfeUsage'));
      return 2;
    }
    const paths = positionals.map((p) => resolve(p));
    const missing = paths.find((p) => !existsSync(p));
    if (missing) {
      ctx.io.err(t('brazil.cli.notFound', { path: missing }));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const results = await brazilServiceFor(services).importPaths(paths);
      const tr = services.translator;
      if (results.length === 0) {
        ctx.io.err(tr.t('brazil.cli.noXml', { paths: paths.join(', ') }));
        return 1;
      }
      if (args.has('--json')) {
        ctx.io.out(
          JSON.stringify(
            results.map((r) =>
              r.ok
                ? { file: r.file, ok: true, number: r.number, accessKey: r.accessKey, orderId: r.amazonOrderId, matchedBy: r.matchedBy }
                : { file: r.file, ok: false, code: r.problem.code, field: r.problem.field ?? null, message: nfeProblemMessage(tr, r.file, r.problem) },
            ),
          ),
        );
      } else {
        for (const r of results) {
          if (!r.ok) ctx.io.err(nfeProblemMessage(tr, r.file, r.problem));
          else
            ctx.io.out(
              r.amazonOrderId
                ? tr.t('brazil.cli.imported', { file: r.file, number: r.number, orderId: r.amazonOrderId })
                : tr.t('brazil.cli.importedUnmatched', { file: r.file, number: r.number }),
            );
        }
      }
      return results.every((r) => r.ok) ? 0 : 1;
    });
  },
};

/** `nfe send [--order ID]`: every imported note not sent yet (or the order's), each once. Exit 1 when a send failed. */
const nfeSend: Verb = {
  options: ['--order', '--json'],
  async run(args, positionals, ctx) {
    if (positionals.length > 0) {
      ctx.io.err(ctx.translator.t('brazil.cli.nfeUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const { t } = services.translator;
      const brazil = brazilServiceFor(services);
      const amazonOrderId = args.value('--order');
      let sent: { number: string; orderId: string | null; outcome: string; error?: AppError }[];
      if (amazonOrderId !== undefined) {
        const order = orderNamed(services, ctx, amazonOrderId);
        if (!order) return 1;
        const waiting = nfesOfOrder(services.db, order.id).filter((n) => n.state === 'pending');
        if (waiting.length === 0) {
          ctx.io.err(t('brazil.cli.nothingToSend', { orderId: amazonOrderId }));
          return 1;
        }
        sent = [];
        for (const doc of waiting) {
          try {
            sent.push({ number: doc.number, orderId: amazonOrderId, outcome: await brazil.send(doc.id) });
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            sent.push({ number: doc.number, orderId: amazonOrderId, outcome: 'failed', error: err });
          }
        }
      } else {
        sent = (await brazil.sendPending()).map((r) => ({ number: r.number, orderId: null, outcome: r.outcome, ...(r.error ? { error: r.error } : {}) }));
      }
      const message = (e: AppError) => (services.translator.has(`errors.${e.code}`) ? t(`errors.${e.code}`, e.params as Record<string, unknown>) : e.message);
      if (args.has('--json')) {
        ctx.io.out(
          JSON.stringify(
            sent.map((s) => ({ number: s.number, outcome: s.outcome, ...(s.error ? { error: { code: s.error.code, message: message(s.error) } } : {}) })),
          ),
        );
      } else {
        if (sent.length === 0) ctx.io.out(t('brazil.cli.nothingPending'));
        for (const s of sent) {
          if (s.error) ctx.io.err(t('brazil.cli.failed', { number: s.number, message: message(s.error) }));
          else ctx.io.out(t('brazil.cli.sent', { number: s.number, outcome: t(`brazil.cli.outcome.${s.outcome}`) }));
        }
      }
      return sent.some((s) => s.outcome === 'failed') ? 1 : 0;
    });
  },
};

export const nfeCommand = verbCommand(
  nfeSpec,
  new Map([
    ['import', nfeImport],
    ['send', nfeSend],
  ]),
);

// ── easyship ───────────────────────────────────────────────────────────────────────────────────

const SIZE_OPTIONS = [
  { option: '--length', field: 'lengthCm', unit: 'cm' },
  { option: '--width', field: 'widthCm', unit: 'cm' },
  { option: '--height', field: 'heightCm', unit: 'cm' },
  { option: '--weight', field: 'weightG', unit: 'g' },
] as const;

const easyshipSpec = {
  name: 'easyship',
  subcommands: ['slots', 'schedule', 'label'],
  options: [
    { ...ORDER, required: true },
    ...SIZE_OPTIONS.map((s): CliOption => ({ name: s.option, value: 'N' })),
    { name: '--slot', value: 'N' },
    JSON_OPTION,
    DB_OPTION,
  ],
} as const satisfies CliSpec;

/** The package: the order's products (the default box where the catalog lacks sizes), with the seller's figures over it. */
function packageOf(services: Services, ctx: CliContext, args: CliArgs, orderRowId: number): PackageSize | null {
  const { t } = ctx.translator;
  const size: Record<string, number> = { ...brazilServiceFor(services).estimate(orderRowId).size };
  for (const s of SIZE_OPTIONS) {
    const raw = args.value(s.option);
    if (raw === undefined) continue;
    // "12,5" as Brazilians write it, or "12.5".
    const value = /^\d+([.,]\d+)?$/.test(raw.trim()) ? Number(raw.trim().replace(',', '.')) : Number.NaN;
    size[s.field] = value;
    const parsed = packageSizeSchema.shape[s.field].safeParse(value);
    if (!parsed.success) {
      ctx.io.err(t('brazil.cli.badNumber', { option: s.option, value: raw, range: t(`brazil.cli.ranges.${s.unit}`) }));
      return null;
    }
  }
  return packageSizeSchema.parse(size);
}

function slotIndex(ctx: CliContext, raw: string | undefined): number | null {
  const { t } = ctx.translator;
  if (raw === undefined) {
    ctx.io.err(t('brazil.cli.easyshipUsage'));
    return null;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1) {
    ctx.io.err(t('brazil.cli.badNumber', { option: '--slot', value: raw, range: t('brazil.cli.ranges.slot') }));
    return null;
  }
  return Number(raw);
}

/** The order named by --order (required by every verb), with the services open. */
async function withOrder(args: CliArgs, ctx: CliContext, work: (services: Services, order: OrderForNfeRow) => Promise<number>): Promise<number> {
  const amazonOrderId = args.value('--order');
  if (amazonOrderId === undefined) {
    ctx.io.err(ctx.translator.t('brazil.cli.easyshipUsage'));
    return 2;
  }
  return withServices(ctx, async (services) => {
    const order = orderNamed(services, ctx, amazonOrderId);
    return order ? work(services, order) : 1;
  });
}

function slotLine(services: Services, slot: TimeSlot, index: number): string {
  const { t, intlLocale } = services.translator;
  const when = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'short', timeStyle: 'short' });
  const time = (iso: string | undefined) => (iso ? when.format(new Date(iso)) : '—');
  const method = slot.handoverMethod ?? 'PICKUP';
  return t('brazil.cli.slot', {
    index,
    start: time(slot.startTime),
    end: time(slot.endTime),
    method: t(`brazil.cli.handover.${method}`, { defaultValue: method }),
  });
}

function packageLine(services: Services, size: PackageSize): string {
  const n = new Intl.NumberFormat(services.translator.intlLocale, { maximumFractionDigits: 1 });
  return services.translator.t('brazil.cli.package', {
    length: n.format(size.lengthCm),
    width: n.format(size.widthCm),
    height: n.format(size.heightCm),
    weight: n.format(size.weightG),
  });
}

/** `easyship slots --order ID [--length … --weight …]`: Amazon's pickup slots for the package, numbered for `schedule`. */
const easyshipSlots: Verb = {
  options: ['--order', '--length', '--width', '--height', '--weight', '--json'],
  run: (args, positionals, ctx) =>
    positionals.length > 0
      ? Promise.resolve((ctx.io.err(ctx.translator.t('brazil.cli.easyshipUsage')), 2))
      : withOrder(args, ctx, async (services, order) => {
          const size = packageOf(services, ctx, args, order.id);
          if (!size) return 2;
          const slots = await brazilServiceFor(services).slots(order.id, size);
          if (args.has('--json')) {
            ctx.io.out(JSON.stringify({ package: size, slots: slots.map((s, i) => ({ index: i + 1, ...s })) }));
            return 0;
          }
          ctx.io.out(packageLine(services, size));
          if (slots.length === 0) ctx.io.out(services.translator.t('brazil.cli.noSlots'));
          slots.forEach((s, i) => ctx.io.out(slotLine(services, s, i + 1)));
          return 0;
        }),
};

/** `easyship schedule --order ID --slot N`: books the Nth slot `slots` listed (asked again, for the same package). */
const easyshipSchedule: Verb = {
  options: ['--order', '--length', '--width', '--height', '--weight', '--slot', '--json'],
  async run(args, positionals, ctx) {
    if (positionals.length > 0) {
      ctx.io.err(ctx.translator.t('brazil.cli.easyshipUsage'));
      return 2;
    }
    const index = slotIndex(ctx, args.value('--slot'));
    if (index === null) return 2;
    return withOrder(args, ctx, async (services, order) => {
      const { t } = services.translator;
      const size = packageOf(services, ctx, args, order.id);
      if (!size) return 2;
      const brazil = brazilServiceFor(services);
      const slots = await brazil.slots(order.id, size);
      if (slots.length === 0) {
        ctx.io.err(t('brazil.cli.noSlots'));
        return 1;
      }
      const slot = slots[index - 1];
      if (!slot) {
        ctx.io.err(t('brazil.cli.noSuchSlot', { slot: index, count: slots.length }));
        return 2;
      }
      const outcome = await brazil.schedule(order.id, slot, size);
      if (args.has('--json')) ctx.io.out(JSON.stringify({ orderId: order.amazonOrderId, outcome, slot, package: size }));
      else ctx.io.out(t('brazil.cli.scheduled', { start: slotLine(services, slot, index).replace(/^\d+\.\s*/, '') }));
      return 0;
    });
  },
};

/** `easyship label --order ID FILE.pdf`: writes the pickup's label (".pdf" added when missing). */
const easyshipLabel: Verb = {
  options: ['--order', '--json'],
  async run(args, positionals, ctx) {
    const [file, extra] = positionals;
    if (!file || extra !== undefined) {
      ctx.io.err(ctx.translator.t('brazil.cli.easyshipUsage'));
      return 2;
    }
    return withOrder(args, ctx, async (services, order) => {
      const pdf = brazilServiceFor(services).label(order.id);
      const path = resolve(file).replace(/(\.pdf)?$/i, (ext) => ext || '.pdf');
      writeFileSync(path, pdf);
      ctx.io.out(
        args.has('--json')
          ? JSON.stringify({ orderId: order.amazonOrderId, file: path, bytes: pdf.length })
          : services.translator.t('brazil.cli.labelSaved', { file: path }),
      );
      return 0;
    });
  },
};

export const easyshipCommand = verbCommand(
  easyshipSpec,
  new Map([
    ['slots', easyshipSlots],
    ['schedule', easyshipSchedule],
    ['label', easyshipLabel],
  ]),
);

// ── fba ────────────────────────────────────────────────────────────────────────────────────────

const fbaSpec = { name: 'fba', subcommands: ['stock'], options: [{ name: '--account', value: 'ID' }, JSON_OPTION, DB_OPTION] } as const satisfies CliSpec;

/** `fba stock [--account ID]`: reads what Amazon holds now (on a fresh database the demo account first, as the app does) and lists it per SKU. */
const fbaStock: Verb = {
  options: ['--account', '--json'],
  async run(args, positionals, ctx) {
    if (positionals.length > 0) {
      ctx.io.err(ctx.translator.t('brazil.cli.fbaUsage'));
      return 2;
    }
    return withServices(ctx, async (services) => {
      const { t } = services.translator;
      if (listAccounts(services.db).length === 0) await accountsServiceFor(services).ensureDemoAccount();
      const accountId = args.value('--account');
      const read = await brazilServiceFor(services).readFba(accountId ? { accountId } : {});
      const rows = read.flatMap((r) => listFbaStock(services.db, { accountId: r.accountId, marketplaceId: r.marketplaceId }));
      if (args.has('--json')) {
        ctx.io.out(
          JSON.stringify({
            read,
            stock: rows.map(({ accountId: account, marketplaceId, sku, asin, fnSku, fulfillable, inbound, reserved, unfulfillable, total, amazonUpdated }) => ({
              accountId: account,
              marketplaceId,
              sku,
              asin,
              fnSku,
              fulfillable,
              inbound,
              reserved,
              unfulfillable,
              total,
              amazonUpdated,
            })),
          }),
        );
        return read.length > 0 ? 0 : 1;
      }
      if (read.length === 0) {
        ctx.io.err(t('brazil.cli.fbaNone'));
        return 1;
      }
      for (const r of read) ctx.io.out(t('brazil.cli.fbaRead', { skus: r.skus, calls: r.calls }));
      for (const row of rows) ctx.io.out(t('brazil.cli.fbaRow', { ...row }));
      return 0;
    });
  },
};

export const fbaCommand = verbCommand(fbaSpec, new Map([['stock', fbaStock]]));

export const brazilCommands: readonly CliCommand[] = [nfeCommand, easyshipCommand, fbaCommand];
