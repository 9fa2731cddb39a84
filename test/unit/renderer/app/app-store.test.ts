import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../renderer/app/api';
import {
  changeLocale,
  infoFailed,
  infoLoaded,
  infoRequested,
  initialAppState,
  loadAppInfo,
  localeFailed,
  openAtLoginFailed,
  openAtLoginRequested,
  openAtLoginSaved,
  changeOpenAtLogin,
  selectOpenAtLogin,
  selectOpenAtLoginError,
  selectOpenAtLoginSupported,
  selectSavingOpenAtLogin,
  localeRequested,
  localeSaved,
  selectFollowsSystem,
  selectLocale,
  selectLocaleError,
  selectSavingLocale,
  useAppStore,
} from '../../../../renderer/app/app-store';
import { installFakeBridge } from '../fake-bridge';

const pt = {
  name: 'Vitrine',
  version: '1.2.3',
  platform: 'linux',
  locale: 'pt-BR',
  localeFollowsSystem: true,
  openAtLogin: false,
  openAtLoginSupported: true,
} as const;
const en = { ...pt, locale: 'en', localeFollowsSystem: false } as const;
const failure = new ApiError({ code: 'INTERNAL', message: 'Falhou' });

describe('app state transitions', () => {
  it('loads info, keeping the old value while reloading', () => {
    const loaded = infoLoaded(infoRequested(initialAppState), pt);
    expect(selectLocale(loaded)).toBe('pt-BR');
    expect(infoRequested(loaded).info).toEqual({ status: 'loading', value: pt });
    expect(infoFailed(loaded, failure).info).toEqual({ status: 'failed', value: pt, error: failure });
  });

  it('tracks a locale change from request to saved', () => {
    const loaded = infoLoaded(initialAppState, pt);
    const saving = localeRequested(loaded, 'en');
    expect(selectSavingLocale(saving)).toBe('en');
    const saved = localeSaved(saving, en);
    expect(selectSavingLocale(saved)).toBeNull();
    expect(selectLocale(saved)).toBe('en');
    expect(selectFollowsSystem(saved)).toBe(false);
  });

  it('records "system" when the seller goes back to the OS language', () => {
    expect(selectSavingLocale(localeRequested(initialAppState, null))).toBe('system');
  });

  it('keeps the current locale when saving fails', () => {
    const loaded = infoLoaded(initialAppState, pt);
    const state = localeFailed(localeRequested(loaded, 'en'), failure);
    expect(selectLocale(state)).toBe('pt-BR');
    expect(selectLocaleError(state)).toBe(failure);
    expect(selectLocaleError(localeRequested(state, 'en'))).toBeNull();
  });

  it('follows the system until info says otherwise', () => {
    expect(selectFollowsSystem(initialAppState)).toBe(true);
    expect(selectLocale(initialAppState)).toBeNull();
  });
});

describe('start at login', () => {
  it('shows the requested value while saving, then what main stored', () => {
    const loaded = infoLoaded(initialAppState, pt);
    expect(selectOpenAtLogin(initialAppState)).toBeNull();
    const saving = openAtLoginRequested(loaded, true);
    expect(selectOpenAtLogin(saving)).toBe(true);
    expect(selectOpenAtLoginSupported(saving)).toBe(true);
    expect(selectSavingOpenAtLogin(saving)).toBe(true);
    const saved = openAtLoginSaved(saving, { ...pt, openAtLogin: true });
    expect(selectOpenAtLogin(saved)).toBe(true);
    expect(selectSavingOpenAtLogin(saved)).toBe(false);
  });

  it('falls back to the stored value when saving fails', () => {
    const state = openAtLoginFailed(openAtLoginRequested(infoLoaded(initialAppState, pt), true), failure);
    expect(selectOpenAtLogin(state)).toBe(false);
    expect(selectOpenAtLoginError(state)).toBe(failure);
  });
});

describe('app store actions', () => {
  let bridge: ReturnType<typeof installFakeBridge>;
  beforeEach(() => useAppStore.setState(initialAppState, true));
  afterEach(() => bridge.remove());

  it('loadAppInfo stores what main reports', async () => {
    bridge = installFakeBridge({ appInfo: { ok: true, value: pt } });
    await loadAppInfo();
    expect(useAppStore.getState().info).toEqual({ status: 'ready', value: pt });
  });

  it('changeLocale sends the choice and adopts the answer', async () => {
    bridge = installFakeBridge({ appSetLocale: { ok: true, value: en } });
    await changeLocale('en');
    expect(bridge.calls).toEqual([{ name: 'appSetLocale', input: { locale: 'en' } }]);
    expect(selectLocale(useAppStore.getState())).toBe('en');
  });

  it('changeOpenAtLogin sends the choice and adopts the answer', async () => {
    bridge = installFakeBridge({ appSetOpenAtLogin: { ok: true, value: { ...pt, openAtLogin: true } } });
    useAppStore.setState((s) => infoLoaded(s, pt));
    await changeOpenAtLogin(true);
    expect(bridge.calls).toEqual([{ name: 'appSetOpenAtLogin', input: { enabled: true } }]);
    expect(selectOpenAtLogin(useAppStore.getState())).toBe(true);
  });

  it('changeLocale keeps the typed error', async () => {
    bridge = installFakeBridge({ appSetLocale: { ok: false, error: { code: 'INVALID_INPUT', message: 'x' } } });
    await changeLocale(null);
    expect(bridge.calls[0]?.input).toEqual({ locale: null });
    expect(selectLocaleError(useAppStore.getState())?.code).toBe('INVALID_INPUT');
  });
});
