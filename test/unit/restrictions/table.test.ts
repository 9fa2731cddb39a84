import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/connection';
import { deleteAccount, saveAccount } from '../../../main/db/tables/accounts';
import { insertLinks } from '../../../main/db/tables/listing-links';
import {
  getRestriction,
  markSelectedPending,
  recordRestrictionFailures,
  restrictedSkusOf,
  restrictionCandidates,
  saveRestrictionAnswer,
} from '../../../main/db/tables/listing-restrictions';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { saveMatchedAsins } from '../../../main/db/tables/sku-gtins';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';

const BR = 'A2Q3Y263D00KWC';
const SCOPE = { accountId: 'demo', marketplaceId: BR } as const;
const HOUR = 3600_000;

let db: Db;
const ids = new Map<string, { product: number; sku: number }>();

function add(code: string, asin: string | null, selected = true): void {
  const p = prepareProductUpsert(db)({
    key: code,
    title: `Produto ${code}`,
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!p) throw new Error('not written');
  const s = prepareSkuUpsert(db)({
    sku: code,
    productId: p.id,
    gtin: null,
    gtinExempt: true,
    gtinStatus: 'exempt',
    priceCents: 1000,
    salePriceCents: null,
    stock: 1,
    weightG: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    variation: null,
    active: true,
  });
  if (asin) saveMatchedAsins(db, [{ sku: code, asin }]);
  if (selected) selectProducts(db, SCOPE, [p.id], 0);
  ids.set(code, { product: p.id, sku: s.id });
}

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'vitrine-restrictions-table-')), 'vitrine.db'));
  saveAccount(db, {
    id: 'demo',
    label: 'Demo',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: 'A1SIMDEMOSELLR',
    lwaClientId: 'x',
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  add('NOVO', 'B0NEW00001');
  add('SEM-ASIN', null);
  add('FORA', 'B0OUT00001', false);
  add('LIGADO', 'B0LINK0001');
  add('NO-AR', 'B0LIVE0001');
  insertLinks(db, SCOPE, [{ amazonSku: 'AMZ-1', skuId: ids.get('LIGADO')?.sku ?? 0, matchedBy: 'asin' }], 0);
  db.prepare(`INSERT INTO sync_listings (account_id, marketplace_id, sku, status, on_amazon, updated_at) VALUES ('demo', ?, 'NO-AR', 'live', 1, 0)`).run(BR);
});
afterEach(() => db.close());

describe('listing_restrictions', () => {
  it('waits only for selected new offers on an ASIN: not a product without one, one linked to an existing offer, or one already live', () => {
    expect(markSelectedPending(db, SCOPE, 1000)).toBe(1);
    expect(markSelectedPending(db, SCOPE, 2000)).toBe(0);
    expect(getRestriction(db, { ...SCOPE, asin: 'B0NEW00001' })).toMatchObject({ state: 'pending', pendingSince: 1000 });
    for (const asin of ['B0OUT00001', 'B0LINK0001', 'B0LIVE0001']) expect(getRestriction(db, { ...SCOPE, asin })).toBeUndefined();
  });

  it('asks first about what waits (oldest first), then answers due again, then unselected products never asked, within the limit', () => {
    add('VELHO', 'B0OLD00001');
    add('VENCIDO', 'B0DUE00001');
    saveRestrictionAnswer(db, { ...SCOPE, asin: 'B0DUE00001' }, { state: 'restricted', reasons: [] }, 0, 500);
    db.prepare(
      `INSERT INTO listing_restrictions (account_id, marketplace_id, asin, condition_type, state, pending_since, next_check_at) VALUES ('demo', ?, 'B0OLD00001', 'new_new', 'pending', 10, 10)`,
    ).run(BR);
    markSelectedPending(db, SCOPE, 1000);

    expect(restrictionCandidates(db, SCOPE, 1000, 10, 5).map((c) => [c.asin, c.blocking])).toEqual([
      ['B0OLD00001', true],
      ['B0NEW00001', true],
      ['B0DUE00001', false],
      ['B0OUT00001', false],
    ]);
    expect(restrictionCandidates(db, SCOPE, 1000, 2, 5).map((c) => c.asin)).toEqual(['B0OLD00001', 'B0NEW00001']);
    expect(restrictionCandidates(db, SCOPE, 400, 10, 0).map((c) => c.asin)).toEqual(['B0OLD00001', 'B0NEW00001']);
  });

  it('lets a waiting product go unverified only after the bound and enough tries; an earlier answer is kept', () => {
    markSelectedPending(db, SCOPE, 0);
    const bound = (now: number) => ({ giveUpBefore: now - 24 * HOUR, minAttempts: 3 });
    expect(recordRestrictionFailures(db, SCOPE, ['B0NEW00001'], '429 QuotaExceeded: x', bound(HOUR))).toEqual([]);
    expect(recordRestrictionFailures(db, SCOPE, ['B0NEW00001'], '429 QuotaExceeded: x', bound(25 * HOUR))).toEqual([]);
    expect(recordRestrictionFailures(db, SCOPE, ['B0NEW00001'], '503 ServiceUnavailable: y', bound(26 * HOUR))).toEqual(['B0NEW00001']);
    expect(getRestriction(db, { ...SCOPE, asin: 'B0NEW00001' })).toMatchObject({ state: 'unverified', lastError: '503 ServiceUnavailable: y' });

    saveRestrictionAnswer(
      db,
      { ...SCOPE, asin: 'B0NEW00001' },
      { state: 'restricted', reasons: [{ code: 'NOT_ELIGIBLE', message: 'Não pode.', links: [] }] },
      30 * HOUR,
      40 * HOUR,
    );
    recordRestrictionFailures(db, SCOPE, ['B0NEW00001'], '500 InternalFailure: z', bound(60 * HOUR));
    expect(getRestriction(db, { ...SCOPE, asin: 'B0NEW00001' })).toMatchObject({
      state: 'restricted',
      checkedAt: 30 * HOUR,
      lastError: '500 InternalFailure: z',
    });
    expect(restrictedSkusOf(db, SCOPE, { states: ['restricted'], offset: 0, limit: 10 })).toMatchObject({
      total: 1,
      items: [{ sku: 'NOVO', title: 'Produto NOVO', reasons: [{ code: 'NOT_ELIGIBLE' }] }],
    });
  });

  it('goes with the account', () => {
    markSelectedPending(db, SCOPE, 0);
    deleteAccount(db, 'demo');
    expect(getRestriction(db, { ...SCOPE, asin: 'B0NEW00001' })).toBeUndefined();
  });
});
