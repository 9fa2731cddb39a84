import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import type { Db } from '../../../main/db/connection';
import { saveAttributeMapping } from '../../../main/db/tables/attribute-mappings';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { prepareCategoryPaths } from '../../../main/db/tables/categories';
import { prepareCharacteristicWriter } from '../../../main/db/tables/characteristics';
import { insertLinks, setLinkTreatment } from '../../../main/db/tables/listing-links';
import { selectProducts, unselectProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { saveRule } from '../../../main/rules';
import { runCycle } from '../../../main/sync/engine';
import { saveSyncSettings } from '../../../main/sync/settings';
import { FakeFeedClient } from './fake-feed-client';
import { addProduct, BR, HOME_DEFAULTS, settings, setStock, statusOf, syncDb } from './fixtures';

/**
 * The send engine obeys the seller's decisions made on other screens: the selection (manual and
 * listing rules), the category and characteristic mappings, and existing offers' links.
 */
const SCOPE = { accountId: 'acc', marketplaceId: BR };
const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;

function setup() {
  const db = syncDb();
  const clock = new VirtualClock();
  const client = new FakeFeedClient(clock);
  const cycle = (lane: 'full' | 'fast' = 'full') => runCycle({ db, client, clock, accountId: 'acc', lane, trigger: 'cli' });
  return { db, client, cycle };
}

/**
 * No fallback product type: only what the Categorias screen maps is sent. HOME's required values
 * a store catalog lacks are filled as constants, as a seller does on the characteristics screen.
 */
function mappingOnly(db: Db): void {
  saveSyncSettings(db, 'acc', BR, {});
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 't',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema: HOME,
  });
  for (const [attribute, value] of Object.entries(HOME_DEFAULTS)) {
    saveAttributeMapping(db, { marketplaceId: BR, productType: 'HOME', attribute, characteristic: null, valueMap: {}, unit: null, defaultValue: value }, 0);
  }
}

function categoryId(db: Db, path: readonly string[]): number {
  return prepareCategoryPaths(db)(path);
}

function setCategory(db: Db, productKey: string, id: number | null): void {
  db.prepare('UPDATE products SET category_id = ?, updated_at = updated_at + 1 WHERE key = ?').run(id, productKey);
}

function sentSkus(client: FakeFeedClient): string[] {
  return client.feeds.flatMap((f) => f.messages.map((m) => m.sku));
}

describe('the send follows the selection', () => {
  it('sends nothing for a product not selected, says why, and sends it once it is selected', async () => {
    const { db, client, cycle } = setup();
    addProduct(db, 'P1', [{ sku: 'SKU1' }]);
    const p2 = addProduct(db, 'P2', [{ sku: 'SKU2' }], 'Produto P2', false);

    await cycle();

    expect(sentSkus(client)).toEqual(['SKU1']);
    expect(statusOf(db, 'SKU2')).toMatchObject({ status: 'skipped', reason: 'not_selected' });

    selectProducts(db, SCOPE, [p2], 1);
    await cycle();

    expect(sentSkus(client)).toEqual(['SKU1', 'SKU2']);
    expect(statusOf(db, 'SKU2')?.status).toBe('live');
  });

  it('takes a live product out of sale with quantity 0 when the seller unselects it', async () => {
    const { db, client, cycle } = setup();
    const p1 = addProduct(db, 'P1', [{ sku: 'SKU1' }]);
    await cycle();

    unselectProducts(db, SCOPE, [p1]);
    await cycle();

    const stop = client.messagesFor('SKU1').at(-1);
    expect(stop).toMatchObject({ operationType: 'PATCH' });
    expect(JSON.stringify(stop?.patches)).toContain('"quantity":0');
    expect(statusOf(db, 'SKU1')).toMatchObject({ status: 'removed', reason: 'deselected' });
  });

  it('selects by listing rules on every cycle; a product leaving a "leave" rule keeps its offer untouched', async () => {
    const { db, client, cycle } = setup();
    addProduct(db, 'P1', [{ sku: 'SKU1', stock: 10 }], 'Produto P1', false);
    addProduct(db, 'P2', [{ sku: 'SKU2', stock: 1 }], 'Produto P2', false);
    saveRule(db, SCOPE, undefined, { name: 'Com estoque', enabled: true, conditions: [{ kind: 'stock', min: 5 }], onExit: 'leave' }, 0);

    await cycle();
    expect(sentSkus(client)).toEqual(['SKU1']);

    // Stock drops below the rule's minimum: the rule lets P1 go, and its offer is left alone.
    setStock(db, 'SKU1', 2);
    await cycle();

    expect(sentSkus(client)).toEqual(['SKU1']);
    expect(statusOf(db, 'SKU1')).toMatchObject({ status: 'skipped', reason: 'rule_exit_leave' });
  });

  it('a product leaving a "quantity 0" rule is zeroed even when deselected listings are deleted', async () => {
    const { db, client, cycle } = setup();
    settings(db, { deselected: 'delete' });
    addProduct(db, 'P1', [{ sku: 'SKU1', stock: 10 }], 'Produto P1', false);
    saveRule(db, SCOPE, undefined, { name: 'Com estoque', enabled: true, conditions: [{ kind: 'stock', min: 5 }], onExit: 'zero-quantity' }, 0);
    await cycle();

    setStock(db, 'SKU1', 2);
    await cycle();

    const last = client.messagesFor('SKU1').at(-1);
    expect(last?.operationType).toBe('PATCH');
    expect(JSON.stringify(last?.patches)).toContain('"quantity":0');
  });
});

