import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { TFunction } from 'i18next';
import { timeSlice } from '../background/yield';
import { checkpointInBackground } from '../db/checkpoint';
import { openDatabase, type Db } from '../db/connection';
import { deferProductIndexing, deleteProductsWithoutSkus, indexDeferredProducts } from '../db/tables/products';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import { cellText, isBlankRow, type Cell } from '../spreadsheet/cell';
import { openSheet, type SheetRow, type SheetSource } from '../spreadsheet/read-rows';
import { autoMap, type ColumnMapping, type Field } from './columns';
import { createCatalogWriter, type RecordOutcome } from './catalog-writer';
import { writeRejectedFile, type RejectedRow } from './rejected-file';
import { importEanSummary, type ImportEanSummary } from './import-ean-summary';
import { compilePlan, mapRow, type ImportRecord, type RowIssue, type RowPlan } from './row-mapper';

const logger = createLogger('catalog/import');
const PREVIEW_ROWS = 20;
const THREADED_MIN_BYTES = 1024 * 1024;

export interface ImportOptions {
  /** The seller's mapping from the manual step; without it the headers are auto-mapped. */
  readonly mapping?: readonly { readonly column: number; readonly field: Field | null }[] | undefined;
  /** Preview: run the whole import, report exactly what it would do, then roll back. */
  readonly dryRun: boolean;
  readonly t: TFunction;
  readonly onProgress?: (done: number, total: number) => void;
  /** Where to write rejected rows with an "errors" column (xlsx or csv by extension). */
  readonly rejectedFile?: string | undefined;
}

export interface ImportError {
  readonly row: number;
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportReport {
  readonly columns: readonly ColumnMapping[];
  /** The first data rows as text, for the mapping screen. */
  readonly sample: readonly (readonly string[])[];
  readonly rows: number;
  readonly imported: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly errors: readonly ImportError[];
  readonly rejectedFile: string | null;
  readonly committed: boolean;
  /**
   * The imported SKUs whose EAN keeps them from Amazon (the send's own verdict), by cause: not
   * an error of the import — the rows are stored — but they will not be sent until fixed.
   */
  readonly ean: ImportEanSummary;
}

/** Imports in progress, by database: a second import would interleave with the first. */
const busyFiles = new Set<string>();
const busyMemory = new WeakSet<Db>();

function resolveMapping(headers: readonly string[], explicit: ImportOptions['mapping']): ColumnMapping[] {
  if (!explicit) return autoMap(headers);
  const seen = new Set<string>();
  const byColumn = new Map<number, Field | null>();
  for (const m of explicit) {
    if (m.column < 0 || m.column >= headers.length) throw new AppError('IMPORT_MAPPING_INVALID', { column: m.column + 1 });
    if (m.field) {
      // "Côr" typed two ways (NFC, NFD) is one characteristic: one column may feed it.
      const key = m.field.normalize('NFC').toLowerCase();
      if (seen.has(key)) throw new AppError('IMPORT_MAPPING_DUPLICATE', { field: m.field });
      seen.add(key);
    }
    byColumn.set(m.column, m.field);
  }
  return headers.map((header, column) => ({ column, header, field: byColumn.get(column) ?? null }));
}

/**
 * A file database gets its own connection for the import, so the long write transaction
 * cannot swallow (and, on rollback, undo) writes other features make on the app's connection
 * while the file streams; they wait on SQLite's busy timeout instead. In-memory databases
 * (tests) cannot be shared across connections and use the given one.
 */
function importConnection(db: Db): { conn: Db; release(committed: boolean): void } {
  if (db.memory) return { conn: db, release: () => undefined };
  const conn = openDatabase(db.name);
  // A bigger page cache keeps the SKU and product indexes in memory across a 100k-row insert.
  conn.pragma('cache_size = -32768');
  // The log this commit leaves is checkpointed on a worker thread, not inside COMMIT.
  conn.pragma('wal_autocheckpoint = 0');
  return {
    conn,
    release(committed) {
      conn.close();
      if (committed) void checkpointInBackground(db.name);
    },
  };
}

/** Streams a spreadsheet into the catalog in one all-or-nothing transaction. */
export async function importProducts(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  if (db.memory ? busyMemory.has(db) : busyFiles.has(db.name)) throw new AppError('IMPORT_IN_PROGRESS');
  if (db.memory) busyMemory.add(db);
  else busyFiles.add(db.name);
  try {
    return await runImport(db, file, options);
  } finally {
    busyMemory.delete(db);
    busyFiles.delete(db.name);
  }
}

/**
 * A worker thread costs ~0.1 s to start, so it pays off only when parsing takes seconds, and it
 * needs a second core. The load average is not consulted: it lags by a minute and counts this
 * process's own recent work (a preview just before the commit read as a busy machine and sent
 * the commit down the one-thread path, twice as slow).
 */
function worthAThread(sizeBytes: number): boolean {
  return sizeBytes >= THREADED_MIN_BYTES && availableParallelism() > 1;
}

/** How far down a title block ("Relatório de produtos — maio") may push the header row. */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header is the first non-blank row with a column recognised as the SKU, within the first
 * rows; failing that, the first non-blank row (the seller maps its columns by hand). The choice
 * never depends on the mapping, so a preview and its commit agree on the header row. Rows read
 * ahead after the chosen header come back in `pending`, in order; the caller goes on with the
 * batches after them.
 */
export async function findHeader(batches: AsyncIterator<SheetRow[]>): Promise<{ header: SheetRow | undefined; pending: SheetRow[] }> {
  const candidates: SheetRow[] = [];
  while (candidates.length < HEADER_SEARCH_ROWS) {
    const next = await batches.next();
    if (next.done) break;
    const batch = next.value;
    for (let i = 0; i < batch.length; i += 1) {
      const row = batch[i] as SheetRow;
      if (isBlankRow(row.cells)) continue;
      candidates.push(row);
      if (autoMap(row.cells.map((c) => cellText(c).trim())).some((m) => m.field === 'sku')) return { header: row, pending: batch.slice(i + 1) };
      if (candidates.length === HEADER_SEARCH_ROWS) return { header: candidates[0], pending: [...candidates.slice(1), ...batch.slice(i + 1)] };
    }
  }
  const [first, ...rest] = candidates;
  return { header: first, pending: rest };
}

async function runImport(db: Db, file: string, options: ImportOptions): Promise<ImportReport> {
  const size = await stat(file).then(
    (info) => info.size,
    () => 0,
  );
  const source = await openSheet(file, { threaded: worthAThread(size) });
  const batches = source.batches();
  try {
    return await importRows(db, file, source, batches, options);
  } finally {
    // Stops the reader (and its worker thread) when the import ended early; a no-op otherwise.
    await batches.return(undefined);
  }
}

/** The header row, the columns it maps to and the plan that reads each row; refused without a SKU column. */
async function readHeader(file: string, batches: AsyncGenerator<SheetRow[]>, mapping: ImportOptions['mapping']) {
  const { header, pending } = await findHeader(batches);
  if (!header) throw new AppError('SPREADSHEET_EMPTY', { file });
  const headers = header.cells.map((c) => cellText(c).trim());
  const columns = resolveMapping(headers, mapping);
  const plan = compilePlan(columns);
  if (!plan) {
    throw new AppError('NO_SKU_COLUMN', {
      columns: headers
        .filter((h) => h)
        .slice(0, 20)
        .join(', '),
    });
  }
  return { headers, columns, plan, pending };
}

/** What the rows came to: counts, row problems, the preview sample, kits kept for the end and rows for the rejected file. */
class RowTally {
  readonly counts = { rows: 0, imported: 0, updated: 0, unchanged: 0, rejected: 0 };
  readonly issues: RowIssue[] = [];
  readonly rejectedRows: RejectedRow[] = [];
  readonly sample: string[][] = [];
  readonly kits: ImportRecord[] = [];
  private readonly seen = new Map<string, number>();

