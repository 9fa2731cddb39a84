import ExcelJS from 'exceljs';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { TFunction } from 'i18next';
import { timeSlice } from '../background/yield';
import type { Db } from '../db/connection';
import {
  countOrderItems,
  countOrders,
  itemsOfOrders,
  pageOrderKeys,
  pageOrders,
  type OrderFilter,
  type OrderItemRow,
  type OrderKey,
  type OrderSummaryRow,
} from '../db/tables/orders';
import { orderBrazilFacts, type FulfillmentProgram, type OrderBrazilFacts } from '../db/tables/order-programs';
import { needsNfe } from '../brazil/programs';
import { ORDER_STATUSES, type OrderStatus } from './status';
import { csvAccessKey, csvDate, csvField, csvMoney, currencyFormat, excelLocalDate, neutralizeFormula } from './export-format';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportOptions {
  readonly file: string;
  readonly format: ExportFormat;
  readonly filter: OrderFilter;
  readonly t: TFunction;
  readonly locale: string;
  /** Rows written so far out of the total (orders + items). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface ExportResult {
  readonly file: string;
  readonly orders: number;
  readonly items: number;
}

/** `digits`: a long code (the NF-e's 44-digit access key) kept as text, never read as a number. */
type Kind = 'text' | 'date' | 'money' | 'int' | 'digits';
interface Column<R> {
  readonly key: string;
  readonly kind: Kind;
  readonly width: number;
  readonly value: (row: R) => string | number | null;
}

const BATCH = 1000;

/** Status labels and yes/no looked up once: i18next per cell costs seconds over 50k orders. */
function labels(t: TFunction) {
  const status = new Map(ORDER_STATUSES.map((s) => [s, t(`orders.status.${s}`)]));
  const programs = new Map((['self_ship', 'easy_ship', 'fba'] as const).map((p) => [p, t(`orders.export.program.${p}`)]));
  const nfe = new Map(NFE_EXPORT_STATES.map((s) => [s, t(`orders.export.nfeState.${s}`)]));
  return {
    status: (s: OrderStatus) => status.get(s) ?? s,
    program: (p: FulfillmentProgram) => programs.get(p) ?? p,
    nfe: (s: string) => nfe.get(s as (typeof NFE_EXPORT_STATES)[number]) ?? s,
    yes: t('orders.export.yes'),
    no: t('orders.export.no'),
  };
}

/** The NF-e column's words: the note's state, or why there is none. */
const NFE_EXPORT_STATES = ['missing', 'notRequired', 'pending', 'sending', 'unknown', 'sent', 'accepted', 'rejected'] as const;

/** The NF-e state the export writes for an order (the latest note that was not replaced). */
function nfeExportState(o: OrderSummaryRow, f: OrderBrazilFacts | undefined): string {
  if (f?.nfeState && f.nfeState !== 'replaced') return f.nfeState;
  const program = f?.program ?? (o.fulfilledBy === 'AMAZON' ? 'fba' : 'self_ship');
  return needsNfe(program, f?.invoiceStatus ?? null, o.marketplaceId) ? 'missing' : 'notRequired';
}

/**
 * Program, NF-e and invoice facts of the batch being written: one query per batch of orders,
 * looked up by each row's columns (no per-row query, no per-row object).
 */
class BrazilFactsOfBatch {
  private facts = new Map<number, OrderBrazilFacts>();
  constructor(private readonly db: Db) {}
  load(rows: readonly { id: number }[]): void {
    this.facts = orderBrazilFacts(
      this.db,
      rows.map((r) => r.id),
    );
  }
  of(id: number): OrderBrazilFacts | undefined {
    return this.facts.get(id);
  }
}

/** The order's columns its items sheet repeats, so each sheet reads alone (a CSV line has them once, from the order). */
const SHARED_ORDER_COLUMNS = ['orderId', 'purchaseDate', 'status', 'currency'] as const;

function sharedOrderColumns<R extends Pick<OrderSummaryRow, 'amazonOrderId' | 'createdTime' | 'status' | 'currency'>>(
  l: ReturnType<typeof labels>,
): Record<(typeof SHARED_ORDER_COLUMNS)[number], Column<R>> {
  return {
    orderId: { key: 'orderId', kind: 'text', width: 22, value: (o) => o.amazonOrderId },
    purchaseDate: { key: 'purchaseDate', kind: 'date', width: 18, value: (o) => o.createdTime },
    status: { key: 'status', kind: 'text', width: 16, value: (o) => l.status(o.status) },
    currency: { key: 'currency', kind: 'text', width: 8, value: (o) => o.currency },
  };
}

function orderColumns(t: TFunction, brazil: BrazilFactsOfBatch): Column<OrderSummaryRow>[] {
  const l = labels(t);
  const order = sharedOrderColumns<OrderSummaryRow>(l);
  const nfe = (o: OrderSummaryRow) => {
    const f = brazil.of(o.id);
    return f?.nfeState === 'replaced' ? undefined : f;
  };
  return [
    order.orderId,
    order.purchaseDate,
    { key: 'lastUpdate', kind: 'date', width: 18, value: (o) => o.lastUpdatedTime },
    order.status,
    { key: 'marketplace', kind: 'text', width: 16, value: (o) => o.marketplaceId },
    { key: 'buyerName', kind: 'text', width: 28, value: (o) => o.buyerName },
    { key: 'buyerEmail', kind: 'text', width: 30, value: (o) => o.buyerEmail },
    { key: 'city', kind: 'text', width: 18, value: (o) => o.shipCity },
    { key: 'state', kind: 'text', width: 8, value: (o) => o.shipState },
    { key: 'country', kind: 'text', width: 8, value: (o) => o.shipCountry },
    { key: 'items', kind: 'int', width: 8, value: (o) => o.itemCount },
    { key: 'units', kind: 'int', width: 8, value: (o) => o.unitCount },
    { key: 'total', kind: 'money', width: 14, value: (o) => o.totalCents },
    order.currency,
    { key: 'carrier', kind: 'text', width: 14, value: (o) => o.carrier },
    { key: 'tracking', kind: 'text', width: 22, value: (o) => o.trackingNumber },
    { key: 'shipDate', kind: 'date', width: 18, value: (o) => o.shipDate },
    { key: 'issues', kind: 'int', width: 10, value: (o) => o.issueCount },
    { key: 'divergence', kind: 'text', width: 12, value: (o) => (o.priceDivergence ? l.yes : l.no) },
    { key: 'program', kind: 'text', width: 26, value: (o) => l.program(brazil.of(o.id)?.program ?? (o.fulfilledBy === 'AMAZON' ? 'fba' : 'self_ship')) },
    { key: 'nfeNumber', kind: 'text', width: 12, value: (o) => nfe(o)?.nfeNumber ?? null },
    { key: 'nfeKey', kind: 'digits', width: 48, value: (o) => nfe(o)?.nfeAccessKey ?? null },
    { key: 'nfeStatus', kind: 'text', width: 18, value: (o) => l.nfe(nfeExportState(o, brazil.of(o.id))) },
  ];
}

function itemColumns(t: TFunction): Column<OrderItemRow>[] {
  const order = sharedOrderColumns<OrderItemRow>(labels(t));
  return [
    order.orderId,
    order.purchaseDate,
    order.status,
    { key: 'orderItemId', kind: 'text', width: 18, value: (i) => i.orderItemId },
    { key: 'sku', kind: 'text', width: 18, value: (i) => i.sellerSku },
    { key: 'asin', kind: 'text', width: 12, value: (i) => i.asin },
    { key: 'title', kind: 'text', width: 40, value: (i) => i.title },
    { key: 'quantity', kind: 'int', width: 10, value: (i) => i.quantity },
    { key: 'unitPrice', kind: 'money', width: 14, value: (i) => i.unitPriceCents },
    { key: 'itemTotal', kind: 'money', width: 14, value: (i) => (i.unitPriceCents === null ? null : i.unitPriceCents * i.quantity) },
    { key: 'expectedPrice', kind: 'money', width: 14, value: (i) => i.expectedPriceCents },
    order.currency,
  ];
}

/** Batches of the filtered orders (keyset paging); `page` picks full rows or keys only. */
function* batches<R extends OrderKey>(
  db: Db,
  filter: OrderFilter,
  page: (db: Db, filter: OrderFilter, after: OrderKey | null, limit: number) => R[] = pageOrders as never,
): Generator<R[]> {
  let after: OrderKey | null = null;
  for (;;) {
    const rows = page(db, filter, after, BATCH);
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = { createdTime: last.createdTime, id: last.id };
  }
}

/**
 * Shared style objects: exceljs remembers the style id of an object it has seen (a WeakMap), so
 * reusing one object per format spares it from re-deriving the style of every cell.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const HEADER_STYLE: Partial<ExcelJS.Style> = { font: { bold: true } };
/**
 * Excel's built-in date-time format 22 (exceljs spells it this way), which Excel and LibreOffice
 * show in the reader's regional format: dd/mm/aaaa hh:mm in Brazil, m/d/yyyy h:mm in the US.
 */
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'm/d/yy "h":mm' };
const MONEY_STYLES = new Map<string, Partial<ExcelJS.Style>>();
function moneyStyle(currency: string | null): Partial<ExcelJS.Style> {
  const format = currencyFormat(currency);
  let style = MONEY_STYLES.get(format);
  if (!style) MONEY_STYLES.set(format, (style = { numFmt: format }));
  return style;
}

