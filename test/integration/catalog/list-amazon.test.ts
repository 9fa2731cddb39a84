import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProducts } from '../../../main/catalog/exporter';
import { importProducts } from '../../../main/catalog/importer';
import { productList, productView } from '../../../main/catalog/product-view';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveCatalogMatches } from '../../../main/db/tables/catalog-matches';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { getProductIdByKey, productFilterSql } from '../../../main/db/tables/products';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { cellText } from '../../../main/spreadsheet/cell';
import { openSheet } from '../../../main/spreadsheet/read-rows';
import type { ProductAmazonStatus } from '../../../preload/contract';
import { tempDir, tPt, writeCsv } from './helpers';

const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';
const SCOPE = { accountId: 'demo', marketplaceId: BR };

const FILE = [
  ['SKU', 'SKU pai', 'Título', 'Preço', 'Estoque', 'EAN'],
  ['ERRO', '', 'Produto com erro', '10', '1', ''],
  ['MISTO-1', 'MISTO', 'Família com um erro', '10', '1', ''],
  ['MISTO-2', 'MISTO', 'Família com um erro', '10', '1', ''],
  ['ENVIANDO', '', 'Produto a caminho', '10', '1', ''],
  ['ATIVO', '', 'Produto ativo', '10', '1', '7891234567895'],
  ['LIGADO', '', 'Oferta já existente gerida', '10', '1', ''],
  ['FILA', '', 'Incluído, ainda não enviado', '10', '1', ''],
  ['FORA', '', 'Não incluído', '10', '0', ''],
];

function listing(db: Db, sku: string, status: string, marketplaceId = BR): void {
  db.prepare(`INSERT INTO sync_listings (account_id, marketplace_id, sku, status, updated_at) VALUES ('demo', ?, ?, ?, 0)`).run(marketplaceId, sku, status);
}

