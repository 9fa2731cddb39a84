import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../main/db/connection';
import { insertLinks, linkTreatment, setLinkTreatment } from '../../../../main/db/tables/listing-links';
import { addCatalog } from '../../../integration/linking/fixtures';

const BR = 'A2Q3Y263D00KWC';
let db: Db;
let skuId: number;
beforeEach(() => {
  db = openDatabase(':memory:');
  skuId = addCatalog(db, [{ sku: 'A' }]).get('A') as number;
});
afterEach(() => db.close());

describe('linkTreatment', () => {
  it('answers the most cautious treatment when two accounts link the SKU in one marketplace', () => {
    insertLinks(db, { accountId: 'one', marketplaceId: BR }, [{ amazonSku: 'A', skuId, matchedBy: 'sku' }], 1);
    insertLinks(db, { accountId: 'two', marketplaceId: BR }, [{ amazonSku: 'OLD-A', skuId, matchedBy: 'ean' }], 1);
    setLinkTreatment(db, { accountId: 'one', marketplaceId: BR }, null, 'vitrine-manages', 2);
    const managedAndUnconfirmed = linkTreatment(db, skuId, BR);
    setLinkTreatment(db, { accountId: 'two', marketplaceId: BR }, ['OLD-A'], 'keep-amazon', 3);

    expect(managedAndUnconfirmed).toBe('unconfirmed');
    expect(linkTreatment(db, skuId, BR)).toBe('keep-amazon');
    expect(linkTreatment(db, skuId, 'ATVPDKIKX0DER')).toBeNull();
  });

  it('keeps a confirmed treatment when the same link is inserted again by a later read', () => {
    const scope = { accountId: 'one', marketplaceId: BR };
    insertLinks(db, scope, [{ amazonSku: 'A', skuId, matchedBy: 'sku' }], 1);
    setLinkTreatment(db, scope, ['A'], 'keep-amazon', 2);

    const inserted = insertLinks(db, scope, [{ amazonSku: 'A', skuId, matchedBy: 'sku' }], 3);

    expect(inserted).toBe(0);
    expect(linkTreatment(db, skuId, BR)).toBe('keep-amazon');
  });

  it('is an index lookup, never a scan of the links', () => {
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT treatment FROM listing_links WHERE sku_id = ? AND marketplace_id = ?').all(1, BR) as { detail: string }[]
    ).map((r) => r.detail);

    expect(plan.join(' ')).toMatch(/SEARCH listing_links USING INDEX listing_links_sku/);
  });
});
