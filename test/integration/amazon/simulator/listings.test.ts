import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BR, FIXTURE_PRODUCT_TYPES, widgetAttributes } from './fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
let base: string;
beforeEach(async () => {
  h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES });
  base = `/listings/2021-08-01/items/${h.sim.demo.sellerId}`;
});
afterEach(async () => {
  expect(h.sim.control.responseViolations()).toEqual([]);
  await h.sim.close();
});

type Submission = { status: string; issues: { code: string; attributeNames?: string[] }[]; identifiers?: { asin: string }[] };

function put(sku: string, attributes: Record<string, unknown[]>, query: Record<string, string> = {}) {
  return h.call('PUT', `${base}/${encodeURIComponent(sku)}`, {
    query: { marketplaceIds: BR, ...query },
    body: { productType: 'WIDGET', requirements: 'LISTING', attributes },
  });
}

describe('putListingsItem', () => {
  it('accepts a valid listing, stores it and links the catalog ASIN by EAN', async () => {
    const res = await put('SKU 1/azul', widgetAttributes());
    expect(res.status).toBe(200);
    expect((res.body as Submission).status).toBe('ACCEPTED');
    const got = await h.call('GET', `${base}/${encodeURIComponent('SKU 1/azul')}`, {
      query: { marketplaceIds: BR, includedData: 'summaries,offers,fulfillmentAvailability' },
    });
    expect(got.body).toMatchObject({
      sku: 'SKU 1/azul',
      summaries: [{ asin: 'B0SEED0001', productType: 'WIDGET', status: ['BUYABLE', 'DISCOVERABLE'], itemName: 'Widget azul' }],
      offers: [{ price: { currencyCode: 'BRL', amount: '19.90' } }],
      fulfillmentAvailability: [{ fulfillmentChannelCode: 'DEFAULT', quantity: 7 }],
    });
  });

  it('reports a missing required attribute as 90220 and an undefined one as 90000900', async () => {
    const attributes = widgetAttributes({ fake_attribute: [{ value: 1 }] });
    delete attributes.brand;
    const res = await put('BAD', attributes);
    const body = res.body as Submission;
    expect(body.status).toBe('INVALID');
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: '90220', attributeNames: ['brand'] }),
        expect.objectContaining({ code: '90000900', attributeNames: ['fake_attribute'] }),
      ]),
    );
    expect(h.sim.control.listings().some((l) => l.sku === 'BAD')).toBe(false);
  });

  it('validates without saving in VALIDATION_PREVIEW mode', async () => {
    const res = await put('PREVIEW', widgetAttributes(), { mode: 'VALIDATION_PREVIEW', includedData: 'identifiers,issues' });
    expect(res.body).toMatchObject({ status: 'VALID', identifiers: [{ marketplaceId: BR, asin: 'B0SEED0001' }] });
    expect(h.sim.control.listings().some((l) => l.sku === 'PREVIEW')).toBe(false);
  });

  it('refuses a product id whose check digit or length is wrong, saving and previewing alike (8106, ERROR)', async () => {
    const wrongDigit = (value: string, type = 'ean') => widgetAttributes({ externally_assigned_product_identifier: [{ type, value, marketplace_id: BR }] });
    for (const [sku, attributes] of [
      ['EAN-DIGIT', wrongDigit('7891000000015')],
      ['EAN-LENGTH', wrongDigit('789100000001')],
      ['UPC-DIGIT', wrongDigit('012345678906', 'upc')],
      ['GTIN-LETTERS', wrongDigit('7891000A00014', 'gtin')],
    ] as const) {
      for (const query of [{}, { mode: 'VALIDATION_PREVIEW', includedData: 'identifiers,issues' }] as Record<string, string>[]) {
        h.clock.advance(1_000); // within putListingsItem's 5/s
        const body = (await put(sku, attributes, query)).body as Submission & {
          issues: { code: string; severity: string; message: string; attributeNames?: string[] }[];
        };
        expect(body.status, `${sku} ${JSON.stringify(query)}`).toBe('INVALID');
        expect(body.issues).toEqual([
          expect.objectContaining({
            code: '8106',
            severity: 'ERROR',
            attributeNames: ['externally_assigned_product_identifier'],
            message: expect.stringContaining(sku),
          }),
        ]);
      }
    }
    expect(h.sim.control.listings().filter((l) => /-(DIGIT|LENGTH|LETTERS)$/.test(l.sku))).toEqual([]);
    // A right check digit of every length passes.
    for (const [value, type] of [
      ['7891000000014', 'ean'],
      ['96385074', 'ean'],
      ['012345678905', 'upc'],
      ['17891000000011', 'gtin'],
    ] as const) {
      h.clock.advance(1_000);
      const res = await put(`OK-${value}`, wrongDigit(value, type));
      expect((res.body as Submission).status, JSON.stringify(res.body)).toBe('ACCEPTED');
    }
  });

  it('refuses a patch that brings in an invalid product id, but not one that leaves it alone', async () => {
    await put('P-EAN', widgetAttributes());
    const patch = (path: string, value: unknown[]) =>
      h.call('PATCH', `${base}/P-EAN`, { query: { marketplaceIds: BR }, body: { productType: 'WIDGET', patches: [{ op: 'replace', path, value }] } });
    const bad = (await patch('/attributes/externally_assigned_product_identifier', [{ type: 'ean', value: '7891000000010', marketplace_id: BR }]))
      .body as Submission;
    expect(bad).toMatchObject({ status: 'INVALID', issues: [expect.objectContaining({ code: '8106' })] });
    expect(((await patch('/attributes/fulfillment_availability', [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }])).body as Submission).status).toBe(
      'ACCEPTED',
    );
  });

  it('refuses writes to another seller with 403', async () => {
    const res = await h.call('PUT', `/listings/2021-08-01/items/AOTHERSELLER/X`, {
      query: { marketplaceIds: BR },
      body: { productType: 'WIDGET', attributes: widgetAttributes() },
    });
    expect(res.status).toBe(403);
  });

  it('answers 400 BAD_REQUEST for two marketplaces on a put', async () => {
    const res = await h.call('PUT', `${base}/X`, {
      query: { marketplaceIds: `${BR},ATVPDKIKX0DER` },
      body: { productType: 'WIDGET', attributes: widgetAttributes() },
      invalidOnPurpose: true,
    });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string; details: string }[] }).errors[0]).toMatchObject({
      code: 'BAD_REQUEST',
      details: expect.stringContaining('marketplaceIds'),
    });
    expect(res.headers.get('x-amzn-ratelimit-limit')).toBe('5');
    expect(h.sim.control.requestViolations()).toEqual([expect.objectContaining({ operation: 'putListingsItem', status: 400 })]);
  });
});

