import { describe, expect, it } from 'vitest';
import { ordersApi } from '../../../../main/amazon/api/orders';
import { InvalidRequestError } from '../../../../main/amazon/errors';
import { recordInvoke } from '../helpers/record-invoke';

describe('ordersApi: request parameters checked before sending', () => {
  it('searchOrders: exactly one of createdAfter / lastUpdatedAfter, families not mixed', async () => {
    const api = ordersApi(recordInvoke(() => ({ orders: [] })).invoke);

    await expect(api.searchOrders({})).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.searchOrders({ createdAfter: '2026-11-01T00:00:00Z', lastUpdatedAfter: '2026-11-01T00:00:00Z' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.searchOrders({ lastUpdatedAfter: '2026-11-01T00:00:00Z', createdBefore: '2026-11-02T00:00:00Z' })).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(api.searchOrders({ lastUpdatedAfter: '2026-11-01T00:00:00Z', lastUpdatedBefore: '2026-11-02T00:00:00Z' })).resolves.toMatchObject({ orders: [] });
  });
});
