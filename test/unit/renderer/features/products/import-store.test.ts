import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReportView } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  chooseImportFile,
  chooseRejectedFile,
  columnMapped,
  commitFailed,
  commitStarted,
  commitSucceeded,
  fileChanged,
  initialImportState,
  previewFailed,
  previewStarted,
  previewSucceeded,
  progressReported,
  rejectedFileFor,
  runCommit,
  runPreview,
  selectBusy,
  selectChooseError,
  selectCommitError,
  selectPreviewError,
  stepShown,
  useImportStore,
} from '../../../../../renderer/features/products/import-store';
import { installFakeBridge } from '../../fake-bridge';

const report = (over: Partial<ImportReportView> = {}): ImportReportView => ({
  columns: [
    { column: 0, header: 'SKU', field: 'sku' },
    { column: 1, header: 'Preço', field: 'price' },
    { column: 2, header: 'Cor', field: null },
  ],
  sample: [['A', '1,00', 'Azul']],
  rows: 3,
  imported: 1,
  updated: 0,
  unchanged: 0,
  rejected: 2,
  errors: [],
  errorCount: 2,
  rejectedFile: null,
  rejectedFileToken: null,
  committed: false,
  ean: { total: 0, byCause: { missing: 0, checkDigit: 0, inStore: 0, duplicate: 0, other: 0 } },
  ...over,
});
const sheet = { fileToken: 'tok-sheet-0123456789ab', name: 'p.csv' };
const progress = (kind: string, finished = false) => ({ taskId: 't', kind, phase: 'catalog.progress.importing', done: 5, total: 10, finished });

describe('rejectedFileFor', () => {
  it('names the sibling file main writes, in the same format', () => {
    expect(rejectedFileFor('produtos.csv')).toBe('produtos-erros.csv');
    expect(rejectedFileFor('Produtos.XLSX', 'errors')).toBe('Produtos-errors.xlsx');
    expect(rejectedFileFor('produtos')).toBe('produtos-erros.xlsx');
    expect(rejectedFileFor('  ')).toBe('');
  });
});

describe('import state transitions', () => {
  it('moves to the mapping step with main’s guessed columns after a preview', () => {
    const s = previewSucceeded(previewStarted(fileChanged(initialImportState, sheet)), report());
    expect(s.step).toBe('mapping');
    expect(s.columns.map((c) => c.field)).toEqual(['sku', 'price', null]);
    expect(s.rejectedFile).toBeNull();
    expect(s.mappingEdited).toBe(false);
  });

  it('gives a field to one column only', () => {
    const s = previewSucceeded(fileChanged(initialImportState, sheet), report());
    const moved = columnMapped(s, { column: 2, field: 'price' });
    expect(moved.columns.map((c) => c.field)).toEqual(['sku', null, 'price']);
    expect(moved.mappingEdited).toBe(true);
    expect(columnMapped(s, { column: 0, field: null }).columns[0]?.field).toBeNull();
  });

  it('keeps typed failures and the step they happened in', () => {
    const error = new ApiError({ code: 'NO_SKU_COLUMN', message: 'sem SKU' });
    expect(selectPreviewError(previewFailed(previewStarted(initialImportState), error))).toBe(error);
    const mapped = previewSucceeded(initialImportState, report());
    const failed = commitFailed(commitStarted(mapped), error);
    expect(failed.step).toBe('mapping');
    expect(selectCommitError(failed)).toBe(error);
  });

  it('shows a step only when it has something to show', () => {
    expect(stepShown(initialImportState, 'mapping').step).toBe('file');
    const done = commitSucceeded(previewSucceeded(initialImportState, report()), report({ committed: true }));
    expect(done.step).toBe('result');
    expect(stepShown(done, 'file').step).toBe('file');
  });

  it('takes progress only for its own kinds, while busy, and not the final event', () => {
    const busy = commitStarted(previewSucceeded(initialImportState, report()));
    expect(selectBusy(busy)).toBe(true);
    expect(progressReported(busy, progress('catalog-import')).progress?.done).toBe(5);
    expect(progressReported(busy, progress('catalog-export'))).toBe(busy);
    expect(progressReported(busy, progress('catalog-import', true))).toBe(busy);
    expect(progressReported(initialImportState, progress('catalog-import'))).toBe(initialImportState);
  });

  it('starts over, keeping only the file, when the file changes', () => {
    const other = { fileToken: 'tok-other-0123456789ab', name: 'y.csv' };
    const s = fileChanged(commitSucceeded(previewSucceeded(initialImportState, report()), report()), other);
    expect(s).toEqual({ ...initialImportState, file: other });
  });
});

describe('import actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useImportStore.setState(fileChanged(initialImportState, sheet), true));
  afterEach(() => bridge.remove());

  it('previews without a mapping until the seller edits one, then sends it (rejected rows beside the file)', async () => {
    bridge = installFakeBridge({
      catalogImportPreview: { ok: true, value: report() },
      catalogImportCommit: { ok: true, value: report({ committed: true, rejectedFile: 'p-erros.csv' }) },
    });
    await runPreview();
    expect(bridge.calls[0]).toEqual({ name: 'catalogImportPreview', input: { fileToken: sheet.fileToken } });
    useImportStore.setState((s) => columnMapped(s, { column: 2, field: 'characteristic:Cor' }));
    const done = await runCommit();
    expect(done?.committed).toBe(true);
    expect(bridge.calls[1]?.input).toEqual({
      fileToken: sheet.fileToken,
      mapping: [
        { column: 0, field: 'sku' },
        { column: 1, field: 'price' },
        { column: 2, field: 'characteristic:Cor' },
      ],
    });
    expect(useImportStore.getState().step).toBe('result');
  });

  it('takes the file from the Open dialog; a cancelled dialog keeps the current one', async () => {
    const other = { fileToken: 'tok-other-0123456789ab', name: 'y.csv' };
    const answers = [
      { ok: true as const, value: null },
      { ok: true as const, value: other },
    ];
    bridge = installFakeBridge({ filesChooseImport: () => answers.shift() ?? { ok: true, value: null } });
    await chooseImportFile();
    expect(useImportStore.getState().file).toEqual(sheet);
    await chooseImportFile();
    expect(useImportStore.getState().file).toEqual(other);
  });

  it('sends the rejected-rows file chosen with "Save as…", suggesting the name beside the spreadsheet', async () => {
    const target = { fileToken: 'tok-target-0123456789ab', name: 'corrigir.csv' };
    bridge = installFakeBridge({
      filesChooseExport: { ok: true, value: target },
      catalogImportCommit: { ok: true, value: report({ committed: true, rejectedFile: 'corrigir.csv' }) },
    });
    await chooseRejectedFile('erros');
    await runCommit();
    expect(bridge.calls[0]).toEqual({ name: 'filesChooseExport', input: { format: 'csv', suggestedName: 'p-erros.csv' } });
    expect(bridge.calls[1]?.input).toEqual({ fileToken: sheet.fileToken, rejectedFileToken: target.fileToken });
  });

  it('keeps a failed dialog as a typed error', async () => {
    bridge = installFakeBridge({ filesChooseImport: { ok: false, error: { code: 'FILE_NOT_SPREADSHEET', message: 'não é planilha' } } });
    await chooseImportFile();
    expect(selectChooseError(useImportStore.getState())?.code).toBe('FILE_NOT_SPREADSHEET');
  });

  it('does nothing without a file', async () => {
    bridge = installFakeBridge({});
    useImportStore.setState(initialImportState, true);
    await runPreview();
    expect(bridge.calls).toEqual([]);
  });
});
