import type { AddressInfo } from 'node:net';
import { systemClock, VirtualClock, type Clock } from '../clock';
import { lwaRoute } from './auth';
import { catalogHandlers } from './catalog';
import { definitionsHandlers, definitionsRoutes } from './definitions';
import { Faults, type FaultOptions } from './faults';
import { settleFeeds } from './feed-processor';
import { feedsHandlers, feedsRoutes, feedView } from './feeds';
import { allListings } from './listing-store';
import { listingsHandlers } from './listings';
import { createOrder, settleOrders, setOrderStatus, type NewOrder } from './order-flow';
import { ordersHandlers } from './orders';
import { ProductTypeRegistry } from './product-types';
import { RateLimiter, type RateLimit } from './rate-limit';
import { reportsHandlers, reportsRoutes, settleReports } from './reports';
import { pruneExpired } from './retention';
import { tokenMaterial } from './ids';
import { BR, DEMO, seedData, seedOrders } from './seed';
import { sellersHandlers } from './sellers';
import { invoicesHandlers, settleInvoices } from './invoices';
import { easyShipHandlers, easyShipRoutes, settlePackages } from './easy-ship';
import { fbaInventoryHandlers } from './fba-inventory';
import { approveRestriction, restrictionsHandlers } from './restrictions';
import { createSimulatorServer, type ResponseViolation, type ServerDeps } from './http-server';
import type { SimRole } from './roles';
import { SimStore } from './state';
import type { InvoiceRecord, ListingRecord, OrderRecord, OrderStatus, ScheduledPackageRecord } from './state-types';

export interface SimulatorOptions {
  /** 0 (default) picks a free port. The server binds 127.0.0.1 only. */
  readonly port?: number;
  /** Persist state here (JSON, atomic writes); in memory when omitted. */
  readonly stateFile?: string;
  /** Shared with the client in tests and benchmarks (VirtualClock). */
  readonly clock?: Clock;
  readonly faults?: FaultOptions;
  /** Validate every response against the official models; a violation becomes a loud 500. */
  readonly strictResponses?: boolean;
  /** Automatic buyer orders every N ms of simulator time; 0 turns them off. Default 20 min. */
  readonly autoOrderEveryMs?: number;
  /** Seed demo orders (some with formula-like buyer names). Default true. */
  readonly seedOrders?: boolean;
  /** Where product type schemas are read (default: ./product-types beside this file). */
  readonly productTypesDir?: string;
  /** Override usage plans (e.g. a benchmark measuring the client's own throttling). */
  readonly rateLimits?: Readonly<Record<string, RateLimit>>;
  /** Serve processing reports gzip-compressed. Default true, as Amazon usually does. */
  readonly compressFeedResults?: boolean;
}

export interface SimulatorControl {
  /** Moves a VirtualClock forward (throws with the system clock). */
  advance(ms: number): void;
  /** The seller's listings, one per SKU × marketplace (only `marketplaceId`'s when given). */
  listings(sellerId?: string, marketplaceId?: string): ListingRecord[];
  feeds(): Record<string, unknown>[];
  orders(sellerId?: string): OrderRecord[];
  createOrder(input: Partial<NewOrder>): OrderRecord;
  setOrderStatus(orderId: string, status: OrderStatus): OrderRecord;
  /** Responses that broke the official models (strict mode). Tests assert this stays empty. */
  responseViolations(): readonly ResponseViolation[];
  /** Requests that broke the official models (each was answered 400). */
  requestViolations(): readonly ResponseViolation[];
  /** Another authorized seller with its own app credentials (multi-account tests). */
  addSeller(seller: { sellerId: string; storeName?: string; marketplaceIds?: readonly string[] }): Credentials;
  /** The seller revoked the app: the refresh token stops working (LWA invalid_grant). */
  revokeRefreshToken(refreshToken: string): void;
  /** Rotates an app's client secret (the 180-day rule): the old one gets invalid_client. */
  rotateClientSecret(clientId: string): string;
  /** Writes the state file now. */
  save(): void;
  /** Replaces the fault rates (not the seed) from the next request on. */
  setFaults(faults: Omit<FaultOptions, 'seed'>): void;
  /** Faults injected so far, by kind (`stuckFeed`: feeds held IN_PROGRESS longer). */
  faultsInjected(): Readonly<Record<string, number>>;
  /** Every NF-e submitted for an order (submitInvoice), oldest first. */
  invoices(orderId: string): InvoiceRecord[];
  /** The Easy Ship package of an order, if scheduled. */
  scheduledPackage(orderId: string): ScheduledPackageRecord | undefined;
  /** The seller's app lacks a role (Tax Invoicing, Easy Ship, FBA inventory): its API answers 403 from now on. */
  withholdRole(sellerId: string, role: SimRole): void;
  /** The seller was approved in Seller Central for what restricts this ASIN (its brand or category); returns what was lifted. */
  approveRestriction(sellerId: string, asin: string): string[];
}

export interface Credentials {
  readonly sellerId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly refreshToken: string;
}

export interface SimulatorHandle {
  readonly url: string;
  readonly lwaUrl: string;
  readonly control: SimulatorControl;
  readonly demo: typeof DEMO;
  close(): Promise<void>;
}

const DEFAULT_AUTO_ORDER_MS = 20 * 60_000;
/** Retention is checked at most once per simulated hour. */
const PRUNE_EVERY_MS = 3600_000;

