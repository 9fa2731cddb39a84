import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/amazon/simulator/seed';
import type { ListingRecord } from '../../../main/amazon/simulator/state-types';
import { prepareCharacteristicIds, prepareSkuCharacteristicSetter } from '../../../main/db/tables/characteristics';
import { setLinkTreatment } from '../../../main/db/tables/listing-links';
import { unselectProducts } from '../../../main/db/tables/listing-selections';
import { checkGtin, withCheckDigit } from '../../../main/ean/gtin';
import { readAndLinkListings } from '../../../main/linking';
import { saveRule } from '../../../main/rules';
import { BR, freshEan, SCOPE, sendWorld, type SendWorld } from './send-world';

/**
 * What is sent is what the seller sees: each point through the real send engine against the
 * strict simulator, with "Incluir produtos"'s readiness beside it.
 */
let world: SendWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function offer(listing: ListingRecord | undefined): { price?: number; quantity?: number; channel?: string; entries: number } {
  const fa = (listing?.attributes['fulfillment_availability'] ?? []) as { fulfillment_channel_code?: string; quantity?: number }[];
  const po = listing?.attributes['purchasable_offer']?.[0] as { our_price?: { schedule?: { value_with_tax?: number }[] }[] } | undefined;
  const price = po?.our_price?.[0]?.schedule?.[0]?.value_with_tax;
  return {
    ...(price !== undefined ? { price } : {}),
    ...(fa[0]?.quantity !== undefined ? { quantity: fa[0].quantity } : {}),
    ...(fa[0]?.fulfillment_channel_code ? { channel: fa[0].fulfillment_channel_code } : {}),
    entries: fa.length,
  };
}

function title(listing: ListingRecord | undefined): unknown {
  return (listing?.attributes['item_name']?.[0] as { value?: unknown } | undefined)?.value;
}

describe('the EAN verdicts gate the send', () => {
  it("never sends an in-store 2xx code, a wrong check digit or a code two SKUs share, and says why in the EAN screen's words", async () => {
    world = await sendWorld();
    const good = freshEan();
    const shared = freshEan();
    const inStore = withCheckDigit('200123456789');
    const wrongDigit = `${good.slice(0, 12)}${(Number(good.at(-1)) + 1) % 10}`;
    const ids = [
      world.addProduct({ key: 'BOM', skus: [{ sku: 'BOM', gtin: good }] }),
      world.addProduct({ key: 'LOJA', skus: [{ sku: 'LOJA', gtin: inStore }] }),
      world.addProduct({ key: 'DIGITO', skus: [{ sku: 'DIGITO', gtin: wrongDigit }] }),
      world.addProduct({ key: 'DUP-A', skus: [{ sku: 'DUP-A', gtin: shared }] }),
      // The same code typed as a 14-digit GTIN: still the same product for Amazon.
      world.addProduct({ key: 'DUP-B', skus: [{ sku: 'DUP-B', gtin: `0${shared}`, asin: 'B0DUPASIN1' }] }),
    ];

    const readiness = world.check(ids);
    const summary = await world.cycle();

    expect(readiness.map((c) => c.status)).toEqual(['ready', 'invalid', 'invalid', 'invalid', 'invalid']);
    expect(summary.sent).toBe(1);
    expect(world.listing('BOM')).toBeDefined();
    for (const sku of ['LOJA', 'DIGITO', 'DUP-A', 'DUP-B']) expect(world.listing(sku)).toBeUndefined();
    const t = world.translator.t;
    expect(checkGtin(inStore).problems.map((p) => p.code)).toContain('RESTRICTED_CIRCULATION');
    expect(world.status('LOJA')).toMatchObject({
      status: 'error',
      reason: 'gtin_rejected',
      issues: [{ code: 'VITRINE_EAN', message: t('ean.problems.RESTRICTED_CIRCULATION') }],
    });
    expect(world.status('DIGITO')?.issues).toEqual([expect.objectContaining({ code: 'VITRINE_EAN', message: t('ean.problems.CHECK_DIGIT') })]);
    expect(world.status('DUP-A')?.issues[0]?.message).toBe(t('ean.problems.DUPLICATE', { skus: 'DUP-B' }));
    expect(world.status('DUP-B')?.issues[0]?.message).toBe(t('ean.problems.DUPLICATE', { skus: 'DUP-A' }));
    // Readiness shows the very same words.
    expect(readiness[2]?.skus[0]?.issues.map((i) => i.message)).toEqual([t('ean.problems.CHECK_DIGIT')]);

    // Fixing the codes is enough: the next cycle sends them.
    world.db.prepare(`UPDATE skus SET gtin = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'DIGITO'`).run(freshEan());
    world.db.prepare(`UPDATE skus SET gtin = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'DUP-B'`).run(freshEan());
    await world.cycle();

    expect(world.listing('DIGITO')).toBeDefined();
    expect(world.listing('DUP-A')).toBeDefined();
    expect(world.status('DUP-A')?.status).toBe('live');
  }, 60_000);
});

