import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BR, FIXTURE_PRODUCT_TYPES, widgetAttributes } from './fixtures';
import { startHarness, type Harness } from './harness';

const US = 'ATVPDKIKX0DER';
let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  if (h) expect(h.sim.control.responseViolations()).toEqual([]);
  await h?.sim.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('state persistence', () => {
  it('keeps listings, tokens and orders across a restart from the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-sim-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    h = await startHarness({ stateFile, productTypesDir: FIXTURE_PRODUCT_TYPES });
    const token = await h.token();
    await h.call('PUT', `/listings/2021-08-01/items/${h.sim.demo.sellerId}/KEEP`, {
      query: { marketplaceIds: BR },
      body: { productType: 'WIDGET', attributes: widgetAttributes() },
      token,
    });
    const order = h.sim.control.createOrder({ lines: [{ sku: 'KEEP' }] });
    await h.sim.close();
    expect(readdirSync(dir)).toEqual(['state.json']);

    h = await startHarness({ stateFile, productTypesDir: FIXTURE_PRODUCT_TYPES });
    const got = await h.call('GET', `/listings/2021-08-01/items/${h.sim.demo.sellerId}/KEEP`, { query: { marketplaceIds: BR }, token });
    expect(got.status).toBe(200);
    expect(h.sim.control.orders().map((o) => o.orderId)).toContain(order.orderId);
  });

  it('loads a state saved before listings were per marketplace: each listing where it was written, and where its values are tagged for, only there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-sim-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    h = await startHarness({ stateFile, productTypesDir: FIXTURE_PRODUCT_TYPES });
    await h.sim.close();
    // The version 1 layout: seller → SKU → one listing, holding the marketplace of its last write.
    const current = JSON.parse(readFileSync(stateFile, 'utf8')) as { listings: Record<string, Record<string, Record<string, Record<string, unknown>>>> };
    const seller = h.sim.demo.sellerId;
    const old: Record<string, Record<string, unknown>> = {};
    for (const [sku, byMarketplace] of Object.entries(current.listings[seller] ?? {})) old[sku] = Object.values(byMarketplace)[0] ?? {};
    const usName = [{ value: 'Old US', language_tag: 'en_US', marketplace_id: US }];
    // Written for Amazon.com only.
    old['OLD-US'] = {
      ...old['CAM-001-PRE-M'],
      sku: 'OLD-US',
      marketplaceId: US,
      attributes: { item_name: usName, fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 2 }] },
    };
    // Written for Amazon.com.br, then patched for Amazon.com (its last write): offered in both.
    old['OLD-BOTH'] = {
      ...old['CAM-001-PRE-M'],
      sku: 'OLD-BOTH',
      marketplaceId: US,
      attributes: { ...widgetAttributes(), item_name: [...widgetAttributes().item_name!, ...usName] },
    };
    writeFileSync(stateFile, JSON.stringify({ ...current, version: 1, listings: { [seller]: old } }));

    h = await startHarness({ stateFile, productTypesDir: FIXTURE_PRODUCT_TYPES });
    const base = `/listings/2021-08-01/items/${seller}`;
    const get = (sku: string, marketplaceIds: string) => h!.call('GET', `${base}/${sku}`, { query: { marketplaceIds, includedData: 'attributes' } });
    const attributes = async (sku: string, marketplaceIds: string) =>
      ((await get(sku, marketplaceIds)).body as { attributes: Record<string, unknown[]> }).attributes;
    expect((await get('BRC-001', BR)).status).toBe(200);
    expect((await get('BRC-001', US)).status).toBe(404);
    expect((await get('OLD-US', US)).status).toBe(200);
    expect((await get('OLD-US', BR)).status).toBe(404);
    // Each marketplace's listing keeps only the values that apply there.
    expect((await attributes('OLD-BOTH', US)).item_name).toEqual(usName);
    expect((await attributes('OLD-BOTH', US)).brand).toBeUndefined();
    expect((await attributes('OLD-BOTH', BR)).item_name).toEqual(widgetAttributes().item_name);
    expect((await attributes('OLD-BOTH', BR)).brand).toEqual(widgetAttributes().brand);
    expect(
      h.sim.control
        .listings()
        .map((l) => `${l.marketplaceId} ${l.sku}`)
        .sort(),
    ).toEqual([`${BR} BRC-001`, `${BR} CAM-001-PRE-M`, `${BR} COL-001`, `${BR} OLD-BOTH`, `${US} OLD-BOTH`, `${US} OLD-US`]);
    await h.sim.close();
    expect((JSON.parse(readFileSync(stateFile, 'utf8')) as { version: number }).version).toBe(2);
    h = undefined;
  });

  it('writes nothing when no state file is given', async () => {
    h = await startHarness();
    expect(existsSync(join(process.cwd(), 'state.json'))).toBe(false);
  });
});

