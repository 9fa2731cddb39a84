import type { ProductFilter } from '../db/tables/products';
import { AppError } from '../errors';
import type { Services } from '../services';
import { cellText } from '../spreadsheet/cell';
import { openSheet } from '../spreadsheet/read-rows';
import type { SheetFileFormat } from '../spreadsheet/write-rows';
import { autoMap, guessField, isField, SIMPLE_FIELDS, type Field } from './columns';
import { exportProducts, writeTemplate } from './exporter';
import { findHeader, importProducts, type ImportReport } from './importer';

/**
 * A field as the seller writes it: its code (`price`, `characteristic:Cor`) or its column name as
 * the template and the mapping screen show it, in Portuguese or English ("Preço", "Price",
 * "Característica: Cor").
 */
export function fieldFromText(text: string): Field | undefined {
  const trimmed = text.trim();
  if (isField(trimmed)) return trimmed;
  return guessField(trimmed) ?? undefined;
}

/**
 * The auto-mapping of a file's header with some columns remapped by header name
 * ("Cor" → characteristic:Cor or "Característica: Cor", or "" to ignore a column): the CLI's
 * `--map Header=field`.
 */
export async function mappingWithOverrides(file: string, overrides: ReadonlyMap<string, string>): Promise<{ column: number; field: Field | null }[]> {
  const batches = (await openSheet(file)).batches();
  const headers = await findHeader(batches)
    .then(({ header }) => header?.cells.map((c) => cellText(c).trim()) ?? [])
    .finally(() => batches.return(undefined));
  const mapping = autoMap(headers).map((m) => ({ column: m.column, field: m.field as Field | null }));
  for (const [header, field] of overrides) {
    const column = headers.findIndex((h) => h.toLowerCase() === header.trim().toLowerCase());
    if (column < 0) throw new AppError('IMPORT_MAPPING_HEADER', { header });
    const resolved = field.trim() === '' ? null : fieldFromText(field);
    if (resolved === undefined) throw new AppError('IMPORT_MAPPING_FIELD', { field, accepted: SIMPLE_FIELDS.join(', ') });
    const target = mapping[column];
    if (target) target.field = resolved;
  }
  return mapping;
}

/**
 * The catalog's file operations wired to the app's services: the seller's language and the
 * progress events the renderer shows. IPC handlers and the CLI both call these.
 */
export async function runProductImport(
  services: Services,
  input: { file: string; mapping?: readonly { column: number; field: Field | null }[] | undefined; dryRun: boolean; rejectedFile?: string | undefined },
): Promise<ImportReport> {
  const progress = services.tasks.progress(input.dryRun ? 'catalog-import-preview' : 'catalog-import');
  const phase = input.dryRun ? 'catalog.progress.previewing' : 'catalog.progress.importing';
  const report = await importProducts(services.db, input.file, {
    dryRun: input.dryRun,
    mapping: input.mapping,
    rejectedFile: input.rejectedFile,
    t: services.translator.t,
    onProgress: (done, total) => progress.report(phase, done, total),
  });
  progress.finish(phase, report.rows);
  return report;
}

export async function runProductExport(
  services: Services,
  input: { file: string; format?: SheetFileFormat | undefined; filter?: ProductFilter | undefined },
): Promise<{ rows: number }> {
  const progress = services.tasks.progress('catalog-export');
  const result = await exportProducts(services.db, input.file, {
    t: services.translator.t,
    ...(input.format ? { format: input.format } : {}),
    ...(input.filter ? { filter: input.filter } : {}),
    onProgress: (done, total) => progress.report('catalog.progress.exporting', done, total),
  });
  progress.finish('catalog.progress.exporting', result.rows);
  return result;
}

export async function runTemplate(services: Services, input: { file: string; format?: SheetFileFormat | undefined }): Promise<void> {
  await writeTemplate(input.file, { t: services.translator.t, ...(input.format ? { format: input.format } : {}) });
}
