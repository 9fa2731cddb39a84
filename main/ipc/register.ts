import type { z } from 'zod';
import { channels, type Channel, type ChannelOutput, type ParsedChannelInput, type IpcResult } from '../../preload/contract';
import { AppError } from '../errors';
import { explainAmazonError } from '../amazon/explain';
import { createLogger } from '../log/logger';
import type { Translator } from '../i18n';

const logger = createLogger('ipc');

export type Handler<C extends Channel> = (input: ParsedChannelInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
/** Every channel of the contract must have a handler: the type makes a missing one a compile error. */
export type HandlerMap = { readonly [C in Channel]: Handler<C> };
export type PartialHandlerMap = { readonly [C in Channel]?: Handler<C> };

/**
 * Only Vitrine's own renderer may call: its app:// page or, in development, its dev server.
 * Scheme and host are compared, not `URL.origin`: a custom scheme's origin is the opaque "null",
 * which every other custom-scheme page shares.
 */
export function isTrustedSenderUrl(url: string | undefined, trustedOrigins: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return trustedOrigins.some((trusted) => {
    const t = new URL(trusted);
    if (t.protocol === 'file:') return parsed.protocol === 'file:' && parsed.pathname === t.pathname;
    return parsed.protocol === t.protocol && parsed.host === t.host && t.host !== '';
  });
}

/** The calling frame as Electron gives it (`WebFrameMain`): its URL, and its parent unless it is the top frame. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** A call is trusted only from the top frame of a trusted page: a subframe never speaks for the app. */
export function isTrustedSender(frame: SenderFrame | null | undefined, trustedOrigins: readonly string[]): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isTrustedSenderUrl(frame.url, trustedOrigins);
}

function zodIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(input)'}: ${i.message}`).join('; ');
}

/**
 * Validates and runs one call. Input arrives as `unknown` and is parsed with the channel's schema;
 * the result is always an envelope. Expected failures (AppError) keep their code; anything else is
 * logged with context and reported as INTERNAL without leaking internals to the renderer.
 */
export async function dispatch(
  handlers: PartialHandlerMap,
  translator: Translator,
  channel: string,
  rawInput: unknown,
  trusted: boolean,
): Promise<IpcResult<unknown>> {
  const { t } = translator;
  if (!trusted) {
    logger.warn(`refused ${channel} from an untrusted sender`);
    return { ok: false, error: { code: 'UNTRUSTED_SENDER', message: t('errors.UNTRUSTED_SENDER') } };
  }
  if (!Object.hasOwn(channels, channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: t('errors.UNKNOWN_CHANNEL', { channel }) } };
  }
  const c = channel as Channel;
  const handler = handlers[c] as ((input: unknown) => unknown) | undefined;
  if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: t('errors.UNKNOWN_CHANNEL', { channel }) } };
  const parsed = channels[c].input.safeParse(rawInput);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: t('errors.INVALID_INPUT', { issues }), details: { issues: parsed.error.issues } },
    };
  }
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (thrown) {
    // Amazon's failures are explained here, once, for every channel (Amazon's words kept in details).
    const err = explainAmazonError(thrown) ?? thrown;
    if (err instanceof AppError) {
      const key = `errors.${err.code}`;
      const message = translator.has(key) ? t(key, err.params as Record<string, unknown>) : err.message;
      return { ok: false, error: { code: err.code, message, ...(err.details ? { details: err.details } : {}) } };
    }
    logger.error(`handler ${channel} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: t('errors.INTERNAL') } };
  }
}

/** The slice of Electron's ipcMain we use, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: SenderFrame | null }, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers every contract channel with Electron's ipcMain and forwards each call from a trusted
 * sender (the top frame of Vitrine's own page) to the core process, which parses the input with
 * the channel's schema and runs the handler. An untrusted sender or an unknown channel is
 * answered here, in the seller's language, without reaching the core.
 */
export function registerForwarding(
  ipcMain: IpcMainLike,
  forward: (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>,
  translator: () => Pick<Translator, 't'>,
  trustedOrigins: readonly string[],
): () => void {
  const names = Object.keys(channels) as Channel[];
  for (const channel of names) {
    ipcMain.handle(channel, (event, input) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) {
        logger.warn(`refused ${channel} from an untrusted sender`);
        return Promise.resolve({ ok: false, error: { code: 'UNTRUSTED_SENDER', message: translator().t('errors.UNTRUSTED_SENDER') } });
      }
      return forward(channel, input);
    });
  }
  return () => names.forEach((c) => ipcMain.removeHandler(c));
}
