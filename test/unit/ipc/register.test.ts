import { describe, expect, it } from 'vitest';
import { dispatch, isTrustedSenderUrl, registerForwarding, type IpcMainLike } from '../../../main/ipc/register';
import { Translator } from '../../../main/i18n';
import { AppError } from '../../../main/errors';
import { SpApiError } from '../../../main/amazon/errors';
import { channelNames, type Locale } from '../../../preload/contract';

const en = new Translator('en');
const info = {
  name: 'Vitrine',
  version: '1',
  platform: 'linux',
  locale: 'en' as const,
  localeFollowsSystem: true,
  openAtLogin: false,
  openAtLoginSupported: false,
};
const handlers = {
  'app:info': () => info,
  'app:set-locale': ({ locale }: { locale: Locale | null }) => ({ ...info, locale: locale ?? 'en' }),
};

describe('dispatch', () => {
  it('refuses an untrusted sender without running the handler', async () => {
    let ran = false;
    const result = await dispatch({ 'app:info': () => ((ran = true), info) }, en, 'app:info', undefined, false);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    expect(ran).toBe(false);
  });

  it('refuses an invalid payload with INVALID_INPUT naming the field', async () => {
    const result = await dispatch(handlers, en, 'app:set-locale', { locale: 'fr' }, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message).toContain('locale');
  });

  it('localizes validation errors in pt-BR', async () => {
    const result = await dispatch(handlers, new Translator('pt-BR'), 'app:set-locale', 42, true);
    expect(!result.ok && result.error.message).toMatch(/^A solicitação não é válida/);
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch(handlers, en, 'fs:read', {}, true)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('returns the value of a valid call', async () => {
    expect(await dispatch(handlers, en, 'app:set-locale', { locale: 'pt-BR' }, true)).toEqual({ ok: true, value: { ...info, locale: 'pt-BR' } });
  });

  it('keeps the code of an expected failure and hides unexpected ones', async () => {
    const expected = await dispatch(
      {
        'app:info': () => {
          throw new AppError('DB_TOO_NEW', { dbVersion: 9, appVersion: 3 });
        },
      },
      en,
      'app:info',
      undefined,
      true,
    );
    expect(expected).toMatchObject({ ok: false, error: { code: 'DB_TOO_NEW' } });
    expect(!expected.ok && expected.error.message).toContain('schema 9');
    const unexpected = await dispatch(
      {
        'app:info': () => {
          throw new Error('secret internals /home/x');
        },
      },
      en,
      'app:info',
      undefined,
      true,
    );
    expect(unexpected).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!unexpected.ok && unexpected.error.message).not.toContain('internals');
  });

  it('explains an Amazon failure from any handler, keeping Amazon’s words (a 403 is not INTERNAL)', async () => {
    const amazon = new SpApiError({
      operationId: 'createReport',
      status: 403,
      errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.' }],
      requestId: 'req-1',
      retryable: false,
    });
    const result = await dispatch({ 'app:info': () => Promise.reject(amazon) }, new Translator('pt-BR'), 'app:info', undefined, true);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'SPAPI_UNAUTHORIZED',
        details: { amazon: { code: 'Unauthorized', message: 'Access to requested resource is denied.', requestId: 'req-1' } },
      },
    });
  });
});

describe('isTrustedSenderUrl', () => {
  const file = 'file:///opt/Vitrine/resources/app.asar/out/renderer/index.html';
  it('trusts only the app page or the dev server origin', () => {
    expect(isTrustedSenderUrl(`${file}#/products`, [file])).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', [file])).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/#/x', ['http://localhost:5173'])).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
    expect(isTrustedSenderUrl('https://evil.example/', [file])).toBe(false);
    expect(isTrustedSenderUrl(undefined, [file])).toBe(false);
    expect(isTrustedSenderUrl('not a url', [file])).toBe(false);
  });

  it('compares a custom scheme by scheme and host (its URL origin is the opaque "null")', () => {
    expect(isTrustedSenderUrl('app://vitrine/index.html#/sync', ['app://vitrine'])).toBe(true);
    expect(isTrustedSenderUrl('app://evil/index.html', ['app://vitrine'])).toBe(false);
    expect(isTrustedSenderUrl('other://vitrine/index.html', ['app://vitrine'])).toBe(false);
    expect(isTrustedSenderUrl('data:text/html,x', ['app://vitrine'])).toBe(false);
  });
});

describe('registerForwarding', () => {
  it('registers every contract channel and forwards only calls from the top frame of a trusted page', async () => {
    const registered = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
    const fake: IpcMainLike = { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void registered.delete(c) };
    const forwarded: [string, unknown][] = [];
    const dispose = registerForwarding(
      fake,
      async (channel, input) => {
        forwarded.push([channel, input]);
        return { ok: true, value: 'from the core' };
      },
      () => en,
      ['app://vitrine'],
    );
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort());
    const call = registered.get('app:info')!;
    expect(await call({ senderFrame: { url: 'app://vitrine/index.html#/sync', parent: null } }, { a: 1 })).toEqual({ ok: true, value: 'from the core' });
    const refused = { ok: false, error: { code: 'UNTRUSTED_SENDER' } };
    expect(await call({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined)).toMatchObject(refused);
    expect(await call({ senderFrame: null }, undefined)).toMatchObject(refused);
    // A subframe (even one showing the app's own page) never speaks for the app.
    expect(await call({ senderFrame: { url: 'app://vitrine/index.html', parent: { url: 'app://vitrine/index.html' } } }, undefined)).toMatchObject(refused);
    expect(forwarded).toEqual([['app:info', { a: 1 }]]);
    dispose();
    expect(registered.size).toBe(0);
  });
});
