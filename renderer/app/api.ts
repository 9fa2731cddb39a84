import {
  apiName,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
  type IpcError,
  type IpcResult,
  type VitrineApi,
} from '../../preload/contract';

declare global {
  interface Window {
    /** Built by the preload (or, in E2E tests, by the harness): one function per channel. */
    readonly vitrine: VitrineApi;
  }
}

/** Codes raised on this side of the bridge; main's own codes arrive already localized. */
export const RENDERER_ERROR_CODES = ['BRIDGE_UNAVAILABLE', 'IPC_FAILED'] as const;
export type RendererErrorCode = (typeof RENDERER_ERROR_CODES)[number];

/** A failed call, as stores keep it: main's stable code, its localized message and details. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(error: IpcError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.code = error.code;
    this.details = error.details;
  }

  /** True for failures that happened before main answered (no bridge, a broken channel). */
  get fromRenderer(): boolean {
    return (RENDERER_ERROR_CODES as readonly string[]).includes(this.code);
  }
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

type Args<C extends Channel> = ChannelInput<C> extends void | undefined ? [] : [input: ChannelInput<C>];
type AnyCall = (input?: unknown) => Promise<IpcResult<unknown>>;

function bridge(): VitrineApi {
  const api = (globalThis as { vitrine?: VitrineApi }).vitrine;
  if (!api) throw new ApiError({ code: 'BRIDGE_UNAVAILABLE', message: 'window.vitrine is not available' });
  return api;
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new ApiError({ code: 'IPC_FAILED', message }, { cause: err });
}

/** The envelope as a value-or-typed-error, so stores branch on `ok` instead of catching. */
export function unwrap<T>(result: IpcResult<T>): Outcome<T> {
  return result.ok ? result : { ok: false, error: new ApiError(result.error) };
}

/** Calls one channel; never rejects. */
export async function request<C extends Channel>(channel: C, ...args: Args<C>): Promise<Outcome<ChannelOutput<C>>> {
  try {
    const fn = (bridge() as unknown as Record<string, AnyCall | undefined>)[apiName(channel)];
    if (typeof fn !== 'function') {
      return { ok: false, error: new ApiError({ code: 'BRIDGE_UNAVAILABLE', message: `${channel} is not exposed` }) };
    }
    return unwrap((await fn(...args)) as IpcResult<ChannelOutput<C>>);
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}

/** Calls one channel and throws ApiError on failure, for code that already sits in a try block. */
export async function call<C extends Channel>(channel: C, ...args: Args<C>): Promise<ChannelOutput<C>> {
  const outcome = await request(channel, ...args);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Subscribes to a push event from main; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  const api = (globalThis as { vitrine?: VitrineApi }).vitrine;
  if (!api) return () => undefined;
  return api.on(event, listener);
}
