import { afterEach, describe, expect, it } from 'vitest';
import { lastSent } from '../../../main/db/tables/listing-sources';
import { diffAgainstSent, prepareSentComparison } from '../../../main/selection/sent-diff';
import { BR, SCOPE, sendWorld, type SendWorld } from '../sync/send-world';

let world: SendWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function touch(w: SendWorld, sql: string): void {
  w.db.prepare(sql.replace('SET ', `SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), `)).run();
}

describe('diff against what was last sent, through real cycles', () => {
  it('stays readable after the report: empty right after a send, the content change while it waits, empty again once sent', async () => {
    world = await sendWorld();
    const id = world.addProduct({ key: 'VASO', skus: [{ sku: 'VASO', stock: 5 }] });
    const compare = () => {
      const w = world as SendWorld;
      const check = w.check([id])[0]?.skus[0];
      if (!check) throw new Error('no check');
      return prepareSentComparison(w.db, SCOPE)(check);
    };
    expect(compare()).toMatchObject({ lastSentAt: null, changedSinceSent: null, diff: null });

    await world.cycle();
    const afterSend = compare();

    expect(world.status('VASO')?.status).toBe('live');
    expect(afterSend.diff).toEqual([]);
    expect(afterSend.changedSinceSent).toBe(false);
    expect(afterSend.lastSentAt).not.toBeNull();

    touch(world, `UPDATE products SET title = 'Vaso azul' WHERE key = 'VASO'`);
    touch(world, `UPDATE skus SET stock = 3 WHERE sku = 'VASO'`);
    await world.cycle('fast');
    const waiting = compare();

    // The fast lane sent the stock; the title waits, and the diff says so.
    expect(world.messages('VASO').map((m) => m['operationType'])).toEqual(['UPDATE', 'PATCH']);
    expect(waiting.changedSinceSent).toBe(true);
    expect(waiting.diff?.map((c) => [c.attribute, c.change])).toEqual([['item_name', 'changed']]);
    expect(waiting.diff?.[0]?.before).toContain('Vaso de cerâmica VASO');
    expect(waiting.diff?.[0]?.after).toContain('Vaso azul');
    expect(lastSent(world.db, SCOPE, 'VASO')?.document?.attributes['fulfillment_availability']).toEqual([
      { fulfillment_channel_code: 'DEFAULT', quantity: 3, lead_time_to_ship_max_days: 2 },
    ]);

    await world.cycle('full');
    const sent = compare();

    expect(sent).toMatchObject({ changedSinceSent: false, diff: [] });
  }, 60_000);
});

describe('diffAgainstSent', () => {
  it('after a full document reports added, removed and changed attributes, ignoring key order', () => {
    const sent = {
      operation: 'UPDATE' as const,
      productType: 'SHIRT',
      complete: true,
      attributes: { color: [{ value: 'Blue', marketplace_id: BR }], size: [{ value: 'M' }], brand: [{ value: 'X' }] },
    };
    const now = { color: [{ marketplace_id: BR, value: 'Blue' }], size: [{ value: 'L' }], department: [{ value: 'Womens' }] };

    expect(diffAgainstSent(sent, now).map((c) => [c.attribute, c.change])).toEqual([
      ['brand', 'removed'],
      ['department', 'added'],
      ['size', 'changed'],
    ]);
  });

  it('with only offer patches known compares only the patched attributes', () => {
    const sent = { operation: 'PATCH' as const, productType: 'SHIRT', complete: false, attributes: { fulfillment_availability: [{ quantity: 3 }] } };
    const now = { fulfillment_availability: [{ quantity: 5 }], item_name: [{ value: 'Camiseta' }] };

    expect(diffAgainstSent(sent, now)).toEqual([
      {
        attribute: 'fulfillment_availability',
        change: 'changed',
        before: JSON.stringify([{ quantity: 3 }], null, 2),
        after: JSON.stringify([{ quantity: 5 }], null, 2),
      },
    ]);
  });
});