describe('product type definitions', () => {
  it('serves the schema and meta-schema on the simulator with a Base64-MD5 checksum', async () => {
    h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES });
    const found = await h.call('GET', '/definitions/2020-09-01/productTypes', { query: { marketplaceIds: BR, keywords: 'widget' } });
    expect((found.body as { productTypes: { name: string }[] }).productTypes.map((p) => p.name)).toEqual(['WIDGET']);

    const def = (await h.call('GET', '/definitions/2020-09-01/productTypes/WIDGET', { query: { marketplaceIds: BR, requirements: 'LISTING' } })).body as {
      schema: { link: { resource: string }; checksum: string };
      metaSchema: { link: { resource: string }; checksum: string };
      productTypeVersion: { version: string; latest: boolean };
    };
    expect(def.schema.link.resource.startsWith(h.sim.url)).toBe(true);
    const schemaBytes = Buffer.from(await (await fetch(def.schema.link.resource)).arrayBuffer());
    expect(createHash('md5').update(schemaBytes).digest('base64')).toBe(def.schema.checksum);
    expect(JSON.parse(schemaBytes.toString('utf8')).$id).toMatch(/WIDGET$/);
    const metaBytes = Buffer.from(await (await fetch(def.metaSchema.link.resource)).arrayBuffer());
    expect(createHash('md5').update(metaBytes).digest('base64')).toBe(def.metaSchema.checksum);
    expect(def.productTypeVersion.latest).toBe(true);
  });

  it('serves the authored product types, searchable by their Portuguese names', async () => {
    h = await startHarness();
    const res = await h.call('GET', '/definitions/2020-09-01/productTypes', { query: { marketplaceIds: BR, keywords: 'calçados', locale: 'pt_BR' } });
    expect((res.body as { productTypes: { name: string; displayName: string }[] }).productTypes).toEqual([
      { name: 'SHOES', displayName: 'Calçados', marketplaceIds: [BR] },
    ]);
    const catalog = await h.call('GET', '/catalog/2022-04-01/items', {
      query: { marketplaceIds: BR, identifiers: '7891000000045', identifiersType: 'EAN', includedData: 'productTypes' },
    });
    const productType = (catalog.body as { items: { productTypes: { productType: string }[] }[] }).items[0]?.productTypes[0]?.productType;
    expect(productType).toBe('SHOES');
    expect((await h.call('GET', `/definitions/2020-09-01/productTypes/${productType}`, { query: { marketplaceIds: BR } })).status).toBe(200);
  });

  it('answers 400 BAD_REQUEST for an unknown product type', async () => {
    h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES });
    const res = await h.call('GET', '/definitions/2020-09-01/productTypes/NOPE', { query: { marketplaceIds: BR } });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string }[] }).errors[0]?.code).toBe('BAD_REQUEST');
  });
});

describe('catalog search by EAN', () => {
  it('finds a seeded item by EAN or its UPC/GTIN spelling, and none for an unknown EAN', async () => {
    h = await startHarness();
    // searchCatalogItems allows 2 requests/s (burst 2): space the calls on the simulator clock.
    const search = async (identifiers: string, identifiersType: string) => {
      h!.sim.control.advance(500);
      return (
        await h!.call('GET', '/catalog/2022-04-01/items', {
          query: { marketplaceIds: BR, identifiers, identifiersType, includedData: 'identifiers,productTypes' },
        })
      ).body as { numberOfResults: number; items: { asin: string }[] };
    };
    expect((await search('7891000000014', 'EAN')).items.map((i) => i.asin)).toEqual(['B0SEED0001']);
    expect((await search('07891000000014', 'GTIN')).numberOfResults).toBe(1);
    expect((await search('7891000000999', 'EAN')).numberOfResults).toBe(0);
    h.sim.control.advance(1_000);
    const both = await h.call('GET', '/catalog/2022-04-01/items', {
      query: { marketplaceIds: BR, identifiers: '7891000000014', identifiersType: 'EAN', keywords: 'pulseira' },
    });
    expect(both.status).toBe(400);
    expect((both.body as { errors: { code: string }[] }).errors[0]?.code).toBe('400');
  });
});