describe('a product matched to an existing ASIN is an offer on it', () => {
  it('is ready without product facts and goes out as LISTING_OFFER_ONLY on that ASIN, in the preview and the feed alike', async () => {
    const ean = freshEan();
    world = await sendWorld({ catalogItems: [{ asin: 'B0MATCH001', ean, title: 'Vaso Amazon', brand: 'Outra', productType: 'HOME', marketplaceIds: [BR] }] });
    // No brand, no description: a new ASIN could not be made from this, an offer can.
    const id = world.addProduct({ key: 'CASADO', brand: null, description: null, skus: [{ sku: 'CASADO', gtin: ean, asin: 'B0MATCH001' }] });

    const [ready] = world.check([id]);
    const summary = await world.cycle();

    expect(ready?.status).toBe('ready');
    expect(ready?.skus[0]?.listing?.requirements).toBe('LISTING_OFFER_ONLY');
    const [message] = world.messages('CASADO');
    expect(message).toMatchObject({ operationType: 'UPDATE', requirements: 'LISTING_OFFER_ONLY', attributes: ready?.skus[0]?.listing?.attributes });
    expect(Object.keys((message?.['attributes'] as object | undefined) ?? {}).sort()).toEqual(
      ['condition_type', 'fulfillment_availability', 'list_price', 'merchant_suggested_asin', 'purchasable_offer'].sort(),
    );
    expect(summary.accepted).toBe(1);
    expect(world.listing('CASADO')?.asin).toBe('B0MATCH001');
    expect(world.status('CASADO')?.status).toBe('live');
  }, 60_000);
});

describe("the simulator holds offers to Amazon's terms", () => {
  it('refuses an offer on an ASIN its catalog does not have, as Amazon does', async () => {
    world = await sendWorld();
    world.addProduct({ key: 'ASIN-ERRADO', skus: [{ sku: 'ASIN-ERRADO', asin: 'B0NOSUCH01' }] });

    const summary = await world.cycle();

    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    expect(world.messages('ASIN-ERRADO')[0]).toMatchObject({ requirements: 'LISTING_OFFER_ONLY' });
    expect(world.status('ASIN-ERRADO')).toMatchObject({ status: 'error', issues: [{ code: '4000001', attributeName: 'merchant_suggested_asin' }] });
  }, 60_000);
});

describe('the fast lane', () => {
  it('sends stock and price of a live SKU at once even while its content change waits; content waits for the full cycle', async () => {
    world = await sendWorld();
    world.addProduct({ key: 'V1', skus: [{ sku: 'V1', stock: 5 }] });
    await world.cycle();
    const newcomer = world.addProduct({ key: 'NOVO', skus: [{ sku: 'NOVO' }] });
    void newcomer;

    world.db.prepare(`UPDATE products SET title = 'Vaso azul novo', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE key = 'V1'`).run();
    world.db.prepare(`UPDATE skus SET stock = 2, price_cents = 5990, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'V1'`).run();
    await world.cycle('fast');

    const fast = world.messages('V1').at(-1);
    expect(fast).toMatchObject({ operationType: 'PATCH' });
    expect((fast?.['patches'] as { path: string }[]).map((p) => p.path).sort()).toEqual([
      '/attributes/fulfillment_availability',
      '/attributes/list_price',
      '/attributes/purchasable_offer',
    ]);
    expect(offer(world.listing('V1'))).toMatchObject({ quantity: 2, price: 59.9 });
    expect(title(world.listing('V1'))).toBe('Vaso de cerâmica V1');
    // A SKU never sent waits for the full cycle.
    expect(world.listing('NOVO')).toBeUndefined();

    await world.cycle('full');

    expect(world.messages('V1').at(-1)).toMatchObject({ operationType: 'UPDATE' });
    expect(title(world.listing('V1'))).toBe('Vaso azul novo');
    expect(world.listing('NOVO')).toBeDefined();
    // Nothing left over: a further cycle sends nothing.
    expect((await world.cycle('full')).sent).toBe(0);
  }, 60_000);
});

