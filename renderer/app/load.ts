import type { ApiError } from './api';

/**
 * The state of one piece of data fetched from main. A reload keeps the previous value so the
 * screen does not blank while it refreshes, and a failure keeps it too (stale beats empty).
 */
export type Load<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly value: T | null }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly value: T | null; readonly error: ApiError };

export const idle: Load<never> = { status: 'idle' };

export function valueOf<T>(load: Load<T>): T | null {
  return load.status === 'idle' ? null : load.value;
}

export function loading<T>(load: Load<T>): Load<T> {
  return { status: 'loading', value: valueOf(load) };
}

export function ready<T>(value: T): Load<T> {
  return { status: 'ready', value };
}

export function failed<T>(load: Load<T>, error: ApiError): Load<T> {
  return { status: 'failed', value: valueOf(load), error };
}

export function errorOf<T>(load: Load<T>): ApiError | null {
  return load.status === 'failed' ? load.error : null;
}