describe('the send follows the mappings', () => {
  it("builds each product as its category's product type with mapped characteristics and value maps", async () => {
    const { db, client, cycle } = setup();
    mappingOnly(db);
    const vasos = categoryId(db, ['Casa', 'Vasos']);
    setCategoryMapping(db, { categoryId: categoryId(db, ['Casa']), marketplaceId: BR, productType: 'HOME', variationTheme: null }, 0);
    saveAttributeMapping(
      db,
      { marketplaceId: BR, productType: 'HOME', attribute: 'color', characteristic: 'Cor', valueMap: { Azul: 'Blue' }, unit: null, defaultValue: null },
      0,
    );
    saveAttributeMapping(
      db,
      { marketplaceId: BR, productType: 'HOME', attribute: 'material', characteristic: null, valueMap: {}, unit: null, defaultValue: 'Ceramic' },
      0,
    );
    const p1 = addProduct(db, 'P1', [{ sku: 'SKU1' }]);
    setCategory(db, 'P1', vasos);
    prepareCharacteristicWriter(db)(p1, 'Cor', 'Azul');

    await cycle();

    const sent = client.messagesFor('SKU1')[0];
    expect(sent).toMatchObject({ operationType: 'UPDATE' });
    expect(JSON.stringify(sent?.attributes?.color)).toContain('"Blue"');
    expect(JSON.stringify(sent?.attributes?.material)).toContain('"Ceramic"');
  });

  it('holds back products without a category or with an unmapped one, and sends them once mapped', async () => {
    const { db, client, cycle } = setup();
    mappingOnly(db);
    const roupas = categoryId(db, ['Roupas']);
    addProduct(db, 'P1', [{ sku: 'SKU1' }]);
    addProduct(db, 'P2', [{ sku: 'SKU2' }]);
    setCategory(db, 'P2', roupas);

    await cycle();

    expect(sentSkus(client)).toEqual([]);
    expect(statusOf(db, 'SKU1')).toMatchObject({ status: 'skipped', reason: 'no_category' });
    expect(statusOf(db, 'SKU2')).toMatchObject({ status: 'skipped', reason: 'category_unmapped' });

    // Mapping the category (no catalog edit) is enough for the next cycle to send.
    setCategoryMapping(db, { categoryId: roupas, marketplaceId: BR, productType: 'HOME', variationTheme: null }, 1);
    await cycle();

    expect(sentSkus(client)).toEqual(['SKU2']);
  });

  it("says the product type rules are missing when a mapped category's schema was never downloaded", async () => {
    const { db, client, cycle } = setup();
    saveSyncSettings(db, 'acc', BR, {});
    const casa = categoryId(db, ['Casa']);
    setCategoryMapping(db, { categoryId: casa, marketplaceId: BR, productType: 'KITCHEN', variationTheme: null }, 0);
    addProduct(db, 'P1', [{ sku: 'SKU1' }]);
    setCategory(db, 'P1', casa);

    await cycle();

    expect(client.feeds).toEqual([]);
    expect(statusOf(db, 'SKU1')).toMatchObject({ status: 'skipped', reason: 'schema_missing' });
  });
});

describe("the send follows existing offers' links", () => {
  it('sends nothing for an unconfirmed or kept offer, and a managed one under its Amazon SKU', async () => {
    const { db, client, cycle } = setup();
    addProduct(db, 'P1', [{ sku: 'LOJA-1' }]);
    addProduct(db, 'P2', [{ sku: 'LOJA-2' }]);
    addProduct(db, 'P3', [{ sku: 'LOJA-3' }]);
    const id = (sku: string) => getSkuByCode(db, sku)?.id ?? -1;
    insertLinks(
      db,
      SCOPE,
      [
        { amazonSku: 'AMZ-1', skuId: id('LOJA-1'), matchedBy: 'ean' },
        { amazonSku: 'AMZ-2', skuId: id('LOJA-2'), matchedBy: 'ean' },
        { amazonSku: 'AMZ-3', skuId: id('LOJA-3'), matchedBy: 'ean' },
      ],
      0,
    );
    setLinkTreatment(db, SCOPE, ['AMZ-2'], 'keep-amazon', 0);
    setLinkTreatment(db, SCOPE, ['AMZ-3'], 'vitrine-manages', 0);

    await cycle();

    expect(sentSkus(client)).toEqual(['AMZ-3']);
    expect(statusOf(db, 'LOJA-1')).toMatchObject({ status: 'skipped', reason: 'link_unconfirmed' });
    expect(statusOf(db, 'LOJA-2')).toMatchObject({ status: 'skipped', reason: 'link_keeps_amazon' });
    expect(statusOf(db, 'AMZ-3')?.status).toBe('live');

    // A stock change of the managed offer goes to the Amazon SKU as a PATCH; the kept one stays silent.
    setStock(db, 'LOJA-3', 3);
    setStock(db, 'LOJA-2', 3);
    await cycle('fast');

    expect(sentSkus(client)).toEqual(['AMZ-3', 'AMZ-3']);
    expect(client.messagesFor('AMZ-3').at(-1)?.operationType).toBe('PATCH');
  });

  it('once the seller confirms an offer is managed by Vitrine, the next cycle sends it', async () => {
    const { db, client, cycle } = setup();
    addProduct(db, 'P1', [{ sku: 'LOJA-1' }]);
    insertLinks(db, SCOPE, [{ amazonSku: 'AMZ-1', skuId: getSkuByCode(db, 'LOJA-1')?.id ?? -1, matchedBy: 'asin' }], 0);
    await cycle();
    expect(client.feeds).toEqual([]);

    setLinkTreatment(db, SCOPE, ['AMZ-1'], 'vitrine-manages', 1);
    await cycle();

    expect(sentSkus(client)).toEqual(['AMZ-1']);
  });
});
