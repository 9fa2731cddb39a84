import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { threadEntry } from '../../../main/threads/entry';

const source = new URL('../../../main/listings/meta-check-thread.ts', import.meta.url);

describe('worker thread modules', () => {
  it('start from their TypeScript source in a checkout and answer (the meta-schema thread)', async () => {
    const entry = threadEntry(source, 'meta-check-thread', source.href);
    if (!entry) throw new Error('no entry');
    const thread = new Worker(entry, { execArgv: [] });
    try {
      thread.postMessage({ id: 1, json: JSON.stringify({ type: 'object', properties: { a: { type: 'string' } } }) });
      expect((await once(thread, 'message'))[0]).toEqual({ id: 1, error: null });
      thread.postMessage({ id: 2, json: JSON.stringify({ type: 'no-such-type' }) });
      expect((await once(thread, 'message'))[0]).toEqual({ id: 2, error: expect.stringMatching(/^schema is invalid: /) });
    } finally {
      await thread.terminate();
    }
  });

  it('are found beside the built core or one folder up, with the build’s extension, or not at all', () => {
    const built = new Set(['/app/out/main/checkpoint-thread.js', '/b/out/bench-core/checkpoint-thread.mjs']);
    const find = (here: string) => threadEntry(source, 'checkpoint-thread', here, (f) => built.has(f))?.href;
    expect(find('file:///app/out/main/core.js')).toBe('file:///app/out/main/checkpoint-thread.js');
    expect(find('file:///app/out/main/chunks/db-1a2b.js')).toBe('file:///app/out/main/checkpoint-thread.js');
    expect(find('file:///b/out/bench-core/core.mjs')).toBe('file:///b/out/bench-core/checkpoint-thread.mjs');
    expect(find('file:///c/out/main/core.js')).toBeUndefined();
  });
});
