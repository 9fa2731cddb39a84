import { afterEach, describe, expect, it } from 'vitest';
import type { GetListingsRestrictionsParams } from '../../../main/amazon/api/restrictions';
import { DEMO } from '../../../main/amazon/simulator/seed';
import type { CatalogItemRecord } from '../../../main/amazon/simulator/state-types';
import { getAccount } from '../../../main/db/tables/accounts';
import { getRestriction } from '../../../main/db/tables/listing-restrictions';
import { rejectReason } from '../../../main/selection/bulk-selection';
import { GIVE_UP_AFTER_MS, RESTRICTION_TTL_MS, checkRestrictions, type RestrictionsClient } from '../../../main/restrictions/check';
import { checkAccountRestrictions, recheckRestrictions } from '../../../main/restrictions/for-account';
import { restrictionsOfMarketplace, restrictionsOfProductView } from '../../../main/restrictions/views';
import { BR, freshEan, sendWorld, type SendWorld } from '../sync/send-world';

/**
 * Listing restrictions through the real send engine (runCycle) and the strict simulator: the
 * check runs before the cycle plans, as SyncService.runAll does, and the engine holds back what
 * Amazon restricts or has not answered about yet.
 */
let world: SendWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const DAY = 24 * 3600_000;

function item(asin: string, brand: string, title = `Vaso ${asin}`): CatalogItemRecord {
  return { asin, ean: freshEan(), title, brand, productType: 'HOME', marketplaceIds: [BR] };
}

/** The simulator's client, counting getListingsRestrictions calls by ASIN. */
function counting(w: SendWorld): { client: RestrictionsClient; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    client: {
      getListingsRestrictions: (params: GetListingsRestrictionsParams) => {
        calls.push(params.asin);
        return w.client.getListingsRestrictions(params);
      },
    },
  };
}

/** The check SyncService.runAll runs before a full cycle plans. */
async function checkBeforeCycle(w: SendWorld, client: RestrictionsClient = w.client): Promise<void> {
  const account = getAccount(w.db, 'demo');
  if (!account) throw new Error('no account');
  await checkAccountRestrictions({ db: w.db, client, clock: w.clock, account, locale: 'pt-BR' });
}

/** What SyncService.runAll does for a full cycle: the restriction check, then the cycle. */
async function fullCycle(w: SendWorld, client: RestrictionsClient = w.client) {
  await checkBeforeCycle(w, client);
  return w.cycle();
}

/** Amazon fails the restriction check (the fault on every call while it runs); the cycle's feeds then go through. */
async function failingCheckThenCycle(w: SendWorld, fault: 'rate429' | 'rate5xx') {
  w.sim.control.setFaults({ [fault]: 1 });
  try {
    await checkBeforeCycle(w);
  } finally {
    w.sim.control.setFaults({});
  }
  return w.cycle();
}

function addOffer(w: SendWorld, key: string, catalog: CatalogItemRecord): number {
  return w.addProduct({ key, brand: catalog.brand, skus: [{ sku: key, gtin: catalog.ean, asin: catalog.asin }] });
}

