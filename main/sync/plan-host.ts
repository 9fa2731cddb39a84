import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/entry';
import { decodeBatch, type PlanThreadData, type PlanThreadReply } from './plan-protocol';
import type { PlanBatch } from './planner';

/** How to start the planning thread in this runtime. */
export interface PlanThreadEntry {
  readonly url: URL;
}

/** The planning thread's module (plan-thread.ts) in this runtime: see threadEntry. */
export function planThreadEntry(here: string = import.meta.url, exists?: (file: string) => boolean): PlanThreadEntry | undefined {
  const url = threadEntry(new URL('./plan-thread.ts', here), 'plan-thread', here, exists);
  return url ? { url } : undefined;
}

/** The planning thread failed before it planned anything of a request: the caller may plan on its own thread instead. */
export class PlanThreadUnavailable extends Error {}

/**
 * Planning allocates many short-lived objects (rows, built listings, their JSON): with V8's default
 * young generation most of them are promoted and collected again by full GCs (measured: planning
 * 20k SKUs took 10.8 s with 48 MB, 9.0 s with 192 MB, 8.6 s with 384 MB).
 */
const YOUNG_GENERATION_MB = 256;

/** A thread left idle this long is stopped (it holds compiled schema checks, tens of MB). */
const IDLE_MS = 10 * 60_000;

interface Request {
  readonly data: PlanThreadData;
  readonly deliver: (reply: PlanThreadReply | { readonly kind: 'lost'; readonly error: Error }) => void;
}

/**
 * One planning thread per core process, started on first use and kept between cycles (starting it
 * and compiling a product type's checks cost about a second: a no-change cycle every 15 minutes must
 * not pay that each time). Requests are planned one after the other; the thread does not keep the
 * process alive while idle, and stops after IDLE_MS without work.
 */
class PlanningThread {
  private worker: Worker | undefined;
  private readonly queue: Request[] = [];
  private current: Request | undefined;
  private nextId = 1;
  private currentId = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly entry: PlanThreadEntry) {}

  /** Plans one request on the thread, yielding its batches as they arrive; ending early drops the rest. */
  async *plan(data: PlanThreadData): AsyncGenerator<PlanBatch> {
    const replies: (PlanThreadReply | { readonly kind: 'lost'; readonly error: Error })[] = [];
    let wake: (() => void) | undefined;
    let received = false;
    const request: Request = {
      data,
      deliver: (reply) => {
        replies.push(reply);
        wake?.();
      },
    };
    this.queue.push(request);
    this.pump();
    try {
      for (;;) {
        const reply = replies.shift();
        if (!reply) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        switch (reply.kind) {
          case 'batch':
            received = true;
            yield decodeBatch(reply);
            break;
          case 'done':
            return;
          case 'failed': {
            const err = Object.assign(new Error(reply.message), { stack: reply.stack || undefined });
            throw received ? err : new PlanThreadUnavailable(reply.message, { cause: err });
          }
          case 'lost':
            throw received ? reply.error : new PlanThreadUnavailable(reply.error.message, { cause: reply.error });
        }
      }
    } finally {
      if (this.current === request) this.stop(new Error('planning abandoned'));
      const waiting = this.queue.indexOf(request);
      if (waiting >= 0) this.queue.splice(waiting, 1);
    }
  }

  private pump(): void {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) {
      this.worker?.unref();
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.stop(), IDLE_MS).unref();
      return;
    }
    clearTimeout(this.idle);
    this.current = next;
    this.currentId = this.nextId++;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage({ kind: 'plan', id: this.currentId, data: next.data });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry.url, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (reply: PlanThreadReply) => {
      if (reply.id !== this.currentId || !this.current) return;
      const request = this.current;
      if (reply.kind !== 'batch') {
        this.current = undefined;
        this.pump();
      }
      request.deliver(reply);
    });
    worker.on('error', (err) => this.lost(worker, err));
    worker.on('exit', (code) => this.lost(worker, new Error(`the planning thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** The thread died: the request in progress fails, the next one starts a new thread. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const request = this.current;
    this.current = undefined;
    request?.deliver({ kind: 'lost', error });
    this.pump();
  }

  /** Stops the thread (idle, or its request was abandoned half-way: what it still plans is not wanted). */
  private stop(error?: Error): void {
    const worker = this.worker;
    if (!worker) return;
    if (error) this.lost(worker, error);
    else this.worker = undefined;
    void worker.terminate();
  }
}

const threads = new Map<string, PlanningThread>();

/**
 * Plans on the process's planning thread (plan-thread.ts), yielding its batches as they arrive.
 * A request that fails before its first batch (the thread cannot start, or dies) is
 * PlanThreadUnavailable; a failure after that is the planning's own error.
 */
export function planOnThread(entry: PlanThreadEntry, data: PlanThreadData): AsyncGenerator<PlanBatch> {
  let thread = threads.get(entry.url.href);
  if (!thread) threads.set(entry.url.href, (thread = new PlanningThread(entry)));
  return thread.plan(data);
}
