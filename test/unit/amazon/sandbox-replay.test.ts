import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient } from '../../../main/amazon/client';
import type { SpApiClient } from '../../../main/amazon/client';
import { SpApiError } from '../../../main/amazon/errors';
import type { Exchange } from '../../../main/amazon/http';
import { validateRequest, validateResponse } from '../../../main/amazon/models';
import type { Violation } from '../../../main/amazon/models';
import type { OperationName } from '../../../main/amazon/operations';
import type { FakeAmazon } from './helpers/fake-amazon';
import { TEST_CREDENTIALS, startFakeAmazon } from './helpers/fake-amazon';
import type { SandboxCase } from './helpers/sandbox-cases';
import { loadSandboxCases, pickCase } from './helpers/sandbox-cases';

/**
 * Contract test, client half: every static sandbox case of the official models, for the
 * operations Vitrine uses, is served by a local server that answers like Amazon's static sandbox
 * (the most specific matching case wins). The client must send a request that selects the case,
 * parse its 2xx body, or raise SpApiError with Amazon's code for a 4xx. Every exchange also goes
 * through the model validators.
 */
type Params = Readonly<Record<string, unknown>>;

const SELLER = 'A2SELLER0TEST';
const MARKETPLACE = 'ATVPDKIKX0DER';

function value(c: SandboxCase): Params {
  return Object.fromEntries(
    Object.entries(c.parameters)
      .filter(([, p]) => 'value' in p)
      .map(([n, p]) => [n, p.value]),
  );
}
const str = (p: Params, name: string, fallback: string): string => (typeof p[name] === 'string' ? (p[name] as string) : fallback);
const arr = <T = string>(p: Params, name: string, fallback?: readonly T[]): T[] | undefined =>
  Array.isArray(p[name]) ? (p[name] as T[]) : fallback ? [...fallback] : undefined;
const firstOf = (p: Params, name: string, fallback: string): string => arr(p, name)?.[0] ?? fallback;
// Several cases deliberately send values outside the client's types (that is how they make a 400).
const loose = <T>(v: unknown): T => v as T;

const LISTING_BODY = { productType: 'LUGGAGE', attributes: { item_name: [{ value: 'Mala', marketplace_id: MARKETPLACE }] } };

