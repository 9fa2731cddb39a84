import { create } from 'zustand';
import type { AppInfo, Locale } from '../../preload/contract';
import { request, type ApiError } from './api';
import { failed, idle, loading, ready, valueOf, type Load } from './load';

/** What main told us about itself: name, version and the locale it chose (OS or the seller's pick). */
export interface AppState {
  readonly info: Load<AppInfo>;
  /** The language change being saved, or null. */
  readonly savingLocale: Locale | 'system' | null;
  readonly localeError: ApiError | null;
  /** The last language change was saved (the page remounts in the new language, so the store says it). */
  readonly localeSaved: boolean;
  /** The start-at-login change being saved, or null. */
  readonly savingOpenAtLogin: boolean | null;
  readonly openAtLoginError: ApiError | null;
}

export const initialAppState: AppState = {
  info: idle,
  savingLocale: null,
  localeError: null,
  localeSaved: false,
  savingOpenAtLogin: null,
  openAtLoginError: null,
};

export function infoRequested(state: AppState): AppState {
  return { ...state, info: loading(state.info) };
}

export function infoLoaded(state: AppState, info: AppInfo): AppState {
  return { ...state, info: ready(info) };
}

export function infoFailed(state: AppState, error: ApiError): AppState {
  return { ...state, info: failed(state.info, error) };
}

export function localeRequested(state: AppState, locale: Locale | null): AppState {
  return { ...state, savingLocale: locale ?? 'system', localeError: null, localeSaved: false };
}

export function localeSaved(state: AppState, info: AppInfo): AppState {
  return { ...state, info: ready(info), savingLocale: null, localeError: null, localeSaved: true };
}

export function localeFailed(state: AppState, error: ApiError): AppState {
  return { ...state, savingLocale: null, localeError: error };
}

export function openAtLoginRequested(state: AppState, enabled: boolean): AppState {
  return { ...state, savingOpenAtLogin: enabled, openAtLoginError: null };
}

export function openAtLoginSaved(state: AppState, info: AppInfo): AppState {
  return { ...state, info: ready(info), savingOpenAtLogin: null, openAtLoginError: null };
}

export function openAtLoginFailed(state: AppState, error: ApiError): AppState {
  return { ...state, savingOpenAtLogin: null, openAtLoginError: error };
}

export const selectInfo = (s: AppState): AppInfo | null => valueOf(s.info);
export const selectLocale = (s: AppState): Locale | null => valueOf(s.info)?.locale ?? null;
export const selectFollowsSystem = (s: AppState): boolean => valueOf(s.info)?.localeFollowsSystem ?? true;
export const selectInfoLoad = (s: AppState): Load<AppInfo> => s.info;
export const selectSavingLocale = (s: AppState): AppState['savingLocale'] => s.savingLocale;
export const selectLocaleError = (s: AppState): ApiError | null => s.localeError;
export const selectLocaleSaved = (s: AppState): boolean => s.localeSaved;

// Selectors return primitives or stored objects: a fresh object per call would re-render forever.
/** The value to show: the one being saved, else the stored one; null before app info arrives. */
export const selectOpenAtLogin = (s: AppState): boolean | null => s.savingOpenAtLogin ?? valueOf(s.info)?.openAtLogin ?? null;
export const selectOpenAtLoginSupported = (s: AppState): boolean => valueOf(s.info)?.openAtLoginSupported ?? false;
export const selectSavingOpenAtLogin = (s: AppState): boolean => s.savingOpenAtLogin !== null;
export const selectOpenAtLoginError = (s: AppState): ApiError | null => s.openAtLoginError;

export const useAppStore = create<AppState>(() => initialAppState);

export async function loadAppInfo(): Promise<void> {
  useAppStore.setState(infoRequested);
  const outcome = await request('app:info');
  useAppStore.setState((s) => (outcome.ok ? infoLoaded(s, outcome.value) : infoFailed(s, outcome.error)));
}

/** Saves the seller's language (null = follow the OS again); main answers with the locale now in force. */
export async function changeLocale(locale: Locale | null): Promise<void> {
  useAppStore.setState((s) => localeRequested(s, locale));
  const outcome = await request('app:set-locale', { locale });
  useAppStore.setState((s) => (outcome.ok ? localeSaved(s, outcome.value) : localeFailed(s, outcome.error)));
}

/** Starts Vitrine with the computer (hidden in the tray), so scheduled sends keep running. */
export async function changeOpenAtLogin(enabled: boolean): Promise<void> {
  useAppStore.setState((s) => openAtLoginRequested(s, enabled));
  const outcome = await request('app:set-open-at-login', { enabled });
  useAppStore.setState((s) => (outcome.ok ? openAtLoginSaved(s, outcome.value) : openAtLoginFailed(s, outcome.error)));
}