describe('the product list as the Tray card "Lista de produtos integrados"', () => {
  let db: Db;
  let dir: string;
  const id = (key: string) => getProductIdByKey(db, key) ?? -1;
  const statuses = () =>
    Object.fromEntries(productList(db, { offset: 0, limit: 50, accountId: 'demo', marketplaceId: BR }).items.map((i) => [i.key, i.amazonStatus]));
  const keysWith = (amazonStatus: ProductAmazonStatus) =>
    productList(db, { offset: 0, limit: 50, accountId: 'demo', marketplaceId: BR, amazonStatus }).items.map((i) => i.key);

  beforeEach(async () => {
    db = openDatabase(':memory:');
    dir = tempDir();
    await importProducts(db, writeCsv(join(dir, 'in.csv'), FILE), { dryRun: false, t: tPt });
    selectProducts(db, SCOPE, ['ERRO', 'MISTO', 'ENVIANDO', 'ATIVO', 'LIGADO', 'FILA'].map(id), 0);
    listing(db, 'ERRO', 'error');
    listing(db, 'MISTO-1', 'live');
    listing(db, 'MISTO-2', 'error');
    listing(db, 'ENVIANDO', 'waiting');
    listing(db, 'ATIVO', 'live');
    listing(db, 'ATIVO', 'error', US);
    // Vitrine manages the seller's existing offer AMZ-77 for LIGADO: its row is under Amazon's SKU.
    db.prepare(
      `INSERT INTO listing_links (account_id, marketplace_id, amazon_sku, sku_id, matched_by, treatment, linked_at) VALUES ('demo', ?, 'AMZ-77', ?, 'ean', 'vitrine-manages', 0)`,
    ).run(BR, getSkuByCode(db, 'LIGADO')?.id);
    listing(db, 'AMZ-77', 'live');
    // A row left under LIGADO's own code from before the link no longer speaks for it.
    listing(db, 'LIGADO', 'error');
  });
  afterEach(() => db.close());

  it('shows each product’s Amazon status in the header’s marketplace', () => {
    expect(statuses()).toEqual({
      ERRO: 'error',
      MISTO: 'error',
      ENVIANDO: 'sending',
      ATIVO: 'live',
      LIGADO: 'live',
      FILA: 'queued',
      FORA: 'not-included',
    });
    expect(productList(db, { offset: 0, limit: 50 }).items.every((i) => i.amazonStatus === null)).toBe(true);
  });

  it('filters by that status, combined with the other filters', () => {
    expect(keysWith('error')).toEqual(['ERRO', 'MISTO']);
    expect(keysWith('live')).toEqual(['ATIVO', 'LIGADO']);
    expect(keysWith('sending')).toEqual(['ENVIANDO']);
    expect(keysWith('queued')).toEqual(['FILA']);
    expect(keysWith('not-included')).toEqual(['FORA']);
    expect(productList(db, { offset: 0, limit: 50, accountId: 'demo', marketplaceId: US, amazonStatus: 'error' }).items.map((i) => i.key)).toEqual(['ATIVO']);
    const page = productList(db, { offset: 0, limit: 50, accountId: 'demo', marketplaceId: BR, amazonStatus: 'error', search: 'família' });
    expect(page).toMatchObject({ total: 1, items: [{ key: 'MISTO' }] });
  });

  it('reads the status filter in one pass over the marketplace’s send rows, through indexes: no table is scanned', () => {
    const { where, params } = productFilterSql({ amazon: { ...SCOPE, status: 'live' } });
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT p.id FROM products p ${where}`).all(params) as { detail: string }[]).map((r) => r.detail);
    expect(plan.filter((d) => /^SCAN (?!\(subquery)/.test(d))).toEqual([]);
    expect(plan).toContain('SEARCH l USING PRIMARY KEY (account_id=? AND marketplace_id=?)');
  });

  it('says "found on Amazon" with the ASIN and title the catalog matched, in the list and on the product', () => {
    const ativo = getSkuByCode(db, 'ATIVO');
    saveCatalogMatches(db, [
      {
        skuId: ativo?.id ?? -1,
        gtin: '7891234567895',
        marketplaceId: BR,
        outcome: 'matched',
        asin: 'B0ATIVO001',
        title: 'Produto Ativo — Marca X',
        brand: 'X',
        productType: 'HOME',
        candidates: [],
        attached: false,
        matchedAt: 0,
      },
      {
        skuId: getSkuByCode(db, 'FORA')?.id ?? -1,
        gtin: '0000000000000',
        marketplaceId: BR,
        outcome: 'none',
        asin: null,
        title: null,
        brand: null,
        productType: null,
        candidates: [],
        attached: false,
        matchedAt: 0,
      },
    ]);
    const items = productList(db, { offset: 0, limit: 50 }).items;
    expect(items.find((i) => i.key === 'ATIVO')?.amazonMatch).toEqual({ sku: 'ATIVO', asin: 'B0ATIVO001', title: 'Produto Ativo — Marca X' });
    expect(items.find((i) => i.key === 'FORA')?.amazonMatch).toBeNull();
    expect(productView(db, id('ATIVO')).skus[0]?.amazonMatch).toEqual({ sku: 'ATIVO', asin: 'B0ATIVO001', title: 'Produto Ativo — Marca X' });
  });

  it('exports what the list shows under its filter, or the whole catalog', async () => {
    const skusIn = async (file: string) => {
      const rows: string[] = [];
      for await (const row of (await openSheet(file)).rows()) rows.push(cellText(row.cells[0]));
      return rows.slice(1);
    };
    const filtered = join(dir, 'erros.xlsx');
    const { rows } = await exportProducts(db, filtered, { t: tPt, filter: { amazon: { ...SCOPE, status: 'error' } } });
    expect(rows).toBe(3);
    expect(await skusIn(filtered)).toEqual(['ERRO', 'MISTO', 'MISTO-1', 'MISTO-2']);
    const all = join(dir, 'tudo.xlsx');
    expect((await exportProducts(db, all, { t: tPt })).rows).toBe(8);
  });
});