/** Lets the file stream drain and progress events go out between batches. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the filtered orders as xlsx (a sheet of orders and a sheet of items, streamed with
 * exceljs's WorkbookWriter so 50k orders stay within a few hundred MB) or as CSV (one line per
 * item with its order's columns). Dates are real date cells, money real numbers formatted in the
 * order's currency, and every text cell is neutralised against formula injection.
 */
export async function exportOrders(db: Db, options: ExportOptions): Promise<ExportResult> {
  const orders = countOrders(db, options.filter);
  const items = countOrderItems(db, options.filter);
  const total = orders + items;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };
  try {
    if (options.format === 'csv') await writeCsv(db, options, tick);
    else await writeXlsx(db, options, tick);
  } catch (err) {
    // A half-written spreadsheet would look like a complete one: leave nothing behind.
    rmSync(options.file, { force: true });
    throw err;
  }
  options.onProgress?.(total, total);
  return { file: options.file, orders, items };
}

async function writeXlsx(db: Db, options: ExportOptions, tick: (n: number) => void): Promise<void> {
  const { t } = options;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: options.file, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Vitrine';
  const brazil = new BrazilFactsOfBatch(db);
  const sheets = [
    {
      name: t('orders.export.ordersSheet'),
      columns: orderColumns(t, brazil),
      pages: function* () {
        for (const rows of batches<OrderSummaryRow>(db, options.filter)) {
          brazil.load(rows);
          yield rows;
        }
      },
    },
    {
      name: t('orders.export.itemsSheet'),
      columns: itemColumns(t),
      pages: function* () {
        for (const keys of batches(db, options.filter, pageOrderKeys))
          yield itemsOfOrders(
            db,
            keys.map((k) => k.id),
          );
      },
    },
  ] as const;
  try {
    for (const sheet of sheets) await writeSheet(workbook, sheet, options, tick);
  } finally {
    // Also on failure: committing closes the file handle the writer opened.
    await workbook.commit();
  }
}

