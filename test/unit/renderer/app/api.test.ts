import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, call, request, subscribe, toApiError, unwrap } from '../../../../renderer/app/api';
import { installFakeBridge } from '../fake-bridge';

const info = {
  name: 'Vitrine',
  version: '1.0.0',
  platform: 'linux',
  locale: 'pt-BR',
  localeFollowsSystem: true,
  openAtLogin: false,
  openAtLoginSupported: true,
} as const;
let bridge: ReturnType<typeof installFakeBridge> | undefined;

afterEach(() => bridge?.remove());

describe('unwrap', () => {
  it('keeps a value', () => {
    expect(unwrap({ ok: true, value: 3 })).toEqual({ ok: true, value: 3 });
  });

  it('turns an IpcError into a typed ApiError with code, message and details', () => {
    const outcome = unwrap({ ok: false, error: { code: 'AMAZON_UNAUTHORIZED', message: 'Token recusado', details: { sku: 'A1' } } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ApiError);
    expect(outcome.error.name).toBe('ApiError');
    expect(outcome.error.code).toBe('AMAZON_UNAUTHORIZED');
    expect(outcome.error.message).toBe('Token recusado');
    expect(outcome.error.details).toEqual({ sku: 'A1' });
    expect(outcome.error.fromRenderer).toBe(false);
  });
});

describe('request', () => {
  it('calls the function named after the channel and passes the input', async () => {
    bridge = installFakeBridge({ appSetLocale: { ok: true, value: info } });
    const outcome = await request('app:set-locale', { locale: 'en' });
    expect(outcome).toEqual({ ok: true, value: info });
    expect(bridge.calls).toEqual([{ name: 'appSetLocale', input: { locale: 'en' } }]);
  });

  it('reports a missing bridge as BRIDGE_UNAVAILABLE instead of throwing', async () => {
    const outcome = await request('app:info');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('BRIDGE_UNAVAILABLE');
      expect(outcome.error.fromRenderer).toBe(true);
    }
  });

  it('reports a rejected call as IPC_FAILED', async () => {
    bridge = installFakeBridge({ appInfo: new Error('channel closed') });
    const outcome = await request('app:info');
    expect(!outcome.ok && outcome.error.code).toBe('IPC_FAILED');
  });
});

describe('call', () => {
  it('returns the value or throws the ApiError', async () => {
    bridge = installFakeBridge({
      appInfo: { ok: true, value: info },
      dashboardSummary: { ok: false, error: { code: 'INTERNAL', message: 'Falhou' } },
    });
    await expect(call('app:info')).resolves.toEqual(info);
    await expect(call('dashboard:summary')).rejects.toMatchObject({ name: 'ApiError', code: 'INTERNAL' });
  });
});

describe('subscribe', () => {
  it('delivers events until unsubscribed', () => {
    bridge = installFakeBridge({});
    const seen: string[] = [];
    const stop = subscribe('app:navigate', ({ route }) => seen.push(route));
    bridge.emit('app:navigate', { route: 'orders' });
    stop();
    bridge.emit('app:navigate', { route: 'products' });
    expect(seen).toEqual(['orders']);
  });

  it('is a no-op without a bridge', () => {
    expect(() => subscribe('task:progress', () => undefined)()).not.toThrow();
  });
});

describe('toApiError', () => {
  it('keeps ApiErrors and wraps anything else', () => {
    const e = new ApiError({ code: 'X', message: 'x' });
    expect(toApiError(e)).toBe(e);
    expect(toApiError('boom')).toMatchObject({ code: 'IPC_FAILED', message: 'boom' });
  });
});
