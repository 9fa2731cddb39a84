import { create } from 'zustand';
import type { CatalogColumnMapping, ChosenFile, ImportReportView, TaskProgress } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

export const importSteps = ['file', 'mapping', 'result'] as const;
export type ImportStep = (typeof importSteps)[number];

/** The progress kinds main emits for the catalog's file work (main/catalog/service.ts). */
export const IMPORT_TASK_KINDS = ['catalog-import-preview', 'catalog-import'] as const;

export interface ImportState {
  readonly step: ImportStep;
  /** The spreadsheet picked in the system's Open dialog (main keeps the path behind the token). */
  readonly file: ChosenFile | null;
  /** Where refused rows go on commit when the seller chose with "Save as…"; null: beside the spreadsheet. */
  readonly rejectedFile: ChosenFile | null;
  /** A dialog that failed (not a cancelled one: cancelling changes nothing). */
  readonly chooseError: ApiError | null;
  /** The mapping the seller sees: main's guess first, then their edits. */
  readonly columns: readonly CatalogColumnMapping[];
  /** True once the seller changed a column: previews and the import send the mapping. */
  readonly mappingEdited: boolean;
  readonly preview: Load<ImportReportView>;
  readonly commit: Load<ImportReportView>;
  readonly progress: TaskProgress | null;
}

export const initialImportState: ImportState = {
  step: 'file',
  file: null,
  rejectedFile: null,
  chooseError: null,
  columns: [],
  mappingEdited: false,
  preview: idle,
  commit: idle,
  progress: null,
};

/** `produtos.xlsx` → `produtos-erros.xlsx`: the name main gives the refused rows beside the spreadsheet (same format). */
export function rejectedFileFor(file: string, suffix = 'erros'): string {
  const match = /^(.*?)(\.[^./\\]+)?$/.exec(file.trim());
  const base = match?.[1] ?? file;
  const ext = match?.[2]?.toLowerCase() === '.csv' ? '.csv' : '.xlsx';
  return base ? `${base}-${suffix}${ext}` : '';
}

export function fileChanged(state: ImportState, file: ChosenFile | null): ImportState {
  return { ...initialImportState, file };
}

export function rejectedFileChanged(state: ImportState, rejectedFile: ChosenFile | null): ImportState {
  return { ...state, rejectedFile, chooseError: null };
}

export function chooseFailed(state: ImportState, error: ApiError): ImportState {
  return { ...state, chooseError: error };
}

export function previewStarted(state: ImportState): ImportState {
  return { ...state, preview: loading(state.preview), commit: idle, progress: null };
}

export function previewSucceeded(state: ImportState, report: ImportReportView): ImportState {
  return { ...state, step: 'mapping', preview: ready(report), columns: report.columns, progress: null };
}

export function previewFailed(state: ImportState, error: ApiError): ImportState {
  return { ...state, preview: failed(state.preview, error), progress: null };
}

/** One field per column: choosing a field another column holds frees that column. */
export function columnMapped(state: ImportState, input: { readonly column: number; readonly field: string | null }): ImportState {
  const columns = state.columns.map((c) => {
    if (c.column === input.column) return { ...c, field: input.field };
    if (input.field !== null && c.field?.toLowerCase() === input.field.toLowerCase()) return { ...c, field: null };
    return c;
  });
  return { ...state, columns, mappingEdited: true };
}

export function commitStarted(state: ImportState): ImportState {
  return { ...state, commit: loading(idle), progress: null };
}

export function commitSucceeded(state: ImportState, report: ImportReportView): ImportState {
  return { ...state, step: 'result', commit: ready(report), progress: null };
}

export function commitFailed(state: ImportState, error: ApiError): ImportState {
  return { ...state, commit: failed(state.commit, error), progress: null };
}

export function progressReported(state: ImportState, progress: TaskProgress): ImportState {
  if (!(IMPORT_TASK_KINDS as readonly string[]).includes(progress.kind)) return state;
  const busy = state.preview.status === 'loading' || state.commit.status === 'loading';
  return busy && !progress.finished ? { ...state, progress } : state;
}

export function stepShown(state: ImportState, step: ImportStep): ImportState {
  if (step === 'mapping' && state.preview.status !== 'ready') return state;
  if (step === 'result' && state.commit.status !== 'ready') return state;
  return { ...state, step };
}

export const selectStep = (s: ImportState): ImportStep => s.step;
export const selectPreview = (s: ImportState): ImportReportView | null => valueOf(s.preview);
export const selectPreviewError = (s: ImportState): ApiError | null => errorOf(s.preview);
export const selectCommitReport = (s: ImportState): ImportReportView | null => (s.commit.status === 'ready' ? s.commit.value : null);
export const selectCommitError = (s: ImportState): ApiError | null => errorOf(s.commit);
export const selectBusy = (s: ImportState): boolean => s.preview.status === 'loading' || s.commit.status === 'loading';
export const selectProgress = (s: ImportState): TaskProgress | null => s.progress;
export const selectChooseError = (s: ImportState): ApiError | null => s.chooseError;

export const useImportStore = create<ImportState>(() => initialImportState);

function mappingInput(state: ImportState) {
  return state.mappingEdited ? { mapping: state.columns.map(({ column, field }) => ({ column, field })) } : {};
}

/** The system's Open dialog; a cancelled dialog keeps what was there. */
export async function chooseImportFile(): Promise<void> {
  const outcome = await request('files:choose-import');
  if (!outcome.ok) useImportStore.setState((s) => chooseFailed(s, outcome.error));
  else if (outcome.value) useImportStore.setState((s) => fileChanged(s, outcome.value));
}

/** The demo store's sample spreadsheet (about 200 products), for a seller trying Vitrine on the demo account. */
export async function chooseSampleSheet(): Promise<void> {
  const outcome = await request('ean:sample-sheet');
  if (!outcome.ok) useImportStore.setState((s) => chooseFailed(s, outcome.error));
  else useImportStore.setState((s) => fileChanged(s, outcome.value));
}

/** "Save as…" for the refused rows, suggesting the name they would get beside the spreadsheet. */
export async function chooseRejectedFile(suffix: string): Promise<void> {
  const file = useImportStore.getState().file;
  if (!file) return;
  const suggestedName = rejectedFileFor(file.name, suffix);
  const outcome = await request('files:choose-export', { format: suggestedName.endsWith('.csv') ? 'csv' : 'xlsx', suggestedName });
  if (!outcome.ok) useImportStore.setState((s) => chooseFailed(s, outcome.error));
  else if (outcome.value) useImportStore.setState((s) => rejectedFileChanged(s, outcome.value));
}

export async function runPreview(): Promise<void> {
  const state = useImportStore.getState();
  if (!state.file) return;
  useImportStore.setState(previewStarted);
  const outcome = await request('catalog:import-preview', { fileToken: state.file.fileToken, ...mappingInput(state) });
  useImportStore.setState((s) => (outcome.ok ? previewSucceeded(s, outcome.value) : previewFailed(s, outcome.error)));
}

export async function runCommit(): Promise<ImportReportView | null> {
  const state = useImportStore.getState();
  if (!state.file) return null;
  useImportStore.setState(commitStarted);
  const outcome = await request('catalog:import-commit', {
    fileToken: state.file.fileToken,
    ...mappingInput(state),
    ...(state.rejectedFile ? { rejectedFileToken: state.rejectedFile.fileToken } : {}),
  });
  useImportStore.setState((s) => (outcome.ok ? commitSucceeded(s, outcome.value) : commitFailed(s, outcome.error)));
  return outcome.ok ? outcome.value : null;
}