async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: { readonly name: string; readonly columns: readonly Column<never>[]; pages(): Iterable<readonly unknown[]> },
  options: ExportOptions,
  tick: (n: number) => void,
): Promise<void> {
  const { t } = options;
  const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = sheet.columns as readonly Column<unknown>[];
  ws.columns = columns.map((c) => ({ header: t(`orders.export.columns.${c.key}`), key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();
  const currencyIndex = columns.findIndex((c) => c.key === 'currency');
  // Rows are built in time slices: the core keeps answering the window while 50k orders are written.
  const slice = timeSlice();
  for (const rows of sheet.pages()) {
    options.signal?.throwIfAborted();
    for (const record of rows) {
      if (slice.spent()) await slice.next();
      const values = columns.map((c) => cellValue(c, record));
      const row = ws.addRow(values);
      const currency = currencyIndex >= 0 ? (values[currencyIndex] as string | null) : null;
      columns.forEach((c, i) => {
        row.getCell(i + 1).style = c.kind === 'date' ? DATE_STYLE : c.kind === 'money' ? moneyStyle(currency) : PLAIN_STYLE;
      });
      row.commit();
    }
    tick(rows.length);
    await breathe();
  }
  ws.commit();
}

function cellValue(column: Column<unknown>, record: unknown): string | number | Date | null {
  const value = column.value(record);
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'date':
      return excelLocalDate(String(value));
    case 'money':
      return Number(value) / 100;
    case 'int':
      return Number(value);
    case 'text':
    case 'digits':
      return neutralizeFormula(String(value));
  }
}

async function writeCsv(db: Db, options: ExportOptions, tick: (n: number) => void): Promise<void> {
  const { t } = options;
  // Brazilian and Swedish Excel split CSV on ";" and read "89,90"; elsewhere "," and "89.90".
  const portuguese = options.locale.startsWith('pt') || options.locale.startsWith('sv');
  const delimiter = portuguese ? ';' : ',';
  const decimalMark = portuguese ? ',' : '.';
  const brazil = new BrazilFactsOfBatch(db);
  const orderCols = orderColumns(t, brazil).filter((c) => c.key !== 'items' && c.key !== 'units');
  const itemCols = itemColumns(t).filter((c) => !(SHARED_ORDER_COLUMNS as readonly string[]).includes(c.key));
  const field = (c: Column<never>, record: unknown): string => {
    const value = (c as Column<unknown>).value(record);
    if (c.kind === 'date') return csvDate(value === null ? null : String(value));
    if (c.kind === 'money') return csvField(csvMoney(value === null ? null : Number(value), decimalMark), delimiter, true);
    if (c.kind === 'digits') return csvField(value === null ? null : csvAccessKey(String(value)), delimiter);
    return csvField(value, delimiter);
  };
  const out = createWriteStream(options.file, { encoding: 'utf8' });
  const closed = once(out, 'close');
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  try {
    // The BOM makes Excel read the file as UTF-8 (accents in names and cities).
    const header = [...orderCols, ...itemCols].map((c) => csvField(t(`orders.export.columns.${c.key}`), delimiter)).join(delimiter);
    await write(`\uFEFF${header}\r\n`);
    for (const batch of batches<OrderSummaryRow>(db, options.filter)) {
      options.signal?.throwIfAborted();
      brazil.load(batch);
      const byOrder = new Map<number, OrderItemRow[]>();
      for (const item of itemsOfOrders(
        db,
        batch.map((o) => o.id),
      )) {
        const list = byOrder.get(item.orderRowId);
        if (list) list.push(item);
        else byOrder.set(item.orderRowId, [item]);
      }
      let lines = '';
      for (const order of batch) {
        const head = orderCols.map((c) => field(c as Column<never>, order)).join(delimiter);
        const list = byOrder.get(order.id) ?? [];
        if (list.length === 0) lines += `${head}${delimiter.repeat(itemCols.length)}\r\n`;
        for (const item of list) lines += `${head}${delimiter}${itemCols.map((c) => field(c as Column<never>, item)).join(delimiter)}\r\n`;
        tick(1 + list.length);
      }
      await write(lines);
      await breathe();
    }
  } finally {
    out.end();
    await closed;
  }
}
