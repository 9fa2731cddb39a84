import { describe, expect, it } from 'vitest';
import type { RestrictionItem } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import { errorOf, valueOf } from '../../../../../renderer/app/load';
import {
  initialRestrictionsState,
  listFailed,
  listLoaded,
  listRequested,
  queryKey,
  recheckChanged,
  recheckKey,
} from '../../../../../renderer/features/sync/restrictions-store';

const item: RestrictionItem = {
  marketplaceId: 'A2Q3Y263D00KWC',
  sku: 'FONE',
  productId: 1,
  title: 'Fone',
  asin: 'B0SEED0009',
  state: 'restricted',
  label: 'A Amazon exige aprovação para esta marca/categoria',
  hint: null,
  reasons: [],
  checkedAt: 1,
  pendingSince: null,
  lastError: null,
};

describe('restrictions store', () => {
  it('keeps each list by its query, the last good page while it reloads, and the failure apart', () => {
    const key = queryKey({ accountId: 'demo', productId: 1 });
    const other = queryKey({ accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC', states: ['restricted'], offset: 0, limit: 5 });
    let s = listLoaded(listRequested(initialRestrictionsState, key), key, { total: 1, items: [item] });
    s = listRequested(s, key);
    expect(valueOf(s.lists[key] ?? { status: 'idle' })?.items).toEqual([item]);
    s = listFailed(s, other, new ApiError({ code: 'INTERNAL', message: 'falhou' }));
    expect(errorOf(s.lists[other] ?? { status: 'idle' })?.code).toBe('INTERNAL');
    expect(valueOf(s.lists[key] ?? { status: 'idle' })?.total).toBe(1);
    expect(valueOf(s.lists[other] ?? { status: 'idle' })).toBeNull();
    // A failed reload of a list already shown keeps the page (stale beats empty) and says why.
    s = listFailed(listRequested(s, key), key, new ApiError({ code: 'INTERNAL', message: 'de novo' }));
    expect(s.lists[key]).toMatchObject({ status: 'failed', value: { total: 1, items: [item] } });
  });

  it('tracks "Verificar de novo" per SKU and marketplace', () => {
    const s = recheckChanged(initialRestrictionsState, recheckKey(item), { kind: 'done', result: { asked: 1, allowed: 1, restricted: 0, error: null } });
    expect(s.rechecks[recheckKey(item)]).toEqual({ kind: 'done', result: { asked: 1, allowed: 1, restricted: 0, error: null } });
    expect(s.rechecks[recheckKey({ ...item, marketplaceId: 'ATVPDKIKX0DER' })]).toBeUndefined();
    expect(s.rechecks[recheckKey({ ...item, sku: 'OUTRO' })]).toBeUndefined();
    const failedAgain = recheckChanged(s, recheckKey(item), { kind: 'failed', error: new ApiError({ code: 'INTERNAL', message: 'falhou' }) });
    expect(failedAgain.rechecks[recheckKey(item)]).toMatchObject({ kind: 'failed', error: { code: 'INTERNAL' } });
  });
});