  /** The SKU codes of the rows taken (each once). */
  skus(): ReadonlySet<string> {
    return new Set(this.seen.keys());
  }
  private readonly kitCells = new Map<number, readonly Cell[]>();

  constructor(
    private readonly plan: RowPlan,
    private readonly keepRejected: boolean,
  ) {}

  reject(row: number, cells: readonly Cell[], rowIssues: readonly RowIssue[]): void {
    this.counts.rejected += 1;
    this.issues.push(...rowIssues);
    if (this.keepRejected) this.rejectedRows.push({ cells: cells.map(cellText), issues: rowIssues });
  }

  /** Maps one row: the record to write now, or undefined (blank, rejected, or a kit kept for after every other row). */
  take({ number, cells }: SheetRow): ImportRecord | undefined {
    if (isBlankRow(cells)) return undefined;
    this.counts.rows += 1;
    if (this.sample.length < PREVIEW_ROWS) this.sample.push(cells.map(cellText));
    const mapped = mapRow(this.plan, number, cells);
    const record = mapped.record;
    if (!record) {
      this.reject(number, cells, mapped.issues);
      return undefined;
    }
    const first = this.seen.get(record.sku);
    if (first !== undefined) {
      this.reject(number, cells, [{ row: number, field: this.plan.skuHeader, code: 'DUPLICATE_SKU', params: { sku: record.sku, first } }]);
      return undefined;
    }
    this.seen.set(record.sku, number);
    if (!record.kit) return record;
    this.kits.push(record);
    if (this.keepRejected) this.kitCells.set(number, cells);
    return undefined;
  }

