import type { IpcResult } from '../../preload/contract';
import { AppError } from '../errors';
import { createLogger } from '../log/logger';
import type { CoreConfig, CoreMessage, CoreOpName, CoreOps, Endpoint, HostCallName, HostCalls, HostMessage } from './protocol';

const logger = createLogger('core-host');

/** A started core process, whatever launched it (utilityProcess, child_process.fork). */
export interface CoreProcess {
  readonly endpoint: Endpoint<CoreMessage, HostMessage>;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}
export type CoreLauncher = () => CoreProcess;

/** The host's side of each request the core makes (main/core/protocol.ts `HostCalls`). */
export type HostCallHandlers = {
  readonly [N in HostCallName]: (...args: Parameters<HostCalls[N]>) => ReturnType<HostCalls[N]> | Promise<ReturnType<HostCalls[N]>>;
};

/** What the window shows of the core: running, restarting after a crash, or given up. */
export type CoreState = 'starting' | 'running' | 'restarting' | 'failed';

export interface CoreHostOptions {
  readonly onEvent: (event: string, payload: unknown) => void;
  readonly onState?: (state: CoreState) => void;
  /** The seller's words for a call cut short by a crash, and for a core that cannot be restarted. */
  readonly messages: { readonly restarted: () => string; readonly unavailable: () => string };
  /** Waits before each restart; after the last one within `crashWindowMs` the core is given up. */
  readonly restartDelaysMs?: readonly number[];
  readonly crashWindowMs?: number;
  /** How long a shutdown may take before the process is killed. */
  readonly shutdownTimeoutMs?: number;
}

/** A start-up failure the core reported (the database cannot be opened…), in the seller's words. */
export class CoreStartError extends AppError {
  override name = 'CoreStartError';
  constructor(
    code: string,
    readonly sellerMessage: string,
  ) {
    super(code, {}, undefined, sellerMessage);
  }
}

const DEFAULT_RESTART_DELAYS = [250, 1000, 3000, 10_000] as const;

/**
 * Owns the core process from the host's side: starts it, forwards calls, answers its requests,
 * and restarts it when it dies. A call in flight when the core dies is answered with a
 * CORE_RESTARTED error (its work is either committed or not: the core's steps are crash-safe);
 * calls made while it restarts wait for it. Several crashes in a row and it is given up
 * (`failed`): calls get CORE_UNAVAILABLE and the window says so.
 */
