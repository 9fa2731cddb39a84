import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { DEMO_PRODUCTS } from '../../../main/amazon/simulator/demo-catalog';
import { catalogMatchingFor } from '../../../main/catalog-match/service';
import { catalogMatchCounts, catalogMatchesOf } from '../../../main/db/tables/catalog-matches';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { checkGtin } from '../../../main/ean/gtin';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import type { TaskProgress } from '../../../preload/contract';
import { BR } from './mapping-helpers';

let services: Services;
let dir: string;
const progress: TaskProgress[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-catalog-match-'));
  services = createServices({ dbFile: join(dir, 'c.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR', clock: new VirtualClock() });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  services.tasks.subscribe((event, payload) => {
    if (event === 'task:progress') progress.push(payload as TaskProgress);
  });
});

afterAll(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

const call = async <T>(channel: string, input: unknown): Promise<T> => {
  const result = await dispatch(createHandlers(services), services.translator, channel, input, true);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
};

describe('finding the sample sheet products on the demo Amazon, right after the import', () => {
  it('imports the sheet, then matches every valid, unique EAN in the background and records what Amazon said', async () => {
    const sheet = await call<{ fileToken: string }>('ean:sample-sheet', undefined);
    const report = await call<{ imported: number; rejected: number; committed: boolean }>('catalog:import-commit', { fileToken: sheet.fileToken });
    expect(report).toMatchObject({ imported: DEMO_PRODUCTS.flatMap((p) => p.skus).length, rejected: 0, committed: true });

    // The import started a pass; this waits for it (and one more, which finds nothing new).
    await catalogMatchingFor(services).kick();

    const skus = DEMO_PRODUCTS.flatMap((p) => p.skus);
    const codes = new Map<string, number>();
    for (const s of skus) if (s.ean && checkGtin(s.ean).valid) codes.set(s.ean, (codes.get(s.ean) ?? 0) + 1);
    const expectedMatched = skus.filter((s) => s.amazon !== null && s.ean !== null && codes.get(s.ean) === 1);
    const counts = catalogMatchCounts(services.db, BR);
    expect(counts.matched).toBe(expectedMatched.length);
    expect(counts.matched + counts.none).toBe([...codes.values()].filter((n) => n === 1).length);

    const found = expectedMatched[0];
    if (!found?.amazon) throw new Error('the demo store has no product on Amazon');
    const row = getSkuByCode(services.db, found.sku);
    expect(row?.asin).toBe(found.amazon.asin);
    expect(catalogMatchesOf(services.db, [row?.id ?? 0], BR).get(row?.id ?? 0)).toMatchObject({
      outcome: 'matched',
      asin: found.amazon.asin,
      title: found.amazon.title,
      productType: found.amazon.productType,
    });
    expect(progress.some((p) => p.kind === 'ean:catalog-match' && p.finished)).toBe(true);
  });

  it('gives no ASIN to a SKU whose EAN is wrong or shared with another SKU', () => {
    const skus = DEMO_PRODUCTS.flatMap((p) => p.skus);
    const valid = skus.filter((s) => s.ean !== null && checkGtin(s.ean).valid);
    const shared = valid.filter((s) => valid.filter((o) => o.ean === s.ean).length > 1);
    const wrong = skus.filter((s) => s.ean !== null && !checkGtin(s.ean).valid);
    expect(shared).toHaveLength(2);
    expect(wrong.length).toBeGreaterThan(0);

    for (const s of [...shared, ...wrong]) {
      const row = getSkuByCode(services.db, s.sku);
      expect(row?.asin ?? null).toBeNull();
      expect(catalogMatchesOf(services.db, [row?.id ?? 0]).size).toBe(0);
    }
  });

  it('does not ask Amazon again about codes already answered', async () => {
    const before = progress.length;
    await catalogMatchingFor(services).kick();
    expect(progress.slice(before).filter((p) => p.kind === 'ean:catalog-match')).toEqual([]);
  });
});
