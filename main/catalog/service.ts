import type { Services } from '../services';
import type { SheetFileFormat } from '../spreadsheet/write-rows';
import type { Field } from './columns';
import { exportProducts, writeTemplate } from './exporter';
import { importProducts, type ImportReport } from './importer';

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

export async function runProductExport(services: Services, input: { file: string; format?: SheetFileFormat | undefined }): Promise<{ rows: number }> {
  const progress = services.tasks.progress('catalog-export');
  const result = await exportProducts(services.db, input.file, {
    t: services.translator.t,
    ...(input.format ? { format: input.format } : {}),
    onProgress: (done, total) => progress.report('catalog.progress.exporting', done, total),
  });
  progress.finish('catalog.progress.exporting', result.rows);
  return result;
}

export async function runTemplate(services: Services, input: { file: string; format?: SheetFileFormat | undefined }): Promise<void> {
  await writeTemplate(input.file, { t: services.translator.t, ...(input.format ? { format: input.format } : {}) });
}
