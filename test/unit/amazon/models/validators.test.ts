import { describe, expect, it } from 'vitest';
import { allOperations, operationFor, validateRequest, validateResponse } from '../../../../main/amazon/models';

describe('operationFor', () => {
  it('routes the 2026 getOrder by its plain id and the deprecated v0 twin by a qualified key', () => {
    expect(operationFor('GET', '/orders/2026-01-01/orders/902-1')?.key).toBe('getOrder');
    expect(operationFor('GET', '/orders/v0/orders/902-1')?.key).toBe('ordersV0.getOrder');
  });

  it('decodes path parameters and ignores the query string', () => {
    const match = operationFor('PATCH', '/listings/2021-08-01/items/A1B2/sku%2F1%20x?marketplaceIds=X');
    expect(match).toMatchObject({ key: 'patchListingsItem', pathParams: { sellerId: 'A1B2', sku: 'sku/1 x' } });
  });

  it('prefers the more literal template', () => {
    expect(operationFor('POST', '/orders/v0/orders/1/shipmentConfirmation')?.key).toBe('confirmShipment');
    expect(operationFor('GET', '/listings/2021-08-01/restrictions')?.key).toBe('getListingsRestrictions');
  });

  it('returns undefined for an undocumented route', () => {
    expect(operationFor('GET', '/nope/v1/things')).toBeUndefined();
    expect(operationFor('POST', '/sellers/v1/marketplaceParticipations')).toBeUndefined();
  });
});

describe('validateRequest', () => {
  it('accepts a well-formed EAN search', () => {
    const violations = validateRequest('searchCatalogItems', {
      query: { marketplaceIds: 'A2Q3Y263D00KWC', identifiers: '7891234567895', identifiersType: 'EAN', includedData: 'summaries,identifiers' },
    });
    expect(violations).toEqual([]);
  });

  it('reports csv maxItems, enums, maximum and unknown parameters', () => {
    const identifiers = Array.from({ length: 21 }, (_, i) => `789${i}`).join(',');
    const violations = validateRequest('searchCatalogItems', {
      query: { marketplaceIds: 'A,B', identifiers, identifiersType: 'EANX', pageSize: '21', bogus: '1' },
    });
    expect(violations.map((v) => v.pointer).sort()).toEqual(['bogus', 'identifiers', 'identifiersType', 'marketplaceIds', 'pageSize']);
  });

  it('reports missing required query, path and body parameters', () => {
    const violations = validateRequest('putListingsItem', { path: { sellerId: 'S' }, query: {} });
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ location: 'path', pointer: 'sku' }),
        expect.objectContaining({ location: 'query', pointer: 'marketplaceIds' }),
        expect.objectContaining({ location: 'body', message: 'a request body is required' }),
      ]),
    );
  });

  it('validates bodies through $ref definitions', () => {
    const base = { path: { sellerId: 'S', sku: 'X' }, query: { marketplaceIds: 'ATVPDKIKX0DER' } };
    expect(
      validateRequest('patchListingsItem', { ...base, body: { productType: 'SHIRT', patches: [{ op: 'replace', path: '/attributes/x', value: [] }] } }),
    ).toEqual([]);
    const bad = validateRequest('patchListingsItem', { ...base, body: { productType: 'SHIRT', patches: [{ op: 'upsert', path: '/attributes/x' }] } });
    expect(bad[0]).toMatchObject({ location: 'body', pointer: '/patches/0/op' });
  });

  it('checks date-time formats and integer coercion on query values', () => {
    expect(validateRequest('searchOrders', { query: { createdAfter: '2026-01-01T00:00:00Z', maxResultsPerPage: '50' } })).toEqual([]);
    const bad = validateRequest('searchOrders', { query: { createdAfter: 'yesterday', maxResultsPerPage: 'ten' } });
    expect(bad.map((v) => v.pointer).sort()).toEqual(['createdAfter', 'maxResultsPerPage']);
  });

  it('reports an unknown operation', () => {
    expect(validateRequest('noSuchOperation', {})).toEqual([expect.objectContaining({ location: 'operation' })]);
  });
});

describe('validateResponse', () => {
  it('accepts a documented response and flags a malformed one', () => {
    const feed = { feedId: '1', feedType: 'JSON_LISTINGS_FEED', createdTime: '2026-11-22T12:00:00Z', processingStatus: 'IN_QUEUE' };
    expect(validateResponse('getFeed', 200, feed)).toEqual([]);
    expect(validateResponse('getFeed', 200, { ...feed, processingStatus: 'WAITING' })[0]?.pointer).toBe('/processingStatus');
  });

  it('requires an empty body where the model has no schema (204)', () => {
    expect(validateResponse('confirmShipment', 204, undefined)).toEqual([]);
    expect(validateResponse('confirmShipment', 204, { ok: true })).toHaveLength(1);
  });

  it('flags an undocumented status', () => {
    expect(validateResponse('putListingsItem', 404, { errors: [] })[0]?.message).toMatch(/not documented/);
  });

  it('validates error bodies against ErrorList', () => {
    expect(validateResponse('getFeed', 400, { errors: [{ code: '400', message: 'Invalid input' }] })).toEqual([]);
    expect(validateResponse('getFeed', 400, { errors: [{ message: 'no code' }] })).toHaveLength(1);
  });
});

describe('every bundled operation', () => {
  it('compiles request and response validators without errors', () => {
    const operations = allOperations();
    expect(operations.length).toBeGreaterThan(30);
    for (const op of operations) {
      expect(() => validateRequest(op.key, {})).not.toThrow();
      for (const status of Object.keys(op.operation.responses)) {
        expect(() => validateResponse(op.key, Number(status), { errors: [] })).not.toThrow();
      }
    }
  });
});