  apply(record: ImportRecord, cells: readonly Cell[], outcome: RecordOutcome): void {
    if (typeof outcome === 'object') {
      const { plan } = this;
      const field =
        outcome.problem === 'MISSING_TITLE' ? (plan.single.get('title')?.header ?? plan.skuHeader) : (plan.single.get('kit')?.header ?? plan.skuHeader);
      this.reject(record.row, cells, [{ row: record.row, field, code: outcome.problem, params: outcome.params ?? {} }]);
    } else this.counts[outcome] += 1;
  }

  applyKits(outcomes: readonly RecordOutcome[]): void {
    outcomes.forEach((outcome, i) => {
      const kit = this.kits[i] as ImportRecord;
      this.apply(kit, this.kitCells.get(kit.row) ?? [], outcome);
    });
  }
}

/** Writes every row in one transaction (rolled back for a preview); answers whether it committed and what the EANs written come to. */
async function writeRows(
  db: Db,
  tally: RowTally,
  pending: readonly SheetRow[],
  batches: AsyncGenerator<SheetRow[]>,
  source: SheetSource,
  options: ImportOptions,
): Promise<{ committed: boolean; ean: ImportEanSummary }> {
  const { conn, release } = importConnection(db);
  let committed = false;
  let ean: ImportEanSummary;
  try {
    const writer = createCatalogWriter(conn);
    conn.exec('BEGIN IMMEDIATE');
    deferProductIndexing(conn);
    try {
      const importRow = (row: SheetRow) => {
        const record = tally.take(row);
        if (record) tally.apply(record, row.cells, writer.write(record));
      };
      // Batches the reader has ready come without a turn of the event loop in between: the rows
      // are written in time slices, so the core keeps answering the window meanwhile. The
      // transaction stays open across the pauses (all or nothing); on a file database it is the
      // import's own connection, which the app's connection reads past.
      const slice = timeSlice();
      for (const row of pending) {
        importRow(row);
        if (slice.spent()) await slice.next();
      }
      for await (const batch of batches) {
        for (const row of batch) {
          importRow(row);
          if (slice.spent()) await slice.next();
        }
        options.onProgress?.(source.bytesRead(), source.sizeBytes);
      }
      tally.applyKits(writer.writeKits(tally.kits));
      writer.finish();
      // Index first: deleting a product the index has not seen yet would be skipped by the trigger.
      for (const _ of indexDeferredProducts(conn)) if (slice.spent()) await slice.next();
      for (const _ of deleteProductsWithoutSkus(conn)) if (slice.spent()) await slice.next();
      ean = importEanSummary(conn, tally.skus());
      if (options.dryRun) conn.exec('ROLLBACK');
      else {
        conn.exec('COMMIT');
        committed = true;
      }
    } catch (err) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      throw err;
    }
  } finally {
    release(committed);
  }
  return { committed, ean };
}

/** The rejected rows with their reasons, beside the file; null when there are none or it could not be written. */
async function rejectedFileOf(headers: readonly string[], tally: RowTally, options: ImportOptions): Promise<string | null> {
  if (!options.rejectedFile || !tally.rejectedRows.length) return null;
  try {
    await writeRejectedFile(options.rejectedFile, headers, tally.rejectedRows, (i) => issueMessage(options.t, i), options.t('catalog.rejected.errorsColumn'));
    return options.rejectedFile;
  } catch (err) {
    // The import itself is already committed; the report still lists every error.
    logger.error('could not write the rejected-rows file', err);
    return null;
  }
}

async function importRows(db: Db, file: string, source: SheetSource, batches: AsyncGenerator<SheetRow[]>, options: ImportOptions): Promise<ImportReport> {
  const { headers, columns, plan, pending } = await readHeader(file, batches, options.mapping);
  const tally = new RowTally(plan, options.rejectedFile !== undefined);
  const { committed, ean } = await writeRows(db, tally, pending, batches, source, options);
  options.onProgress?.(source.sizeBytes, source.sizeBytes);
  logger.info(`import ${options.dryRun ? 'preview' : 'commit'}: ${JSON.stringify(tally.counts)}`);
  const errors = tally.issues.map((i) => ({ row: i.row, field: i.field, code: i.code, message: issueMessage(options.t, i) }));
  const rejectedFile = await rejectedFileOf(headers, tally, options);
  return { columns, sample: tally.sample, ...tally.counts, errors, rejectedFile, committed, ean };
}

/** Excel's error values as the seller's Excel shows them (#N/A is #N/D in Portuguese). */
function localizedParams(t: TFunction, issue: RowIssue): Readonly<Record<string, string | number>> {
  if (issue.code !== 'CELL_ERROR' || typeof issue.params.value !== 'string') return issue.params;
  return { ...issue.params, value: t(`catalog.cellErrors.${issue.params.value}`, { defaultValue: issue.params.value }) };
}

export function issueMessage(t: TFunction, issue: RowIssue): string {
  const key = `catalog.rowErrors.${issue.code}`;
  const reason = t(key, { ...localizedParams(t, issue), defaultValue: issue.code });
  return t('catalog.rowErrors.format', { row: issue.row, field: issue.field, reason });
}
