import { create } from 'zustand';
import type { DashboardSummary } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

export interface DashboardState {
  readonly summary: Load<DashboardSummary>;
}

export const initialDashboardState: DashboardState = { summary: idle };

/** The summary's plain counters (the card numbers); times and the chart series are not counters. */
export type Counter = { [K in keyof DashboardSummary]: DashboardSummary[K] extends number ? K : never }[keyof DashboardSummary];

export function summaryRequested(state: DashboardState): DashboardState {
  return { summary: loading(state.summary) };
}

export function summaryLoaded(_state: DashboardState, summary: DashboardSummary): DashboardState {
  return { summary: ready(summary) };
}

export function summaryFailed(state: DashboardState, error: ApiError): DashboardState {
  return { summary: failed(state.summary, error) };
}

export const selectSummary = (s: DashboardState): DashboardSummary | null => valueOf(s.summary);
export const selectSummaryError = (s: DashboardState): ApiError | null => errorOf(s.summary);
export const selectSummaryLoading = (s: DashboardState): boolean => s.summary.status === 'loading' || s.summary.status === 'idle';
export const useDashboardStore = create<DashboardState>(() => initialDashboardState);

let inFlight: Promise<void> | null = null;

/** Fetches the counters; concurrent callers (mount + a finished task) share one request. */
export function loadDashboard(): Promise<void> {
  inFlight ??= (async () => {
    useDashboardStore.setState(summaryRequested);
    const outcome = await request('dashboard:summary');
    useDashboardStore.setState((s) => (outcome.ok ? summaryLoaded(s, outcome.value) : summaryFailed(s, outcome.error)));
  })().finally(() => {
    inFlight = null;
  });
  return inFlight;
}
