import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { matchCatalog } from '../../../main/catalog-match/run';
import { openDatabase, type Db } from '../../../main/db/connection';
import { catalogMatchCounts } from '../../../main/db/tables/catalog-matches';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import type { CatalogSearchClient } from '../../../main/ean/asin-match';

const BR = 'A2Q3Y263D00KWC';

const client: CatalogSearchClient = {
  searchCatalogItems: async (params) => ({
    items: params.identifiers.map((id) => ({
      asin: `B0${id.slice(-8)}`,
      identifiers: [{ marketplaceId: BR, identifiers: [{ identifierType: 'EAN', identifier: id }] }],
    })),
  }),
};

describe('matching while an import holds the catalog', () => {
  let dir: string;
  let db: Db;
  let importer: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-busy-'));
    db = openDatabase(join(dir, 'v.db'));
    const product = prepareProductUpsert(db)({
      key: 'P',
      title: 'Caneca',
      description: null,
      brand: null,
      manufacturer: null,
      bulletPoints: null,
      imageUrls: null,
      categoryId: null,
    });
    prepareSkuUpsert(db)({
      sku: 'P',
      productId: product?.id ?? 0,
      gtin: '4006381333931',
      gtinExempt: null,
      gtinStatus: 'valid',
      priceCents: null,
      salePriceCents: null,
      stock: null,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: null,
    });
    importer = openDatabase(join(dir, 'v.db'));
  });
  afterEach(() => {
    if (importer.inTransaction) importer.exec('ROLLBACK');
    importer.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives up at once instead of freezing the main thread on the lock, and writes once the import is done', async () => {
    importer.exec('BEGIN IMMEDIATE');
    const started = Date.now();

    await expect(matchCatalog(db, client, { marketplaceId: BR })).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);

    importer.exec('COMMIT');
    const summary = await matchCatalog(db, client, { marketplaceId: BR });
    expect(summary.attached).toBe(1);
    expect(catalogMatchCounts(db, BR).matched).toBe(1);
  });
});