describe('a restricted ASIN', () => {
  it('is not sent and says why with Amazon\'s approval link; an allowed one is sent; after the approval and "check again" it goes out', async () => {
    const gated = item('B0GATED001', 'Som Puro');
    const open = item('B0OPEN0001', 'Barro & Arte');
    world = await sendWorld({ catalogItems: [gated, open] });
    const gatedId = addOffer(world, 'FONE', gated);
    addOffer(world, 'VASO', open);

    const summary = await fullCycle(world);

    expect(summary.sent).toBe(1);
    expect(world.listing('VASO')?.asin).toBe('B0OPEN0001');
    expect(world.status('VASO')?.status).toBe('live');
    expect(world.listing('FONE')).toBeUndefined();
    expect(world.messages('FONE')).toEqual([]);
    expect(world.status('FONE')).toMatchObject({ status: 'skipped', reason: 'restricted' });
    // Sincronização's cause shows the seller's words and Amazon's, with the approval page.
    const page = restrictionsOfMarketplace(
      world.db,
      world.translator,
      { accountId: 'demo', marketplaceId: BR },
      { states: ['restricted'], offset: 0, limit: 5 },
    );
    expect(page.total).toBe(1);
    const [shown] = page.items;
    expect(shown).toMatchObject({ sku: 'FONE', asin: 'B0GATED001', state: 'restricted', label: 'A Amazon exige aprovação para esta marca/categoria' });
    expect(shown?.reasons).toEqual([
      {
        code: 'APPROVAL_REQUIRED',
        message: 'Você precisa de aprovação para anunciar produtos da marca Som Puro.',
        explanation: world.translator.t('sync.restrictions.explain.APPROVAL_REQUIRED'),
        links: [
          {
            url: 'https://sellercentral.amazon.com.br/hz/approvalrequest/restrictions/approve?asin=B0GATED001&itemcondition=new',
            title: 'Solicitar aprovação no Seller Central.',
          },
        ],
      },
    ]);
    // The product screen says the same; "Incluir produtos" agrees and counts it apart.
    expect(restrictionsOfProductView(world.db, world.translator, 'demo', gatedId).map((v) => v.state)).toEqual(['restricted']);
    const [readiness] = world.check([gatedId]);
    expect(readiness?.status).toBe('blocked');
    expect(readiness?.skus[0]?.blocked).toEqual({ code: 'restricted', message: world.translator.t('sync.reasons.restricted') });
    expect(readiness && rejectReason(readiness)).toBe('restricted');

    // The seller gets the approval in Seller Central and asks again: the next cycle sends it.
    world.sim.control.approveRestriction(DEMO.sellerId, 'B0GATED001');
    const again = await recheckRestrictions({
      db: world.db,
      client: world.client,
      clock: world.clock,
      accountId: 'demo',
      marketplaceId: BR,
      locale: 'pt-BR',
      skus: ['FONE'],
    });
    expect(again).toMatchObject({ asked: 1, allowed: 1, restricted: 0, error: null });
    expect(world.check([gatedId])[0]?.status).toBe('ready');
    await fullCycle(world);
    expect(world.listing('FONE')?.asin).toBe('B0GATED001');
    expect(world.status('FONE')?.status).toBe('live');
    expect(world.sim.control.responseViolations()).toEqual([]);
    expect(world.sim.control.requestViolations()).toEqual([]);
  }, 60_000);

  it("reads NOT_ELIGIBLE and ASIN_NOT_FOUND in the seller's words, with no link where Amazon offers none", async () => {
    const knives = item('B0KNIVES01', 'Casa Prática', 'Jogo de facas com cepo 5 peças');
    world = await sendWorld({ catalogItems: [knives] });
    addOffer(world, 'FACAS', knives);
    world.addProduct({ key: 'SUMIU', skus: [{ sku: 'SUMIU', asin: 'B0NOSUCH01' }] });

    await fullCycle(world);

    const page = restrictionsOfMarketplace(
      world.db,
      world.translator,
      { accountId: 'demo', marketplaceId: BR },
      { states: ['restricted'], offset: 0, limit: 5 },
    );
    const bySku = new Map(page.items.map((i) => [i.sku, i]));
    expect(bySku.get('FACAS')).toMatchObject({
      label: 'A Amazon não permite que você anuncie este produto',
      reasons: [{ code: 'NOT_ELIGIBLE', message: 'Você não pode anunciar este produto no momento.', links: [] }],
    });
    expect(bySku.get('SUMIU')).toMatchObject({ label: 'ASIN não encontrado nesta Amazon', reasons: [{ code: 'ASIN_NOT_FOUND', links: [] }] });
    for (const sku of ['FACAS', 'SUMIU']) {
      expect(world.status(sku)).toMatchObject({ status: 'skipped', reason: 'restricted' });
      expect(world.listing(sku)).toBeUndefined();
    }
  }, 60_000);

  it('says nothing about a new product without an ASIN, and asks nothing about an offer already live', async () => {
    const open = item('B0OPEN0002', 'Barro & Arte');
    world = await sendWorld({ catalogItems: [open] });
    const newId = world.addProduct({ key: 'NOVO' });
    addOffer(world, 'VASO', open);
    const { client, calls } = counting(world);

    await fullCycle(world, client);
    expect(calls).toEqual(['B0OPEN0002']);
    expect(world.listing('NOVO')).toBeDefined();
    expect(restrictionsOfProductView(world.db, world.translator, 'demo', newId)).toEqual([]);

    // A week later the live offer is not asked about again: nothing to check before a first send.
    world.clock.advance(RESTRICTION_TTL_MS + 1);
    await fullCycle(world, client);
    expect(calls).toEqual(['B0OPEN0002']);
  }, 60_000);
});