/** The test and demo controls over one running simulator: the clock, its state, faults and sellers. */
function simulatorControl({
  store,
  clock,
  faults,
  tick,
  deps,
}: {
  store: SimStore;
  clock: Clock;
  faults: Faults;
  tick: () => void;
  deps: ServerDeps;
}): SimulatorControl {
  return {
    advance: (ms) => {
      if (!(clock instanceof VirtualClock)) throw new Error('advance() needs a VirtualClock');
      clock.advance(ms);
      tick();
    },
    listings: (sellerId = DEMO.sellerId, marketplaceId) => {
      tick();
      return structuredClone(allListings(store.data, sellerId, marketplaceId === undefined ? undefined : [marketplaceId]));
    },
    feeds: () => {
      tick();
      return Object.values(store.data.feeds).map((f) => ({ ...feedView(f, clock.now()), sellerId: f.sellerId, messageCount: f.messageCount }));
    },
    orders: (sellerId = DEMO.sellerId) => {
      tick();
      return structuredClone(Object.values(store.data.orders).filter((o) => o.sellerId === sellerId));
    },
    createOrder: (input) => structuredClone(createOrder(store, clock.now(), { sellerId: DEMO.sellerId, ...input })),
    setOrderStatus: (orderId, status) => structuredClone(setOrderStatus(store, clock.now(), orderId, status)),
    responseViolations: () => [...deps.responseViolations],
    requestViolations: () => [...deps.requestViolations],
    addSeller: ({ sellerId, storeName, marketplaceIds }) => {
      const suffix = tokenMaterial(12);
      const credentials = {
        sellerId,
        clientId: `amzn1.application-oa2-client.sim${suffix}`,
        clientSecret: `amzn1.oa2-cs.v1.sim-${tokenMaterial(24)}`,
        refreshToken: `Atzr|sim-${tokenMaterial(48)}`,
      };
      store.data.sellers[sellerId] = { sellerId, storeName: storeName ?? sellerId, marketplaceIds: [...(marketplaceIds ?? [BR])] };
      store.data.apps[credentials.clientId] = { clientId: credentials.clientId, clientSecret: credentials.clientSecret };
      store.data.refreshTokens[credentials.refreshToken] = { sellerId, clientId: credentials.clientId };
      store.markDirty();
      return credentials;
    },
    revokeRefreshToken: (refreshToken) => {
      delete store.data.refreshTokens[refreshToken];
      store.markDirty();
    },
    rotateClientSecret: (clientId) => {
      const app = store.data.apps[clientId];
      if (!app) throw new Error(`Unknown client ${clientId}`);
      app.clientSecret = `amzn1.oa2-cs.v1.sim-${tokenMaterial(24)}`;
      store.markDirty();
      return app.clientSecret;
    },
    save: () => store.flush(),
    setFaults: (rates) => faults.reconfigure(rates),
    faultsInjected: () => faults.injected(),
    invoices: (orderId) => {
      tick();
      return structuredClone(store.data.invoices?.[orderId] ?? []);
    },
    scheduledPackage: (orderId) => {
      tick();
      return structuredClone(store.data.scheduledPackages?.[orderId]);
    },
    withholdRole: (sellerId, role) => {
      const withheld = (store.data.withheldRoles ??= {});
      withheld[sellerId] = [...new Set([...(withheld[sellerId] ?? []), role])];
      store.markDirty();
    },
    approveRestriction: (sellerId, asin) => approveRestriction(store, sellerId, asin),
  };
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const clock = options.clock ?? systemClock;
  const autoEveryMs = options.autoOrderEveryMs ?? DEFAULT_AUTO_ORDER_MS;
  const store = SimStore.open(options.stateFile, () => seedData(clock.now(), autoEveryMs));
  if (options.seedOrders !== false && Object.keys(store.data.orders).length === 0) {
    seedOrders(store, clock.now());
    store.flush();
  }
  const productTypes = new ProductTypeRegistry(options.productTypesDir);
  const strict = options.strictResponses ?? false;
  const feedEnv = () => ({ store, productTypes, now: clock.now(), compressResults: options.compressFeedResults ?? true, strict });
  let prunedAt = 0;
  const tick = () => {
    const now = clock.now();
    settleFeeds(feedEnv(), now);
    settleOrders(store, now, autoEveryMs);
    settleReports(store, now);
    settleInvoices(store, now);
    settlePackages(store, now);
    if (now - prunedAt >= PRUNE_EVERY_MS) {
      pruneExpired(store, now);
      prunedAt = now;
    }
  };
  const faults = new Faults(options.faults);
  const deps: ServerDeps = {
    store,
    clock,
    faults,
    limiter: new RateLimiter(clock, options.rateLimits),
    productTypes,
    handlers: {
      ...sellersHandlers,
      ...catalogHandlers,
      ...definitionsHandlers,
      ...listingsHandlers,
      ...feedsHandlers,
      ...ordersHandlers,
      ...reportsHandlers,
      ...invoicesHandlers,
      ...easyShipHandlers,
      ...fbaInventoryHandlers,
      ...restrictionsHandlers,
    },
    routes: [lwaRoute, ...feedsRoutes, ...definitionsRoutes, ...reportsRoutes, ...easyShipRoutes],
    strictResponses: strict,
    tick,
    baseUrl: '',
    responseViolations: [],
    requestViolations: [],
  };
  const server = createSimulatorServer(deps);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  deps.baseUrl = `http://127.0.0.1:${port}`;

  const control = simulatorControl({ store, clock, faults, tick, deps });

  return {
    url: deps.baseUrl,
    lwaUrl: `${deps.baseUrl}/auth/o2/token`,
    control,
    demo: DEMO,
    close: () =>
      new Promise<void>((resolve, reject) => {
        store.flush();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export { DEMO } from './seed';
export type { FaultOptions } from './faults';
export type { ResponseViolation } from './http-server';
