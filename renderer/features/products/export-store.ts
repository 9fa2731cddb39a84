import { create } from 'zustand';
import type { TaskProgress } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, type Load } from '../../app/load';

/** The catalog export and the blank template: a path in, a file out. */
export interface ExportState {
  readonly file: string;
  readonly result: Load<{ readonly rows: number; readonly file: string }>;
  readonly progress: TaskProgress | null;
  readonly templateFile: string;
  readonly template: Load<{ readonly file: string }>;
}

export const initialExportState: ExportState = { file: '', result: idle, progress: null, templateFile: '', template: idle };

export function exportFileChanged(state: ExportState, file: string): ExportState {
  return { ...state, file, result: idle };
}

export function exportStarted(state: ExportState): ExportState {
  return { ...state, result: loading(idle), progress: null };
}

export function exportSucceeded(state: ExportState, rows: number): ExportState {
  return { ...state, result: ready({ rows, file: state.file.trim() }), progress: null };
}

export function exportFailed(state: ExportState, error: ApiError): ExportState {
  return { ...state, result: failed(state.result, error), progress: null };
}

export function exportProgress(state: ExportState, progress: TaskProgress): ExportState {
  return progress.kind === 'catalog-export' && state.result.status === 'loading' && !progress.finished ? { ...state, progress } : state;
}

export function templateFileChanged(state: ExportState, templateFile: string): ExportState {
  return { ...state, templateFile, template: idle };
}

export function templateStarted(state: ExportState): ExportState {
  return { ...state, template: loading(idle) };
}

export function templateSaved(state: ExportState, file: string): ExportState {
  return { ...state, template: ready({ file }) };
}

export function templateFailed(state: ExportState, error: ApiError): ExportState {
  return { ...state, template: failed(state.template, error) };
}

export const selectExportDone = (s: ExportState) => (s.result.status === 'ready' ? s.result.value : null);
export const selectExportError = (s: ExportState): ApiError | null => errorOf(s.result);
export const selectExporting = (s: ExportState): boolean => s.result.status === 'loading';
export const selectTemplateSaved = (s: ExportState) => (s.template.status === 'ready' ? s.template.value.file : null);
export const selectTemplateError = (s: ExportState): ApiError | null => errorOf(s.template);

export const useExportStore = create<ExportState>(() => initialExportState);

export async function runExport(): Promise<void> {
  const file = useExportStore.getState().file.trim();
  if (!file) return;
  useExportStore.setState(exportStarted);
  const outcome = await request('catalog:export', { file });
  useExportStore.setState((s) => (outcome.ok ? exportSucceeded(s, outcome.value.rows) : exportFailed(s, outcome.error)));
}

export async function saveTemplate(): Promise<void> {
  const file = useExportStore.getState().templateFile.trim();
  if (!file) return;
  useExportStore.setState(templateStarted);
  const outcome = await request('catalog:template', { file });
  useExportStore.setState((s) => (outcome.ok ? templateSaved(s, outcome.value.file) : templateFailed(s, outcome.error)));
}