describe('the cached answer', () => {
  it('is not asked again within the TTL; a restricted product is asked again after it, and when the seller asks', async () => {
    const gated = item('B0GATED002', 'Som Puro');
    world = await sendWorld({ catalogItems: [gated] });
    addOffer(world, 'FONE', gated);
    const { client, calls } = counting(world);

    await fullCycle(world, client);
    world.clock.advance(RESTRICTION_TTL_MS - 60_000);
    await fullCycle(world, client);
    expect(calls).toEqual(['B0GATED002']);
    expect(world.status('FONE')?.reason).toBe('restricted');

    world.clock.advance(120_000);
    await fullCycle(world, client);
    expect(calls).toEqual(['B0GATED002', 'B0GATED002']);

    await recheckRestrictions({ db: world.db, client, clock: world.clock, accountId: 'demo', marketplaceId: BR, locale: 'pt-BR', skus: ['FONE'] });
    expect(calls).toHaveLength(3);
  }, 60_000);

  it('keeps within the budget: what does not fit waits for the next cycle, "verificando na Amazon"', async () => {
    const a = item('B0OPEN0003', 'Barro & Arte');
    const b = item('B0OPEN0004', 'Barro & Arte');
    world = await sendWorld({ catalogItems: [a, b] });
    addOffer(world, 'A', a);
    addOffer(world, 'B', b);
    const account = getAccount(world.db, 'demo');
    if (!account) throw new Error('no account');

    const first = await checkRestrictions({
      db: world.db,
      client: world.client,
      clock: world.clock,
      accountId: 'demo',
      sellerId: account.sellerId,
      marketplaceId: BR,
      maxCalls: 1,
    });
    await world.cycle();

    expect(first).toMatchObject({ asked: 1, allowed: 1, waiting: 1 });
    expect(world.listing('A')).toBeDefined();
    expect(world.listing('B')).toBeUndefined();
    expect(world.status('B')).toMatchObject({ status: 'skipped', reason: 'restriction_pending' });
    const waiting = restrictionsOfMarketplace(
      world.db,
      world.translator,
      { accountId: 'demo', marketplaceId: BR },
      { states: ['pending'], offset: 0, limit: 5 },
    ).items;
    expect(waiting.map((w) => [w.sku, w.label])).toEqual([['B', 'Verificando na Amazon']]);

    await fullCycle(world);
    expect(world.listing('B')).toBeDefined();
  }, 60_000);
});

describe('when Amazon does not answer', () => {
  for (const fault of ['rate429', 'rate5xx'] as const) {
    it(`(${fault}) the product waits with Amazon's error, is retried each cycle, and after a day is sent unverified`, async () => {
      const open = item(fault === 'rate429' ? 'B0OPEN0005' : 'B0OPEN0006', 'Barro & Arte');
      world = await sendWorld({ catalogItems: [open] });
      addOffer(world, 'VASO', open);
      const key = { accountId: 'demo', marketplaceId: BR, asin: open.asin };
      const failingCheck = () => failingCheckThenCycle(world as SendWorld, fault);

      await failingCheck();
      expect(world.listing('VASO')).toBeUndefined();
      expect(world.status('VASO')).toMatchObject({ status: 'skipped', reason: 'restriction_pending' });
      const [waiting] = restrictionsOfMarketplace(
        world.db,
        world.translator,
        { accountId: 'demo', marketplaceId: BR },
        { states: ['pending'], offset: 0, limit: 5 },
      ).items;
      expect(waiting?.label).toBe('Verificando na Amazon (a Amazon ainda não respondeu)');
      expect(waiting?.lastError).toMatch(fault === 'rate429' ? /^429 QuotaExceeded: / : /^50[03] (InternalFailure|ServiceUnavailable): /);
      expect(world.sim.control.faultsInjected()[fault === 'rate429' ? '429' : '5xx']).toBeGreaterThan(0);

      // Still failing half a day later: still waiting (the bound is a day and three tries).
      world.clock.advance(DAY / 2);
      await failingCheck();
      expect(getRestriction(world.db, key)?.state).toBe('pending');
      expect(world.listing('VASO')).toBeUndefined();

      world.clock.advance(DAY / 2 + 1);
      await failingCheck();
      expect(getRestriction(world.db, key)?.state).toBe('unverified');
      expect(world.listing('VASO')?.asin).toBe(open.asin);
      expect(world.status('VASO')?.status).toBe('live');
      expect(GIVE_UP_AFTER_MS).toBe(DAY);
    }, 120_000);
  }

  it('an answer already cached stays when a re-check fails', async () => {
    const gated = item('B0GATED003', 'Som Puro');
    world = await sendWorld({ catalogItems: [gated] });
    addOffer(world, 'FONE', gated);
    await fullCycle(world);
    world.clock.advance(RESTRICTION_TTL_MS + 1);
    await failingCheckThenCycle(world, 'rate5xx');

    expect(getRestriction(world.db, { accountId: 'demo', marketplaceId: BR, asin: 'B0GATED003' })).toMatchObject({
      state: 'restricted',
      lastError: expect.stringMatching(/^50[03] (InternalFailure|ServiceUnavailable): /),
    });
    expect(world.listing('FONE')).toBeUndefined();
  }, 60_000);
});
