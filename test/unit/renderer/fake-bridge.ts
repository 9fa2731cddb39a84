import type { IpcResult } from '../../../preload/contract';

type Reply = IpcResult<unknown> | Error;

/**
 * Installs a fake `window.vitrine` on globalThis for store tests: each function answers from
 * `replies` (by API name) and records its calls. Returns the recorder and a remover.
 */
export function installFakeBridge(replies: Record<string, Reply | ((input: unknown) => Reply)>) {
  const calls: { name: string; input: unknown }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {
    on: (event: string, listener: (payload: unknown) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
  for (const [name, reply] of Object.entries(replies)) {
    api[name] = async (input?: unknown) => {
      calls.push({ name, input });
      const r = typeof reply === 'function' ? reply(input) : reply;
      if (r instanceof Error) throw r;
      return r;
    };
  }
  (globalThis as { vitrine?: unknown }).vitrine = api;
  return {
    calls,
    emit: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
    remove: () => delete (globalThis as { vitrine?: unknown }).vitrine,
  };
}
