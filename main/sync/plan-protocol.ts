import type { Locale } from '../../preload/contract';
import type { PlannedMessage } from './delta';
import type { LocalPlan, PlanBatch, PlanRequest } from './planner';

/** What the planning thread needs to plan one marketplace. */
export interface PlanThreadData {
  readonly file: string;
  readonly binding: string | undefined;
  readonly logDir: string | undefined;
  readonly locale: Locale;
  readonly request: PlanRequest;
}

/** A planned message as posted: its JSON is a range of the batch's one buffer. */
type PostedMessage = Omit<PlannedMessage, 'json'> & { readonly at: number; readonly length: number };

/** The core asks the planning thread to plan one marketplace. */
export interface PlanThreadRequest {
  readonly kind: 'plan';
  readonly id: number;
  readonly data: PlanThreadData;
}

/** The planning thread's answers to request `id`: batches, then done or failed. */
export type PlanThreadReply =
  | {
      readonly kind: 'batch';
      readonly id: number;
      readonly bytes: ArrayBuffer;
      readonly sends: readonly PostedMessage[];
      readonly locals: readonly LocalPlan[];
    }
  | { readonly kind: 'done'; readonly id: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string; readonly stack: string };

/**
 * A batch as one message: the messages' JSON copied into one buffer that is moved, not copied, to
 * the core (posting each small Buffer would copy the pool slab it sits in, 8 KB at a time).
 */
export function encodeBatch(id: number, batch: PlanBatch): { message: PlanThreadReply; transfer: ArrayBuffer[] } {
  const bytes = new ArrayBuffer(batch.sends.reduce((n, s) => n + s.json.length, 0));
  const view = new Uint8Array(bytes);
  let at = 0;
  const sends = batch.sends.map(({ json, ...rest }) => {
    view.set(json, at);
    const posted = { ...rest, at, length: json.length };
    at += json.length;
    return posted;
  });
  return { message: { kind: 'batch', id, bytes, sends, locals: batch.locals }, transfer: [bytes] };
}

export function decodeBatch(message: Extract<PlanThreadReply, { kind: 'batch' }>): PlanBatch {
  const sends = message.sends.map(({ at, length, ...rest }) => ({ ...rest, json: Buffer.from(message.bytes, at, length) }));
  return { sends, locals: [...message.locals] };
}
