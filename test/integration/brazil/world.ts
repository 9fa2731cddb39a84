import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient, type SpApiClient } from '../../../main/amazon/client';
import { startSimulator, type SimulatorHandle, type FaultOptions } from '../../../main/amazon/simulator';
import type { Db } from '../../../main/db/connection';
import { findOrderRowId } from '../../../main/db/tables/orders';
import { importOrders } from '../../../main/orders/import';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { addSku, testDb } from '../../unit/orders/fixtures';

export const BR = 'A2Q3Y263D00KWC';
export const MINUTE = 60_000;

/** The demo seller on a strict simulator, and a Vitrine database with the demo SKUs (R$ 89,90 each). */
export interface BrazilWorld {
  readonly sim: SimulatorHandle;
  readonly clock: VirtualClock;
  readonly client: SpApiClient;
  readonly db: Db;
  importOrders(): Promise<unknown>;
  rowId(orderId: string): number;
  close(): Promise<void>;
}

export async function brazilWorld(options: { faults?: FaultOptions; seedOrders?: boolean } = {}): Promise<BrazilWorld> {
  const clock = new VirtualClock();
  const sim = await startSimulator({
    clock,
    strictResponses: true,
    autoOrderEveryMs: 0,
    seedOrders: options.seedOrders ?? false,
    ...(options.faults ? { faults: options.faults } : {}),
  });
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: sim.demo.clientId, clientSecret: sim.demo.clientSecret, refreshToken: sim.demo.refreshToken },
    clock,
    maxRetries: 2,
  });
  const db = testDb();
  for (const sku of ['BRC-001', 'CAM-001-PRE-M', 'COL-001', 'PUL-002']) addSku(db, sku, 10, { priceCents: 8990 });
  return {
    sim,
    clock,
    client,
    db,
    importOrders: () => importOrders(db, client, { accountId: 'acc', marketplaceIds: [BR], settings: DEFAULT_ORDER_SETTINGS, now: () => clock.now() }),
    rowId: (orderId) => findOrderRowId(db, 'acc', orderId) ?? -1,
    async close() {
      await sim.close();
      db.close();
    },
  };
}
