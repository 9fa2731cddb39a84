import { create } from 'zustand';
import type { ChannelInput, ChosenFile, TaskProgress } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, type Load } from '../../app/load';

/** The catalog export and the blank template: a file chosen with "Save as…", written by main. */
export interface ExportState {
  readonly file: ChosenFile | null;
  /** The written file keeps its token for "show in folder". */
  readonly result: Load<{ readonly rows: number } & ChosenFile>;
  readonly progress: TaskProgress | null;
  readonly template: Load<ChosenFile>;
  /** A Save dialog that failed (a cancelled one changes nothing). */
  readonly chooseError: ApiError | null;
}

export const initialExportState: ExportState = { file: null, result: idle, progress: null, template: idle, chooseError: null };

export function exportFileChanged(state: ExportState, file: ChosenFile | null): ExportState {
  return { ...state, file, result: idle, chooseError: null };
}

export function chooseFailed(state: ExportState, error: ApiError): ExportState {
  return { ...state, chooseError: error };
}

export function exportStarted(state: ExportState): ExportState {
  return { ...state, result: loading(idle), progress: null };
}

export function exportSucceeded(state: ExportState, rows: number, file: ChosenFile): ExportState {
  return { ...state, result: ready({ rows, ...file }), progress: null };
}

export function exportFailed(state: ExportState, error: ApiError): ExportState {
  return { ...state, result: failed(state.result, error), progress: null };
}

export function exportProgress(state: ExportState, progress: TaskProgress): ExportState {
  return progress.kind === 'catalog-export' && state.result.status === 'loading' && !progress.finished ? { ...state, progress } : state;
}

export function templateStarted(state: ExportState): ExportState {
  return { ...state, template: loading(idle) };
}

export function templateSaved(state: ExportState, file: ChosenFile): ExportState {
  return { ...state, template: ready(file) };
}

export function templateFailed(state: ExportState, error: ApiError): ExportState {
  return { ...state, template: failed(state.template, error) };
}

export const selectExportDone = (s: ExportState) => (s.result.status === 'ready' ? s.result.value : null);
export const selectExportError = (s: ExportState): ApiError | null => errorOf(s.result) ?? s.chooseError;
export const selectExporting = (s: ExportState): boolean => s.result.status === 'loading';
export const selectTemplateSaved = (s: ExportState): ChosenFile | null => (s.template.status === 'ready' ? s.template.value : null);
export const selectTemplateError = (s: ExportState): ApiError | null => errorOf(s.template);

export const useExportStore = create<ExportState>(() => initialExportState);

/** "Save as…" for the export; a cancelled dialog keeps the previous choice. */
export async function chooseExportFile(suggestedName: string): Promise<void> {
  const outcome = await request('files:choose-export', { format: 'xlsx', suggestedName });
  if (!outcome.ok) useExportStore.setState((s) => chooseFailed(s, outcome.error));
  else if (outcome.value) useExportStore.setState((s) => exportFileChanged(s, outcome.value));
}

/** Exports the whole catalog, or with `filter` only the products the list shows under it. */
export async function runExport(filter?: ChannelInput<'catalog:export'>['filter']): Promise<void> {
  const file = useExportStore.getState().file;
  if (!file) return;
  useExportStore.setState(exportStarted);
  const outcome = await request('catalog:export', { fileToken: file.fileToken, ...(filter ? { filter } : {}) });
  useExportStore.setState((s) => (outcome.ok ? exportSucceeded(s, outcome.value.rows, file) : exportFailed(s, outcome.error)));
}

/** "Save the template as…": the Save dialog, then main writes the blank spreadsheet there. */
export async function saveTemplate(suggestedName: string): Promise<void> {
  const chosen = await request('files:choose-export', { format: 'xlsx', suggestedName });
  if (!chosen.ok) {
    useExportStore.setState((s) => templateFailed(s, chosen.error));
    return;
  }
  const file = chosen.value;
  if (!file) return;
  useExportStore.setState(templateStarted);
  const outcome = await request('catalog:template', { fileToken: file.fileToken });
  useExportStore.setState((s) => (outcome.ok ? templateSaved(s, file) : templateFailed(s, outcome.error)));
}