describe('the preview is the payload', () => {
  it("shows the handling time of the product's characteristic, as the feed sends it, and uses the fallback product type", async () => {
    world = await sendWorld();
    world.settings({ handlingTimeCharacteristic: 'Prazo' });
    const id = world.addProduct({ key: 'PRAZO', characteristics: { Prazo: '5' } });

    const [check] = world.check([id]);
    await world.cycle();

    expect(check?.status).toBe('ready');
    expect(check?.skus[0]?.productType).toBe('HOME');
    const shown = check?.skus[0]?.listing?.attributes['fulfillment_availability'];
    expect(shown).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 5, lead_time_to_ship_max_days: 5 }]);
    expect(world.messages('PRAZO')[0]?.['attributes']).toEqual(check?.skus[0]?.listing?.attributes);
  }, 60_000);
});

describe('variation content per SKU', () => {
  it("sends each child its own title and characteristics over the family's, and the parent the family's, as the preview shows", async () => {
    world = await sendWorld();
    world.settings({ variationTheme: 'SIZE/COLOR', characteristicAttributes: { color: 'Cor', size: 'Tamanho' }, handlingTimeCharacteristic: 'Prazo' });
    const id = world.addProduct({
      key: 'CAM',
      title: 'Vaso família',
      characteristics: { Prazo: '2' },
      skus: [
        { sku: 'CAM-P', variation: { Cor: 'Azul', Tamanho: 'P' } },
        { sku: 'CAM-G', variation: { Cor: 'Azul', Tamanho: 'G' } },
      ],
    });
    const skuId = (code: string) => world?.db.prepare('SELECT id FROM skus WHERE sku = ?').pluck().get(code) as number;
    world.db.prepare(`UPDATE skus SET title = 'Vaso família P', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'CAM-P'`).run();
    prepareSkuCharacteristicSetter(world.db)(skuId('CAM-P'), prepareCharacteristicIds(world.db)('Prazo'), '7');

    const [check] = world.check([id]);
    await world.cycle();

    const sent = (sku: string) =>
      world?.messages(sku)[0]?.['attributes'] as Record<string, { value?: unknown; lead_time_to_ship_max_days?: number }[]> | undefined;
    expect(sent('CAM')?.['item_name']?.[0]?.value).toBe('Vaso família');
    expect(sent('CAM-P')?.['item_name']?.[0]?.value).toBe('Vaso família P');
    expect(sent('CAM-G')?.['item_name']?.[0]?.value).toBe('Vaso família');
    expect(sent('CAM-P')?.['fulfillment_availability']?.[0]?.lead_time_to_ship_max_days).toBe(7);
    expect(sent('CAM-G')?.['fulfillment_availability']?.[0]?.lead_time_to_ship_max_days).toBe(2);
    expect(check?.skus.map((s) => [s.sku, s.listing?.attributes])).toEqual(['CAM', 'CAM-P', 'CAM-G'].map((sku) => [sku, sent(sku)]));
    expect(['CAM', 'CAM-P', 'CAM-G'].map((sku) => world?.status(sku)?.status)).toEqual(['live', 'live', 'live']);
  }, 60_000);
});

