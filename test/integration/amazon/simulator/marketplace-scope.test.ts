import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BR, FIXTURE_PRODUCT_TYPES } from './fixtures';
import { startHarness, type Harness } from './harness';

/**
 * A seller SKU's listings are per marketplace, as on Amazon: each marketplace has its own
 * attributes, status, issues and summary, and nothing written for Amazon.com.br shows on
 * Amazon.com. The demo seller sells on BR and US; BRC-001 is listed on BR only.
 */
const US = 'ATVPDKIKX0DER';
const DE = 'A1PA6795UKMFR9';
const CONTENT_TYPE = 'application/json; charset=UTF-8';

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

/** A WIDGET offer in one marketplace, every value tagged for it. */
function offerIn(marketplaceId: string, price: number, quantity: number, language = marketplaceId === BR ? 'pt_BR' : 'en_US'): Record<string, unknown[]> {
  const currency = marketplaceId === BR ? 'BRL' : 'USD';
  return {
    item_name: [{ value: `Widget ${currency}`, language_tag: language, marketplace_id: marketplaceId }],
    brand: [{ value: 'Marca', language_tag: language, marketplace_id: marketplaceId }],
    condition_type: [{ value: 'new_new', marketplace_id: marketplaceId }],
    externally_assigned_product_identifier: [{ type: 'ean', value: '7891000000014', marketplace_id: marketplaceId }],
    purchasable_offer: [{ marketplace_id: marketplaceId, currency, our_price: [{ schedule: [{ value_with_tax: price }] }] }],
    fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity }],
  };
}

type Item = {
  sku: string;
  summaries?: { marketplaceId: string; status: string[]; itemName?: string; asin?: string }[];
  offers?: { marketplaceId: string; price: { currencyCode: string; amount: string } }[];
  issues?: { code: string; marketplaceIds: string[] }[];
};
type Submission = { status: string; issues: { code: string; attributeNames?: string[]; marketplaceIds: string[] }[] };

async function put(sku: string, marketplaceId: string, attributes: Record<string, unknown[]>): Promise<Submission> {
  h.clock.advance(1_000); // within the listings usage plans
  const res = await h.call('PUT', `${base}/${sku}`, {
    query: { marketplaceIds: marketplaceId },
    body: { productType: 'WIDGET', requirements: 'LISTING', attributes },
  });
  return res.body as Submission;
}

async function get(sku: string, marketplaceIds: string, includedData = 'summaries,offers,issues'): Promise<{ status: number; item: Item }> {
  h.clock.advance(1_000);
  const res = await h.call('GET', `${base}/${sku}`, { query: { marketplaceIds, includedData } });
  return { status: res.status, item: res.body as Item };
}

async function search(marketplaceIds: string, extra: Record<string, string> = {}): Promise<Item[]> {
  h.clock.advance(1_000);
  const res = await h.call('GET', base, { query: { marketplaceIds, pageSize: '20', includedData: 'summaries,offers', ...extra } });
  expect(res.status).toBe(200);
  return (res.body as { items: Item[] }).items;
}

