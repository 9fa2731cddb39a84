import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { EventName, EventPayload, TaskProgress } from '../preload/contract';

/**
 * Main → renderer push events. The Electron host forwards them to the window; the CLI prints
 * progress to stderr; tests listen directly.
 */
export class TaskEvents {
  private readonly emitter = new EventEmitter();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', event, payload);
  }

  subscribe(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** A progress reporter for one long task, throttled to ~10 updates/s except the final one. */
  progress(kind: string): {
    readonly taskId: string;
    report(phase: string, done: number, total: number | null): void;
    finish(phase: string, done: number): void;
  } {
    const taskId = randomUUID();
    let last = 0;
    const send = (p: TaskProgress) => this.emit('task:progress', p);
    return {
      taskId,
      report: (phase, done, total) => {
        const now = performance.now();
        if (now - last < 100) return;
        last = now;
        send({ taskId, kind, phase, done, total, finished: false });
      },
      finish: (phase, done) => send({ taskId, kind, phase, done, total: done, finished: true }),
    };
  }
}
