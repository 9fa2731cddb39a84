import { basename } from 'node:path';
import type { Services } from '../../services';
import { besideWithSuffix } from '../../files/names';
import { AppError } from '../../errors';
import { isField, SIMPLE_FIELDS, type Field } from '../../catalog/columns';
import type { ImportReport } from '../../catalog/importer';
import { runProductExport, runProductImport, runTemplate } from '../../catalog/service';
import { catalogMatchingFor } from '../../catalog-match/service';
import { editProduct, editSku, type EditOutcome } from '../../catalog/editor';
import { listCategories, productFilterOf, productList, productView } from '../../catalog/product-view';
import type { EditResult, ImportReportView } from '../../../preload/contract/catalog';
import type { PartialHandlerMap } from '../register';

/** Enough for the review screen; the rejected-rows file carries every row. */
const MAX_IPC_ERRORS = 1000;

function toMapping(mapping: readonly { column: number; field: string | null }[] | undefined): { column: number; field: Field | null }[] | undefined {
  return mapping?.map(({ column, field }) => {
    if (field !== null && !isField(field)) throw new AppError('IMPORT_MAPPING_FIELD', { field, accepted: SIMPLE_FIELDS.join(', ') });
    return { column, field };
  });
}

/** The rejected-rows file travels as a name and a token (for "show in folder"), like every file. */
function toView(services: Services, report: ImportReport): ImportReportView {
  const rejected = report.rejectedFile ? services.fileGrants.grant(report.rejectedFile, 'write') : null;
  return {
    ...report,
    columns: [...report.columns],
    sample: report.sample.map((r) => [...r]),
    errors: report.errors.slice(0, MAX_IPC_ERRORS),
    errorCount: report.errors.length,
    rejectedFile: rejected?.name ?? null,
    rejectedFileToken: rejected?.fileToken ?? null,
  };
}

function editResult(services: Services, outcome: EditOutcome): EditResult {
  return outcome.saved ? { saved: true, product: productView(services.db, outcome.productId) } : { saved: false, errors: [...outcome.errors] };
}

export function catalogHandlers(services: Services) {
  const grants = services.fileGrants;
  const t = () => services.translator.t;
  return {
    'catalog:list': (query) => productList(services.db, query),
    'catalog:get': ({ productId }) => productView(services.db, productId),
    'catalog:update-product': ({ productId, changes }) => editResult(services, editProduct(services.db, t(), productId, changes)),
    'catalog:update-sku': ({ skuId, changes }) => editResult(services, editSku(services.db, t(), skuId, changes)),
    'catalog:import-preview': async ({ fileToken, mapping }) =>
      toView(services, await runProductImport(services, { file: grants.resolve(fileToken, 'read'), mapping: toMapping(mapping), dryRun: true })),
    'catalog:import-commit': async ({ fileToken, mapping, rejectedFileToken }) => {
      const file = grants.resolve(fileToken, 'read');
      const rejectedFile = rejectedFileToken
        ? grants.resolve(rejectedFileToken, 'write')
        : besideWithSuffix(file, services.translator.t('catalog.rejected.fileSuffix'));
      const report = await runProductImport(services, { file, mapping: toMapping(mapping), dryRun: false, rejectedFile });
      void catalogMatchingFor(services).kick(); // find the new or changed EANs on Amazon, in the background
      return toView(services, report);
    },
    'catalog:export': async ({ fileToken, format, filter }) => {
      const file = grants.resolve(fileToken, 'write');
      const { rows } = await runProductExport(services, { file, format, filter: filter ? productFilterOf(filter) : undefined });
      return { rows, name: basename(file) };
    },
    'catalog:template': async ({ fileToken, format }) => {
      const file = grants.resolve(fileToken, 'write');
      await runTemplate(services, { file, format });
      return { name: basename(file) };
    },
    'catalog:categories': () => listCategories(services.db),
  } satisfies PartialHandlerMap;
}