describe('offers fulfilled by Amazon', () => {
  it('never get a DEFAULT quantity: no availability in updates, no stock patches, no quantity-0 stop', async () => {
    const ean = freshEan();
    const now = Date.now();
    const fba: ListingRecord = {
      sku: 'FBA-1',
      productType: 'HOME',
      requirements: 'LISTING_OFFER_ONLY',
      attributes: {
        merchant_suggested_asin: [{ value: 'B0FBA00001', marketplace_id: BR }],
        condition_type: [{ value: 'new_new', marketplace_id: BR }],
        purchasable_offer: [{ marketplace_id: BR, currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 80 }] }] }],
        list_price: [{ value: 80, currency: 'BRL', marketplace_id: BR }],
        fulfillment_availability: [{ fulfillment_channel_code: 'AMAZON_NA' }],
      },
      marketplaceId: BR,
      asin: 'B0FBA00001',
      issues: [],
      createdAt: now,
      updatedAt: now,
    };
    world = await sendWorld({
      catalogItems: [{ asin: 'B0FBA00001', ean, title: 'Vaso FBA', brand: 'Barro & Arte', productType: 'HOME', marketplaceIds: [BR] }],
      listings: [fba],
    });
    const id = world.addProduct({ key: 'FBA-1', skus: [{ sku: 'FBA-1', gtin: ean, asin: 'B0FBA00001', priceCents: 9990, stock: 7 }] });
    await readAndLinkListings(world.db, world.client, SCOPE, { clock: world.clock });
    setLinkTreatment(world.db, SCOPE, ['FBA-1'], 'vitrine-manages', 1);

    await world.cycle();
    world.db.prepare(`UPDATE skus SET stock = 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'FBA-1'`).run();
    await world.cycle('fast');
    unselectProducts(world.db, SCOPE, [id]);
    await world.cycle();

    const messages = world.messages('FBA-1');
    expect(messages.map((m) => m['operationType'])).toEqual(['PARTIAL_UPDATE']);
    expect(JSON.stringify(messages)).not.toContain('fulfillment_availability');
    expect(offer(world.listing('FBA-1'))).toEqual({ price: 99.9, channel: 'AMAZON_NA', entries: 1 });
    expect(world.status('FBA-1')).toMatchObject({ status: 'skipped', reason: 'fba_not_stopped' });
  }, 60_000);
});

describe('"don\'t send price"', () => {
  it('still prices a new offer, and leaves the price of an existing offer to the seller', async () => {
    world = await sendWorld();
    world.settings({ sendPrice: false });
    world.addProduct({ key: 'PRECO', skus: [{ sku: 'PRECO', priceCents: 4990 }] });

    await world.cycle();
    expect(world.status('PRECO')?.status).toBe('live');
    expect(offer(world.listing('PRECO')).price).toBe(49.9);

    world.db.prepare(`UPDATE products SET title = 'Vaso preço livre', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE key = 'PRECO'`).run();
    world.db.prepare(`UPDATE skus SET price_cents = 1990, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE sku = 'PRECO'`).run();
    await world.cycle();

    const last = world.messages('PRECO').at(-1);
    expect(last?.['operationType']).toBe('PARTIAL_UPDATE');
    expect(Object.keys((last?.['attributes'] as object | undefined) ?? {})).not.toContain('purchasable_offer');
    expect(title(world.listing('PRECO'))).toBe('Vaso preço livre');
    expect(offer(world.listing('PRECO')).price).toBe(49.9);
  }, 60_000);
});

describe('prices Amazon accepts', () => {
  it('sends 276,90, 19,90, 10,20 and 1.234,56 and Amazon accepts them (multipleOf 0.01 in decimal)', async () => {
    world = await sendWorld();
    const ids = [27690, 1990, 1020, 123456].map((cents) => world?.addProduct({ key: `P${cents}`, skus: [{ sku: `P${cents}`, priceCents: cents }] }) ?? -1);

    const readiness = world.check(ids);
    const summary = await world.cycle();

    expect(readiness.map((c) => c.status)).toEqual(['ready', 'ready', 'ready', 'ready']);
    expect(summary).toMatchObject({ accepted: 4, failed: 0 });
    expect(offer(world.listing('P27690')).price).toBe(276.9);
  }, 60_000);
});

describe("the engine sends only what passes the product type's rules", () => {
  it('holds back a product a listing rule selected but that lacks what Amazon requires, saying what is missing', async () => {
    world = await sendWorld();
    world.addProduct({ key: 'OK', selected: false });
    world.addProduct({ key: 'SEM-MARCA', brand: null, selected: false });
    saveRule(world.db, SCOPE, undefined, { name: 'Tudo com estoque', enabled: true, conditions: [{ kind: 'stock', min: 1 }], onExit: 'zero-quantity' }, 0);

    const summary = await world.cycle();

    expect(summary).toMatchObject({ sent: 1, accepted: 1, failed: 0 });
    expect(world.listing('SEM-MARCA')).toBeUndefined();
    expect(world.status('SEM-MARCA')).toMatchObject({
      status: 'error',
      reason: 'listing_invalid',
      issues: [{ code: 'VITRINE_LISTING', attributeName: 'brand', message: 'Marca não preenchida: preencha a coluna Marca do produto' }],
    });
    expect(world.sim.control.listings(DEMO.sellerId).map((l) => l.sku)).toContain('OK');
  }, 60_000);
});