export class CoreHost {
  private proc: CoreProcess | undefined;
  private state: CoreState = 'starting';
  private nextId = 1;
  private readonly invocations = new Map<number, (result: IpcResult<unknown>) => void>();
  private readonly opsInFlight = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  private ready: Promise<void>;
  private markReady!: () => void;
  private failStart!: (err: Error) => void;
  private crashes: number[] = [];
  private closing = false;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly launch: CoreLauncher,
    private readonly config: CoreConfig,
    private readonly calls: HostCallHandlers,
    private readonly options: CoreHostOptions,
  ) {
    this.ready = this.newReadyGate();
  }

  get currentState(): CoreState {
    return this.state;
  }

  /** Starts the core; resolves when it is ready, rejects with CoreStartError when it cannot start. */
  start(): Promise<void> {
    this.spawn();
    return this.ready;
  }

  /** One renderer call, already checked for a trusted sender. Always resolves with an envelope. */
  async invoke(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    if (this.state === 'failed') return this.unavailable();
    try {
      await this.ready;
    } catch {
      return this.unavailable();
    }
    const proc = this.proc;
    if (!proc || this.state !== 'running') return this.unavailable();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.invocations.set(id, resolve);
      proc.endpoint.post({ kind: 'invoke', id, channel, input });
    });
  }

  /** A host-only operation (send now, wake, smoke…). */
  async op<N extends CoreOpName>(name: N, ...args: Parameters<CoreOps[N]>): Promise<Awaited<ReturnType<CoreOps[N]>>> {
    await this.ready;
    const proc = this.proc;
    if (!proc) throw new Error('core not running');
    const id = this.nextId++;
    return new Promise<Awaited<ReturnType<CoreOps[N]>>>((resolve, reject) => {
      this.opsInFlight.set(id, { resolve: (value) => resolve(value as Awaited<ReturnType<CoreOps[N]>>), reject });
      proc.endpoint.post({ kind: 'op', id, op: name, args });
    });
  }

  /** Asks the core to reach a safe point and close its database; kills it if it takes too long. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.closing = true;
      const proc = this.proc;
      if (!proc || this.state === 'failed') return resolve();
      const timer = setTimeout(() => {
        logger.warn('core did not close in time; killing it');
        proc.kill();
        resolve();
      }, this.options.shutdownTimeoutMs ?? 15_000);
      proc.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      proc.endpoint.post({ kind: 'shutdown' });
    });
    return this.closed;
  }

  private newReadyGate(): Promise<void> {
    const gate = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failStart = reject;
    });
    // A gate nobody awaits must not become an unhandled rejection.
    gate.catch(() => undefined);
    return gate;
  }

  private setState(state: CoreState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState?.(state);
  }

  private spawn(): void {
    const proc = this.launch();
    this.proc = proc;
    proc.endpoint.onMessage((message) => this.receive(proc, message));
    proc.onExit((code) => this.exited(proc, code));
    proc.endpoint.post({ kind: 'init', config: this.config });
  }

  private receive(proc: CoreProcess, message: CoreMessage): void {
    if (proc !== this.proc) return;
    switch (message.kind) {
      case 'ready':
        this.setState('running');
        this.markReady();
        return;
      case 'result':
        this.invocations.get(message.id)?.(message.result);
        this.invocations.delete(message.id);
        return;
      case 'op-result': {
        const waiting = this.opsInFlight.get(message.id);
        this.opsInFlight.delete(message.id);
        if (message.ok) waiting?.resolve(message.value);
        else waiting?.reject(new Error(message.error));
        return;
      }
      case 'event':
        this.options.onEvent(message.event, message.payload);
        return;
      case 'call':
        void this.answer(proc, message);
        return;
      case 'fatal':
        // The core cannot start (its database…): restarting would fail the same way.
        this.closing = true;
        this.setState('failed');
        this.failStart(new CoreStartError(message.code, message.message));
        return;
      case 'closed':
        return;
    }
  }

  private async answer(proc: CoreProcess, message: Extract<CoreMessage, { kind: 'call' }>): Promise<void> {
    const handler = this.calls[message.name] as ((...args: readonly unknown[]) => unknown) | undefined;
    try {
      if (!handler) throw new Error(`unknown host call ${message.name}`);
      const value = await handler(...message.args);
      proc.endpoint.post({ kind: 'reply', id: message.id, ok: true, value });
    } catch (err) {
      logger.warn(`host call ${message.name} failed`, err);
      proc.endpoint.post({ kind: 'reply', id: message.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }

  private exited(proc: CoreProcess, code: number | null): void {
    if (proc !== this.proc) return;
    this.proc = undefined;
    const restarted = { ok: false as const, error: { code: 'CORE_RESTARTED', message: this.options.messages.restarted() } };
    for (const resolve of this.invocations.values()) resolve(restarted);
    this.invocations.clear();
    for (const waiting of this.opsInFlight.values()) waiting.reject(new Error('core exited'));
    this.opsInFlight.clear();
    if (this.closing) return;
    logger.error(`core exited unexpectedly (code ${String(code)})`);
    const now = Date.now();
    const window = this.options.crashWindowMs ?? 60_000;
    this.crashes = [...this.crashes.filter((t) => now - t < window), now];
    const delays = this.options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS;
    const delay = delays[this.crashes.length - 1];
    if (delay === undefined) {
      this.setState('failed');
      this.failStart(new CoreStartError('CORE_UNAVAILABLE', this.options.messages.unavailable()));
      return;
    }
    this.setState('restarting');
    this.ready = this.newReadyGate();
    setTimeout(() => {
      if (!this.closing) this.spawn();
    }, delay);
  }

  private unavailable(): IpcResult<unknown> {
    return { ok: false, error: { code: 'CORE_UNAVAILABLE', message: this.options.messages.unavailable() } };
  }
}