/** How each operation is called from the parameters a case lists (defaults fill the rest). */
const CALLS: Record<OperationName, (c: SpApiClient, p: Params) => Promise<unknown>> = {
  getMarketplaceParticipations: (c) => c.getMarketplaceParticipations(),
  searchCatalogItems: (c, p) =>
    c.searchCatalogItems({
      marketplaceId: firstOf(p, 'marketplaceIds', MARKETPLACE),
      keywords: arr(p, 'keywords', ['x'])!,
      includedData: loose(arr(p, 'includedData')),
    }),
  searchDefinitionsProductTypes: (c, p) =>
    c.searchDefinitionsProductTypes({ marketplaceIds: arr(p, 'marketplaceIds', [MARKETPLACE])!, keywords: arr(p, 'keywords') }),
  getDefinitionsProductType: (c, p) =>
    c.getDefinitionsProductType({ productType: str(p, 'productType', 'LUGGAGE'), marketplaceId: firstOf(p, 'marketplaceIds', MARKETPLACE) }),
  getListingsItem: (c, p) =>
    c.getListingsItem({ sellerId: str(p, 'sellerId', SELLER), sku: str(p, 'sku', 'GM-ZDPI-9B4E'), marketplaceIds: arr(p, 'marketplaceIds', [MARKETPLACE])! }),
  putListingsItem: (c, p) => c.putListingsItem({ ...submitParams(p), body: LISTING_BODY }),
  patchListingsItem: (c, p) =>
    c.patchListingsItem({
      ...submitParams(p),
      body: { productType: 'LUGGAGE', patches: [{ op: 'replace', path: '/attributes/item_name', value: [{ value: 'Mala' }] }] },
    }),
  deleteListingsItem: (c, p) =>
    c.deleteListingsItem({
      sellerId: str(p, 'sellerId', SELLER),
      sku: str(p, 'sku', 'GM-ZDPI-9B4E'),
      marketplaceId: firstOf(p, 'marketplaceIds', MARKETPLACE),
    }),
  searchListingsItems: (c, p) =>
    c.searchListingsItems({
      sellerId: str(p, 'sellerId', SELLER),
      marketplaceIds: arr(p, 'marketplaceIds', [MARKETPLACE])!,
      identifiers: arr(p, 'identifiers'),
      identifiersType: loose(p.identifiersType),
      includedData: loose(arr(p, 'includedData')),
      pageSize: loose(p.pageSize),
    }),
  getListingsRestrictions: (c, p) =>
    c.getListingsRestrictions({
      asin: str(p, 'asin', 'B0000000X1'),
      sellerId: str(p, 'sellerId', SELLER),
      marketplaceIds: arr(p, 'marketplaceIds', [MARKETPLACE])!,
    }),
  createFeedDocument: (c, p) => c.createFeedDocument(loose(p.body)),
  createFeed: (c, p) => c.createFeed(loose(p.body)),
  getFeed: (c, p) => c.getFeed({ feedId: str(p, 'feedId', 'feedId1') }),
  cancelFeed: (c, p) => c.cancelFeed({ feedId: str(p, 'feedId', 'ID1') }),
  getFeeds: (c, p) =>
    c.getFeeds({
      feedTypes: arr(p, 'feedTypes', ['JSON_LISTINGS_FEED'])!,
      pageSize: loose(p.pageSize),
      processingStatuses: loose(arr(p, 'processingStatuses')),
    }),
  getFeedDocument: (c, p) => c.getFeedDocument({ feedDocumentId: str(p, 'feedDocumentId', 'doc') }),
  searchOrders: (c, p) =>
    c.searchOrders({
      createdAfter: str(p, 'createdAfter', '2024-12-25T00:00:00Z'),
      marketplaceIds: arr(p, 'marketplaceIds'),
      includedData: loose(arr(p, 'includedData')),
      paginationToken: loose(p.paginationToken),
    }),
  getOrder: (c, p) => c.getOrder({ orderId: str(p, 'orderId', 'TEST'), includedData: loose(arr(p, 'includedData')) }),
  confirmShipment: (c, p) => c.confirmShipment({ orderId: str(p, 'orderId', 'TEST'), body: loose(p.body) }),
  createReport: (c, p) => c.createReport(loose(p.body)),
  getReport: (c, p) => c.getReport({ reportId: str(p, 'reportId', 'ID323') }),
  getReportDocument: (c, p) => c.getReportDocument({ reportDocumentId: str(p, 'reportDocumentId', 'doc') }),
  submitInvoice: (c, p) =>
    typeof p.orderId === 'string'
      ? c.submitInvoice({ orderId: p.orderId, body: loose(p.body) })
      : c.submitInvoice({ shipmentId: str(p, 'shipmentId', 'S1'), body: loose(p.body) }),
  getInvoiceStatus: (c, p) => {
    const common = { marketplaceId: str(p, 'marketplaceId', 'A2Q3Y263D00KWC'), programType: loose<'EasyShip'>(str(p, 'programType', 'EasyShip')) };
    return typeof p.orderId === 'string'
      ? c.getInvoiceStatus({ orderId: p.orderId, ...common })
      : c.getInvoiceStatus({ shipmentId: str(p, 'shipmentId', 'S1'), ...common });
  },
  // The Easy Ship cases list bodies without `value` for 2xx (any body) and exact invalid bodies for 4xx.
  listHandoverSlots: (c, p) => c.listHandoverSlots(loose(p.body ?? EASY_SHIP_SLOTS)),
  getScheduledPackage: (c, p) =>
    c.getScheduledPackage({ orderId: str(p, 'amazonOrderId', '903-1713775-3598252'), marketplaceId: str(p, 'marketplaceId', 'A21TJRUUN4KGV') }),
  createScheduledPackage: (c, p) =>
    c.createScheduledPackage(
      loose(p.body ?? { amazonOrderId: '903-1713775-3598252', marketplaceId: 'A21TJRUUN4KGV', packageDetails: { packageTimeSlot: { slotId: 'S' } } }),
    ),
  updateScheduledPackages: (c, p) =>
    c.updateScheduledPackages(
      loose(
        p.body ?? {
          marketplaceId: 'A21TJRUUN4KGV',
          updatePackageDetailsList: [{ scheduledPackageId: { amazonOrderId: '903-1713775-3598252' }, packageTimeSlot: { slotId: 'S' } }],
        },
      ),
    ),
  createScheduledPackageBulk: (c, p) => c.createScheduledPackageBulk(loose(p.body)),
  getInventorySummaries: (c, p) => c.getInventorySummaries({ marketplaceId: str(p, 'granularityId', 'ATVPDKIKX0DER') }),
};

