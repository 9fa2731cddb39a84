import type { FeedClient } from './pipeline';

/** Counts the Amazon calls a cycle makes (the CLI's `apiCalls`); document transfers included. */
export function countingClient<C extends FeedClient>(client: C): { client: C; calls: () => number } {
  let calls = 0;
  const wrapped = new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls += 1;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client: wrapped, calls: () => calls };
}