describe('patchListingsItem and deleteListingsItem', () => {
  it('replaces only the patched attribute', async () => {
    await put('P1', widgetAttributes());
    const res = await h.call('PATCH', `${base}/P1`, {
      query: { marketplaceIds: BR },
      body: {
        productType: 'WIDGET',
        patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }] }],
      },
    });
    expect((res.body as Submission).status).toBe('ACCEPTED');
    const listing = h.sim.control.listings().find((l) => l.sku === 'P1');
    expect(listing?.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 0 }]);
    expect(listing?.attributes.item_name).toEqual(widgetAttributes().item_name);
  });

  it('rejects a patched value the schema forbids', async () => {
    await put('P2', widgetAttributes());
    const res = await h.call('PATCH', `${base}/P2`, {
      query: { marketplaceIds: BR },
      body: {
        productType: 'WIDGET',
        patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: -1 }] }],
      },
    });
    expect((res.body as Submission).status).toBe('INVALID');
    expect((res.body as Submission).issues[0]?.attributeNames).toEqual(['fulfillment_availability']);
  });

  it('deletes a listing', async () => {
    await put('D1', widgetAttributes());
    const res = await h.call('DELETE', `${base}/D1`, { query: { marketplaceIds: BR } });
    expect((res.body as Submission).status).toBe('ACCEPTED');
    const got = await h.call('GET', `${base}/D1`, { query: { marketplaceIds: BR } });
    expect(got.status).toBe(404);
  });
});

describe('searchListingsItems', () => {
  it('finds SKUs by identifiers and pages with tokens', async () => {
    for (const sku of ['A', 'B', 'C']) await put(sku, widgetAttributes());
    const found = await h.call('GET', base, { query: { marketplaceIds: BR, identifiers: 'A,C,ZZZ', identifiersType: 'SKU' } });
    expect((found.body as { items: { sku: string }[] }).items.map((i) => i.sku).sort()).toEqual(['A', 'C']);

    const query = { marketplaceIds: BR, pageSize: '4', sortBy: 'sku', sortOrder: 'ASC' };
    const first = (await h.call('GET', base, { query })).body as { numberOfResults: number; items: { sku: string }[]; pagination: { nextToken: string } };
    const second = (await h.call('GET', base, { query: { ...query, pageToken: first.pagination.nextToken } })).body as {
      items: { sku: string }[];
      pagination?: { nextToken?: string };
    };
    expect(first.numberOfResults).toBe(6);
    expect([...first.items, ...second.items].map((i) => i.sku)).toEqual(['A', 'B', 'BRC-001', 'C', 'CAM-001-PRE-M', 'COL-001']);
    expect(second.pagination?.nextToken).toBeUndefined();
  });

  it('rejects more than 20 identifiers and identifiers without a type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => `S${i}`).join(',');
    expect((await h.call('GET', base, { query: { marketplaceIds: BR, identifiers: many, identifiersType: 'SKU' }, invalidOnPurpose: true })).status).toBe(400);
    expect((await h.call('GET', base, { query: { marketplaceIds: BR, identifiers: 'A' } })).status).toBe(400);
  });
});