describe('listings per SKU × marketplace', () => {
  it('does not show a listing of Amazon.com.br on Amazon.com, by get or by search', async () => {
    expect((await get('BRC-001', US)).status).toBe(404);
    expect((await search(US)).map((i) => i.sku)).toEqual([]);
    expect((await search(US, { identifiers: 'BRC-001', identifiersType: 'SKU' })).map((i) => i.sku)).toEqual([]);
    expect((await search(BR)).map((i) => i.sku).sort()).toEqual(['BRC-001', 'CAM-001-PRE-M', 'COL-001']);
    const br = await get('BRC-001', BR);
    expect(br.item.summaries?.map((s) => s.marketplaceId)).toEqual([BR]);
  });

  it('keeps each marketplace its own offer, status and summary for one SKU, and deletes one without the other', async () => {
    expect((await put('W1', BR, offerIn(BR, 19.9, 5))).status).toBe('ACCEPTED');
    expect((await put('W1', US, offerIn(US, 4.5, 0))).status).toBe('ACCEPTED');

    const br = (await get('W1', BR)).item;
    const us = (await get('W1', US)).item;
    expect(br.summaries).toEqual([expect.objectContaining({ marketplaceId: BR, status: ['BUYABLE', 'DISCOVERABLE'], itemName: 'Widget BRL' })]);
    expect(br.offers).toEqual([expect.objectContaining({ marketplaceId: BR, price: { currencyCode: 'BRL', amount: '19.90' } })]);
    expect(us.summaries).toEqual([expect.objectContaining({ marketplaceId: US, status: ['DISCOVERABLE'], itemName: 'Widget USD' })]);
    expect(us.offers).toEqual([expect.objectContaining({ marketplaceId: US, price: { currencyCode: 'USD', amount: '4.50' } })]);
    // One SKU is one product: the same ASIN in both marketplaces.
    expect(us.summaries?.[0]?.asin).toBe(br.summaries?.[0]?.asin);

    const both = (await get('W1', `${BR},${US}`)).item;
    expect(both.summaries?.map((s) => s.marketplaceId)).toEqual([BR, US]);
    expect(both.offers?.map((o) => o.price.currencyCode)).toEqual(['BRL', 'USD']);

    expect((await search(US, { withStatus: 'BUYABLE' })).map((i) => i.sku)).toEqual([]);
    expect((await search(BR, { withStatus: 'BUYABLE' })).map((i) => i.sku)).toContain('W1');

    h.clock.advance(1_000);
    expect((await h.call('DELETE', `${base}/W1`, { query: { marketplaceIds: US } })).status).toBe(200);
    expect((await get('W1', US)).status).toBe(404);
    expect((await get('W1', BR)).status).toBe(200);
    expect(h.sim.control.listings(undefined, BR).map((l) => l.sku)).toContain('W1');
    expect(h.sim.control.listings(undefined, US).map((l) => l.sku)).not.toContain('W1');
  });

  it('refuses a patch in a marketplace where the SKU has no listing, and applies one only where it is sent', async () => {
    h.clock.advance(1_000);
    const patch = (marketplaceIds: string, quantity: number) =>
      h.call('PATCH', `${base}/BRC-001`, {
        query: { marketplaceIds },
        body: {
          productType: 'WIDGET',
          patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity }] }],
        },
      });
    const us = (await patch(US, 3)).body as Submission;
    expect(us).toMatchObject({ status: 'INVALID', issues: [expect.objectContaining({ code: '4000003', marketplaceIds: [US] })] });
    expect((await get('BRC-001', US)).status).toBe(404);

    await put('W2', US, offerIn(US, 4.5, 2));
    expect(((await patch(`${BR},${US}`, 9)).body as Submission).status).toBe('INVALID');
    expect(((await patch(BR, 9)).body as Submission).status).toBe('ACCEPTED');
    expect(h.sim.control.listings(undefined, BR).find((l) => l.sku === 'BRC-001')?.attributes.fulfillment_availability).toEqual([
      { fulfillment_channel_code: 'DEFAULT', quantity: 9 },
    ]);
  });

  it("does not take values tagged for another marketplace as this marketplace's: what they would give is missing", async () => {
    // Amazon.com listing built with Amazon.com.br's values (the mistake a client makes when it reuses a document).
    const res = await put('W3', US, offerIn(BR, 19.9, 5));
    expect(res.status).toBe('INVALID');
    expect(res.issues.map((i) => [i.code, i.attributeNames?.[0], i.marketplaceIds])).toEqual(
      expect.arrayContaining([
        ['90220', 'item_name', [US]],
        ['90220', 'brand', [US]],
        ['90220', 'condition_type', [US]],
      ]),
    );
    expect((await get('W3', US)).status).toBe(404);
    // A mixed document keeps each marketplace's own values only.
    const mixed = { ...offerIn(US, 4.5, 2), purchasable_offer: [...offerIn(US, 4.5, 2).purchasable_offer!, ...offerIn(BR, 19.9, 2).purchasable_offer!] };
    expect((await put('W4', US, mixed)).status).toBe('ACCEPTED');
    expect(h.sim.control.listings(undefined, US).find((l) => l.sku === 'W4')?.attributes.purchasable_offer).toEqual(offerIn(US, 4.5, 2).purchasable_offer);
  });

  it('refuses marketplaces the seller does not sell in on reads too (400 BAD_REQUEST)', async () => {
    const res = await h.call('GET', `${base}/BRC-001`, { query: { marketplaceIds: DE } });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { code: string }[] }).errors[0]?.code).toBe('BAD_REQUEST');
    expect((await h.call('GET', base, { query: { marketplaceIds: DE } })).status).toBe(400);
  });

  it('applies a feed to the listings of the feed marketplace only', async () => {
    await put('W5', US, offerIn(US, 4.5, 2));
    const doc = (await h.call('POST', '/feeds/2021-06-30/documents', { body: { contentType: CONTENT_TYPE } })).body as { feedDocumentId: string; url: string };
    const messages = [
      {
        messageId: 1,
        sku: 'BRC-001',
        operationType: 'PATCH',
        productType: 'WIDGET',
        patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 1 }] }],
      },
      {
        messageId: 2,
        sku: 'W5',
        operationType: 'PATCH',
        productType: 'WIDGET',
        patches: [{ op: 'replace', path: '/attributes/fulfillment_availability', value: [{ fulfillment_channel_code: 'DEFAULT', quantity: 8 }] }],
      },
      { messageId: 3, sku: 'W6', operationType: 'UPDATE', productType: 'WIDGET', requirements: 'LISTING', attributes: offerIn(US, 3, 3) },
    ];
    await fetch(doc.url, {
      method: 'PUT',
      headers: { 'content-type': CONTENT_TYPE },
      body: JSON.stringify({ header: { sellerId: h.sim.demo.sellerId, version: '2.0' }, messages }),
    });
    const created = await h.call('POST', '/feeds/2021-06-30/feeds', {
      body: { feedType: 'JSON_LISTINGS_FEED', marketplaceIds: [US], inputFeedDocumentId: doc.feedDocumentId },
    });
    expect(created.status).toBe(202);
    h.sim.control.advance(60_000);

    const us = new Map(h.sim.control.listings(undefined, US).map((l) => [l.sku, l]));
    const br = new Map(h.sim.control.listings(undefined, BR).map((l) => [l.sku, l]));
    expect(us.has('BRC-001')).toBe(false);
    expect(br.get('BRC-001')?.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 25 }]);
    expect(us.get('W5')?.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 8 }]);
    expect(us.get('W6')?.marketplaceId).toBe(US);
    expect(br.has('W6')).toBe(false);
  });

  it("lists only the report marketplace's offers in GET_MERCHANT_LISTINGS_ALL_DATA", async () => {
    await put('BRC-001', US, offerIn(US, 4.5, 2));
    const rows = async (marketplaceId: string) => {
      const { reportId } = (
        await h.call('POST', '/reports/2021-06-30/reports', { body: { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', marketplaceIds: [marketplaceId] } })
      ).body as { reportId: string };
      h.sim.control.advance(45_000);
      const { reportDocumentId } = (await h.call('GET', `/reports/2021-06-30/reports/${reportId}`)).body as { reportDocumentId: string };
      const { url } = (await h.call('GET', `/reports/2021-06-30/documents/${encodeURIComponent(reportDocumentId)}`)).body as { url: string };
      const [header, ...lines] = (await (await fetch(url)).text())
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t'));
      const col = (name: string) => header?.indexOf(name) ?? -1;
      return lines.map((r) => `${r[col('seller-sku')]} ${r[col('price')]}`).sort();
    };
    expect(await rows(US)).toEqual(['BRC-001 4.50']);
    expect(await rows(BR)).toEqual(['BRC-001 89.90', 'CAM-001-PRE-M 49.90', 'COL-001 299.00']);
  });

  it('places orders in the marketplace of the offer bought, never where the SKU is not listed', async () => {
    await put('W7', US, offerIn(US, 4.5, 2));
    const order = h.sim.control.createOrder({ lines: [{ sku: 'W7' }], willCancel: false });
    expect(order).toMatchObject({ marketplaceId: US, currency: 'USD', lines: [expect.objectContaining({ sku: 'W7', unitPrice: 4.5 })] });
    expect(() => h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }], marketplaceId: US })).toThrow(/No listing/);
    expect(h.sim.control.createOrder({ lines: [{ sku: 'BRC-001' }] }).marketplaceId).toBe(BR);
  });

  it('answers a catalog search by SKU with the ASIN of the SKU in that marketplace only', async () => {
    const bySku = async (marketplaceId: string) =>
      (
        (
          await h.call('GET', '/catalog/2022-04-01/items', {
            query: { marketplaceIds: marketplaceId, identifiers: 'BRC-001', identifiersType: 'SKU', sellerId: h.sim.demo.sellerId },
          })
        ).body as { items: { asin: string }[] }
      ).items.map((i) => i.asin);
    expect(await bySku(BR)).toEqual(['B0DM00000Y']);
    expect(await bySku(US)).toEqual([]);
  });
});

describe('automatic orders per marketplace', () => {
  it('buys BUYABLE offers in each marketplace and places each order where its offer is', async () => {
    await h.sim.close();
    h = await startHarness({ productTypesDir: FIXTURE_PRODUCT_TYPES, autoOrderEveryMs: 60_000 });
    base = `/listings/2021-08-01/items/${h.sim.demo.sellerId}`;
    // In stock on Amazon.com, out of stock on Amazon.com.br: buyable on Amazon.com only.
    await put('BOTH', US, offerIn(US, 4.5, 50));
    await put('BOTH', BR, offerIn(BR, 19.9, 0));
    h.sim.control.advance(20 * 60_000);
    const orders = h.sim.control.orders();
    expect(orders.length).toBeGreaterThan(5);
    for (const order of orders) {
      for (const line of order.lines) {
        expect(
          h.sim.control.listings(undefined, order.marketplaceId).map((l) => l.sku),
          `${order.orderId} ${line.sku}`,
        ).toContain(line.sku);
      }
    }
    const both = orders.filter((o) => o.lines.some((l) => l.sku === 'BOTH'));
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((o) => o.marketplaceId === US && o.currency === 'USD' && o.lines[0]?.unitPrice === 4.5)).toBe(true);
  });
});
