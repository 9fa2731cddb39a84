import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedData } from '../../../../main/amazon/simulator/seed';
import { SimStore } from '../../../../main/amazon/simulator/state';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-state-'));
  dirs.push(dir);
  return join(dir, 'nested', 'state.json');
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SimStore', () => {
  it('seeds a new file, and reads it back after changes are flushed', () => {
    const file = tempFile();
    const store = SimStore.open(file, () => seedData(1_000, 60_000));
    store.data.sellers.X = { sellerId: 'X', storeName: 'Loja X', marketplaceIds: ['A2Q3Y263D00KWC'] };
    store.nextSequence();
    store.flush();

    const reopened = SimStore.open(file, () => {
      throw new Error('must not reseed an existing file');
    });
    expect(reopened.data.sellers.X?.storeName).toBe('Loja X');
    expect(reopened.data.sequence).toBe(1);
  });

  it('replaces the file atomically, leaving no temporary file', () => {
    const file = tempFile();
    const store = SimStore.open(file, () => seedData(1_000, 60_000));
    store.flush();
    expect(readdirSync(join(file, '..'))).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('writes debounced after markDirty', async () => {
    const file = tempFile();
    const store = SimStore.open(file, () => seedData(1_000, 60_000));
    store.data.nextOrderAt = 42;
    store.markDirty();
    await new Promise((r) => setTimeout(r, 250));
    expect(JSON.parse(readFileSync(file, 'utf8')).nextOrderAt).toBe(42);
  });

  it('refuses a state file of another version', () => {
    const file = tempFile();
    SimStore.open(file, () => seedData(1_000, 60_000));
    writeFileSync(file, JSON.stringify({ version: 99 }));
    expect(() => SimStore.open(file, () => seedData(1_000, 60_000))).toThrow(/version/);
  });

  it('keeps everything in memory without a file', () => {
    const store = SimStore.open(undefined, () => seedData(1_000, 60_000));
    store.markDirty();
    expect(() => store.flush()).not.toThrow();
  });

  it('keeps document bytes as Buffers in memory and as base64 in the file', () => {
    const file = tempFile();
    const store = SimStore.open(file, () => seedData(1_000, 60_000));
    const bytes = Buffer.from('{"header":{"version":"2.0"},"messages":[]} ção');
    store.data.documents.D = { id: 'D', kind: 'feed-input', sellerId: 'S', contentType: 'application/json', createdAt: 1, content: bytes };
    store.data.documents.E = { id: 'E', kind: 'feed-input', sellerId: 'S', contentType: 'application/json', createdAt: 1 };
    store.flush();

    const saved = JSON.parse(readFileSync(file, 'utf8')) as { documents: Record<string, { content?: unknown }> };
    const reopened = SimStore.open(file, () => seedData(1_000, 60_000));
    expect(saved.documents.D?.content).toBe(bytes.toString('base64'));
    expect(saved.documents.E).not.toHaveProperty('content');
    expect(reopened.data.documents.D?.content?.equals(bytes)).toBe(true);
    expect(reopened.data.documents.E?.content).toBeUndefined();
  });
});
