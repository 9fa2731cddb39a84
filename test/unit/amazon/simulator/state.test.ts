import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedData } from '../../../../main/amazon/simulator/seed';
import { SimStore } from '../../../../main/amazon/simulator/state';
import { SIM_DATA_VERSION } from '../../../../main/amazon/simulator/state-types';

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
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(SIM_DATA_VERSION);
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

  it('migrates a version 1 state: each listing under its SKU and the marketplace it was written for', () => {
    const file = tempFile();
    const seeded = SimStore.open(file, () => seedData(1_000, 60_000));
    seeded.flush();
    const v2 = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const listing = (sku: string, marketplaceId?: string) => ({
      sku,
      productType: 'WIDGET',
      attributes: {},
      issues: [],
      createdAt: 1,
      updatedAt: 2,
      ...(marketplaceId ? { marketplaceId } : {}),
    });
    // Written for Amazon.com.br, then patched for Amazon.com: offered in both, each with its own values.
    const both = {
      ...listing('BOTH', 'ATVPDKIKX0DER'),
      attributes: {
        item_name: [
          { value: 'Caneca', marketplace_id: 'A2Q3Y263D00KWC' },
          { value: 'Mug', marketplace_id: 'ATVPDKIKX0DER' },
        ],
        fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
        // A marketplace the seller does not sell in gets no listing.
        brand: [{ value: 'Marca', marketplace_id: 'A1PA6795UKMFR9' }],
      },
      issues: [{ code: '90220', message: 'x', severity: 'ERROR', categories: [] }],
    };
    writeFileSync(
      file,
      JSON.stringify({
        ...v2,
        version: 1,
        listings: { A1SIMDEMOSELLR: { BR1: listing('BR1', 'A2Q3Y263D00KWC'), US1: listing('US1', 'ATVPDKIKX0DER'), NONE: listing('NONE'), BOTH: both } },
      }),
    );

    const store = SimStore.open(file, () => {
      throw new Error('must not reseed an existing file');
    });

    expect(store.data.version).toBe(SIM_DATA_VERSION);
    expect(Object.fromEntries(Object.entries(store.data.listings.A1SIMDEMOSELLR ?? {}).map(([sku, m]) => [sku, Object.keys(m)]))).toEqual({
      BR1: ['A2Q3Y263D00KWC'],
      US1: ['ATVPDKIKX0DER'],
      // No marketplace recorded: the seller's first one.
      NONE: ['A2Q3Y263D00KWC'],
      BOTH: ['ATVPDKIKX0DER', 'A2Q3Y263D00KWC'],
    });
    expect(store.data.listings.A1SIMDEMOSELLR?.NONE?.A2Q3Y263D00KWC?.marketplaceId).toBe('A2Q3Y263D00KWC');
    const br = store.data.listings.A1SIMDEMOSELLR?.BOTH?.A2Q3Y263D00KWC;
    const us = store.data.listings.A1SIMDEMOSELLR?.BOTH?.ATVPDKIKX0DER;
    expect(br?.attributes).toEqual({
      item_name: [{ value: 'Caneca', marketplace_id: 'A2Q3Y263D00KWC' }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
    });
    expect(us?.attributes).toEqual({
      item_name: [{ value: 'Mug', marketplace_id: 'ATVPDKIKX0DER' }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }],
    });
    // The last validation's issues belong to the marketplace it was made for.
    expect([us?.issues.length, br?.issues]).toEqual([1, []]);
    // The copies are not one object: a write to one leaves the other as it was.
    us?.attributes.fulfillment_availability?.push({ fulfillment_channel_code: 'AFN' });
    expect(br?.attributes.fulfillment_availability).toHaveLength(1);
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