/**
 * Sandbox answers of the Easy Ship model that break its own schema (packageStatus "Scheduled",
 * sizes in IN and ounces where only cm and g are allowed): the client must still read them.
 */
const MODEL_QUIRKS = new Set(['getScheduledPackage 200 #1', 'createScheduledPackageBulk 200 #1']);

const EASY_SHIP_SLOTS = {
  marketplaceId: 'A21TJRUUN4KGV',
  amazonOrderId: '931-2308757-7991048',
  packageDimensions: { length: 15, width: 10, height: 12, unit: 'cm' },
  packageWeight: { value: 50, unit: 'g' },
};

function submitParams(p: Params) {
  return {
    sellerId: str(p, 'sellerId', SELLER),
    sku: str(p, 'sku', 'GM-ZDPI-9B4E'),
    marketplaceId: firstOf(p, 'marketplaceIds', MARKETPLACE),
    includedData: loose<('identifiers' | 'issues')[] | undefined>(arr(p, 'includedData')),
    mode: loose<'VALIDATION_PREVIEW' | undefined>(p.mode),
  };
}

/** What the client method returns for a 2xx body (it unwraps v0 payloads and getOrder's `order`). */
function expectedResult(c: SandboxCase): unknown {
  const body = c.response as Record<string, unknown>;
  switch (c.operation) {
    case 'getMarketplaceParticipations':
      return body.payload;
    case 'getOrder':
      return body.order;
    case 'updateScheduledPackages':
      return body.packages;
    case 'confirmShipment':
    case 'cancelFeed':
    case 'submitInvoice':
      return undefined;
    default:
      return body;
  }
}

function amazonCode(response: unknown): string | undefined {
  const list = Array.isArray(response) ? response : (response as { errors?: unknown[] }).errors;
  return (list?.[0] as { code?: string } | undefined)?.code;
}

const cases = loadSandboxCases();
let fake: FakeAmazon;
let client: SpApiClient;
const served: SandboxCase[] = [];
const exchanges: Exchange[] = [];

beforeAll(async () => {
  fake = await startFakeAmazon((request) => {
    const chosen = pickCase(cases, request);
    if (!chosen) return { status: 418, body: { errors: [{ code: 'NoSandboxCase', message: `${request.method} ${request.path}${request.rawQuery}` }] } };
    served.push(chosen);
    // Amazon sends no body with a 204 even where the model's case shows `{}`.
    return chosen.status === 204 ? { status: 204 } : { status: chosen.status, body: chosen.response };
  });
  client = createSpApiClient({
    endpoint: { baseUrl: fake.baseUrl, lwaUrl: fake.lwaUrl },
    credentials: TEST_CREDENTIALS,
    clock: new VirtualClock(),
    maxRetries: 0,
    onExchange: (e) => exchanges.push(e),
  });
});

afterAll(async () => {
  await fake.close();
});

function violationsOf(e: Exchange): { request: Violation[]; response: Violation[] } {
  return {
    request: validateRequest(e.operationId, { path: e.pathParams, query: e.query, body: e.requestBody }),
    response: validateResponse(e.operationId, e.status, e.responseBody),
  };
}

describe('static sandbox cases of the official models', () => {
  it('covers every operation the client offers that has cases', () => {
    const withCases = new Set(cases.map((c) => c.operation));
    expect(withCases.size).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = served.length;
    const outcome = await CALLS[c.operation](client, value(c)).then(
      (result) => ({ ok: true as const, result }),
      (error: unknown) => ({ ok: false as const, error }),
    );

    expect(served.slice(before)).toEqual([c]);
    const exchange = exchanges.at(-1)!;
    const { request, response } = violationsOf(exchange);
    if (!MODEL_QUIRKS.has(c.name)) expect(response).toEqual([]);
    if (c.status < 300) {
      expect(outcome).toEqual({ ok: true, result: expectedResult(c) });
      expect(request).toEqual([]);
    } else {
      expect(outcome.ok).toBe(false);
      const error = (outcome as { error: unknown }).error;
      expect(error).toBeInstanceOf(SpApiError);
      expect(error).toMatchObject({ status: c.status, code: amazonCode(c.response) });
    }
  });
});
