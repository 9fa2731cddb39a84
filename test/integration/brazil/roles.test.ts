import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { BrazilService } from '../../../main/brazil/service';
import { listActivity } from '../../../main/db/tables/activity-log';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices } from '../../../main/services';
import { listSlots } from '../../../main/brazil/easy-ship/pickup';
import { explainedFor } from '../../../main/brazil/explain';
import { readFbaStock } from '../../../main/brazil/fba';
import { importNfeFiles } from '../../../main/brazil/nfe/import';
import { pollNfe, sendNfe } from '../../../main/brazil/nfe/send';
import { getNfe } from '../../../main/db/tables/nfe-documents';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { buildNfe } from '../../fixtures/nfe/build';
import { brazilWorld, MINUTE, type BrazilWorld } from './world';

let world: BrazilWorld | undefined;
afterEach(async () => {
  if (world) expect(world.sim.control.responseViolations()).toEqual([]);
  await world?.close();
  world = undefined;
});

const SIZE = { lengthCm: 20, widthCm: 15, heightCm: 10, weightG: 450 };
const pt = new Translator('pt-BR');

/** What the seller reads for a failure (main translates AppErrors the same way for the window and the CLI). */
async function refusal(work: Promise<unknown>): Promise<{ error: AppError; text: string }> {
  const error = await work.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { error, text: pt.t(`errors.${error.code}`, error.params as Record<string, unknown>) };
}

describe('a missing SP-API role (403) is explained with what to request from Amazon', () => {
  it('Direct-to-Consumer Shipping for Easy Ship, Tax Invoicing for the NF-e, Amazon Fulfillment for FBA stock; nothing is lost', async () => {
    world = await brazilWorld();
    const w = world;
    const noteFor = (order: { orderId: string; lines: readonly { unitPrice?: number }[] }, sku: string, number: number) => {
      const [r] = importNfeFiles(
        w.db,
        [
          {
            name: `nota-${number}.xml`,
            bytes: new TextEncoder().encode(
              buildNfe({ orderId: order.orderId, number, items: [{ sku, quantity: 1, unitCents: Math.round((order.lines[0]?.unitPrice ?? 0) * 100) }] }),
            ),
          },
        ],
        { tolerancePercent: 5, sellerCnpj: null },
      );
      if (!r?.ok) throw new Error('note not imported');
      return r.documentId;
    };
    const dba = w.sim.control.createOrder({
      lines: [{ sku: 'BRC-001', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      program: 'easy_ship',
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    const own = w.sim.control.createOrder({
      lines: [{ sku: 'CAM-001-PRE-M', quantity: 1 }],
      status: 'Unshipped',
      willCancel: false,
      marketplaceId: 'A2Q3Y263D00KWC',
    });
    w.clock.advance(5 * MINUTE);
    await w.importOrders();

    // The DBA order's note goes through while the app still has every role…
    const accepted = noteFor(dba, 'BRC-001', 4);
    await sendNfe(w.db, w.client, accepted, () => w.clock.now());
    w.clock.advance(2 * MINUTE);
    expect(await pollNfe(w.db, w.client, accepted, () => w.clock.now())).toBe('accepted');

    // …then the seller's app loses Easy Ship: the pickup says which role to ask for.
    w.sim.control.withholdRole(DEMO.sellerId, 'easyShip');
    const ship = await refusal(explainedFor('easy_ship', () => listSlots(w.db, w.client, w.rowId(dba.orderId), SIZE)));
    expect(ship.error.code).toBe('ROLE_MISSING_EASY_SHIP');
    expect(ship.text).toContain('"Direct-to-Consumer Shipping"');
    expect(w.sim.control.scheduledPackage(dba.orderId)).toBeUndefined();

    // Tax Invoicing (restricted): the note is not sent, and stays ready for when Amazon grants it.
    w.sim.control.withholdRole(DEMO.sellerId, 'taxInvoicing');
    const pending = noteFor(own, 'CAM-001-PRE-M', 5);
    const tax = await refusal(explainedFor('tax_invoicing', () => sendNfe(w.db, w.client, pending, () => w.clock.now())));
    expect(tax.error).toMatchObject({
      code: 'ROLE_MISSING_TAX_INVOICING',
      params: { code: 'Unauthorized', message: 'Access to requested resource is denied.' },
      details: { role: 'tax_invoicing', amazon: { status: 403 } },
    });
    expect(tax.text).toContain('403: Access to requested resource is denied.');
    expect(tax.text).toContain('função restrita "Tax Invoicing"');
    expect(tax.text).toMatch(/Código de suporte: [\w-]+\.$/);
    expect(getNfe(w.db, pending)?.state).toBe('pending');
    expect(w.sim.control.invoices(own.orderId)).toEqual([]);

    w.sim.control.withholdRole(DEMO.sellerId, 'fbaInventory');
    const fba = await refusal(explainedFor('fba_inventory', () => readFbaStock(w.db, w.client, { accountId: 'acc', marketplaceId: 'A2Q3Y263D00KWC' })));
    expect(fba.error.code).toBe('ROLE_MISSING_FBA_INVENTORY');
    expect(fba.text).toContain('"Amazon Fulfillment"');
  }, 30_000);
});

describe('the background FBA read without the role', () => {
  it('tells the activity once and goes on; a read the seller asks for names the role', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brazil-roles-'));
    const clock = new VirtualClock();
    let sim: SimulatorHandle | undefined;
    const services = createServices({
      dbFile: join(dir, 'vitrine.db'),
      secrets: new MemorySecretStore(),
      version: '0.0.0-test',
      systemLocale: 'pt-BR',
      clock,
      startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: true, strictResponses: true })),
    });
    try {
      await new AccountsService(services, services.amazon).ensureDemoAccount();
      const brazil = new BrazilService(services, () => clock.now());
      expect(await brazil.readFba({}, { background: true })).toEqual([expect.objectContaining({ skus: 1 })]);
      sim?.control.withholdRole(DEMO.sellerId, 'fbaInventory');
      expect(await brazil.readFba({}, { background: true })).toEqual([]);
      expect(await brazil.readFba({}, { background: true })).toEqual([]);
      const told = listActivity(services.db, { domain: 'orders', limit: 10 }).filter((a) => a.messageKey === 'brazil.activity.fbaRoleMissing');
      expect(told).toHaveLength(1);
      expect(services.translator.t(told[0]?.messageKey ?? '', { ...told[0]?.params })).toContain('"Amazon Fulfillment"');
      await expect(brazil.readFba()).rejects.toMatchObject({ code: 'ROLE_MISSING_FBA_INVENTORY' });
      expect(sim?.control.responseViolations()).toEqual([]);
    } finally {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
