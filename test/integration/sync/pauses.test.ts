import { afterEach, describe, expect, it } from 'vitest';
import type { TimeSlice } from '../../../main/background/yield';
import { getAccount } from '../../../main/db/tables/accounts';
import { mappingStateOf } from '../../../main/db/tables/category-mappings';
import { CHANGED_PAGE_PRODUCTS } from '../../../main/db/tables/skus-for-send';
import { collectSendables, mappingLookupFor, type Sendable } from '../../../main/sync/catalog-source';
import { readSyncSettings, settingsFingerprint } from '../../../main/sync/settings';
import { BR, sendWorld, type SendWorld } from './send-world';

/**
 * The core answers the window between the steps of a cycle: reading the catalog for changes
 * gives the event loop a turn between its pages of products, also when no page holds a change
 * (a no-change cycle over 100k SKUs used to read every page in one go).
 */
let world: SendWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

/** A slice that is always spent, counting the turns it gives the event loop. */
function countingSlice(): TimeSlice & { turns: number } {
  const slice = {
    turns: 0,
    spent: () => true,
    next: async () => {
      slice.turns += 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    pause: () => slice.next(),
  };
  return slice;
}

async function changed(w: SendWorld, slice: TimeSlice): Promise<Sendable[]> {
  const account = getAccount(w.db, 'demo');
  const marketplace = account?.marketplaces.find((m) => m.marketplaceId === BR);
  if (!marketplace) throw new Error('no marketplace');
  const settings = readSyncSettings(w.db, 'demo', BR);
  const fingerprint = settingsFingerprint(settings, marketplace.currency + marketplace.language + mappingStateOf(w.db, BR));
  const ctx = {
    db: w.db,
    accountId: 'demo',
    marketplace,
    settings,
    today: '2026-01-01',
    translator: w.translator,
    ...mappingLookupFor(w.db, marketplace, settings),
  };
  const out: Sendable[] = [];
  for await (const s of collectSendables(ctx, fingerprint, slice)) out.push(s);
  return out;
}

describe('a cycle reads the catalog in pages and pauses between them', () => {
  it('gives the event loop a turn after every page of products, changed or not', async () => {
    world = await sendWorld();
    const products = 2 * CHANGED_PAGE_PRODUCTS + 10;
    for (let i = 0; i < products; i += 1) world.addProduct({ key: `P${String(i).padStart(4, '0')}` });

    const first = countingSlice();
    const before = await changed(world, first);
    // Every product is new: each one is built or skipped, in catalog order, with a turn per page.
    expect(before).toHaveLength(products);
    expect(before.map((s) => s.sku)).toEqual([...before.map((s) => s.sku)].sort());
    expect(first.turns).toBe(3);

    await world.cycle();
    const quiet = countingSlice();
    const after = await changed(world, quiet);

    // Nothing changed since the cycle: no SKU comes out, yet every page still ended with a turn.
    expect(after).toEqual([]);
    expect(quiet.turns).toBe(3);
  }, 120_000);
});
