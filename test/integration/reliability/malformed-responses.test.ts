import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { createSpApiClient } from '../../../main/amazon/client';
import { VirtualClock } from '../../../main/amazon/clock';
import { ResponseFormatError, SpApiError } from '../../../main/amazon/errors';
import { explainAmazonError } from '../../../main/amazon/explain';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { AppError } from '../../../main/errors';
import { Translator } from '../../../main/i18n';
import { OrdersService } from '../../../main/orders/service';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { tableSnapshot } from './snapshot';

const MINUTE = 60_000;
let sim: SimulatorHandle | undefined;
let services: Services | undefined;
let dir: string | undefined;

afterEach(async () => {
  // Services close the simulator they started; a standalone one is closed here.
  if (services) await services.close();
  else await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = services = dir = undefined;
});

/** Which of the simulator's four broken bodies a ResponseFormatError came from. */
function kindOf(error: ResponseFormatError): string {
  if (error.problem === 'body is an HTML page') return 'html';
  if (error.problem === 'body is malformed JSON') return 'invalid-json';
  return error.bodySnippet === '{}' ? 'missing-fields' : 'wrong-types';
}

describe('malformed SP-API responses (simulator rateMalformed)', () => {
  it('each broken body is one ResponseFormatError with the real status, explained in both languages', async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false, faults: { rateMalformed: 1, seed: 11 } });
    const client = createSpApiClient({ endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl }, credentials: sim.demo, clock });

    const errors: unknown[] = [];
    for (let i = 0; i < 24; i += 1)
      errors.push(
        await client.getMarketplaceParticipations().then(
          () => undefined,
          (e: unknown) => e,
        ),
      );

    expect(errors.every((e) => e instanceof ResponseFormatError)).toBe(true);
    const formatErrors = errors as ResponseFormatError[];
    expect(new Set(formatErrors.map(kindOf))).toEqual(new Set(['html', 'invalid-json', 'missing-fields', 'wrong-types']));
    expect(formatErrors.every((e) => e.status === 200 && e.operationId === 'getMarketplaceParticipations')).toBe(true);
    for (const error of formatErrors) {
      const explained = explainAmazonError(error) ?? new AppError('NOT_EXPLAINED');
      expect(explained.code).toBe('AMAZON_BAD_RESPONSE');
      for (const locale of ['pt-BR', 'en'] as const) {
        const text = new Translator(locale).t(`errors.${explained.code}`, { ...explained.params });
        expect(text).toContain(error.problem);
        expect(text).not.toContain('{{');
      }
    }
  });

  it('breaks bodies after the strict contract check, and stops once switched off', async () => {
    const clock = new VirtualClock();
    sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true, faults: { rateMalformed: 1 } });
    const client = createSpApiClient({ endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl }, credentials: sim.demo, clock });
    const broken = await client.getMarketplaceParticipations().then(
      () => undefined,
      (e: unknown) => e,
    );
    const notFound = await client.getListingsItem({ sellerId: sim.demo.sellerId, sku: 'NO-SUCH-SKU', marketplaceIds: ['A2Q3Y263D00KWC'] }).then(
      () => undefined,
      (e: unknown) => e,
    );

    sim.control.setFaults({});
    const healed = await client.getMarketplaceParticipations();

    expect(broken).toBeInstanceOf(ResponseFormatError);
    // Only 2xx bodies are broken: an error answer keeps Amazon's code for the seller.
    expect(notFound).toBeInstanceOf(SpApiError);
    expect(notFound).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(healed.length).toBeGreaterThan(0);
    // The corruption happens after the strict check: it is the wire's fault, not a contract violation.
    expect(sim.control.responseViolations()).toEqual([]);
  });
});

describe('orders import against unreadable pages', () => {
  it('fails with a localized error, changes nothing, and the next clean import loses no order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-malformed-'));
    const clock = new VirtualClock();
    const s = createServices({
      dbFile: join(dir, 'vitrine.db'),
      secrets: new MemorySecretStore(),
      version: '0.0.0-test',
      systemLocale: 'pt-BR',
      clock,
      startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false })),
    });
    services = s;
    await new AccountsService(s, s.amazon).ensureDemoAccount();
    const skus = (sim?.control.listings() ?? []).map((l) => l.sku);
    const created = [0, 1, 2].map(
      (n) => sim?.control.createOrder({ lines: [{ sku: skus[n % skus.length] ?? '', quantity: n + 1 }], status: 'Unshipped', willCancel: false }).orderId,
    );
    clock.advance(5 * MINUTE);
    const orders = new OrdersService(s, { now: () => clock.now() });
    const before = tableSnapshot(s.db);

    sim?.control.setFaults({ rateMalformed: 1 });
    const failure = await orders.import().then(
      () => undefined,
      (e: unknown) => e,
    );
    const afterFailure = tableSnapshot(s.db);
    sim?.control.setFaults({});
    const summary = await orders.import();

    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('AMAZON_BAD_RESPONSE');
    expect(s.translator.t('errors.AMAZON_BAD_RESPONSE', (failure as AppError).params)).toMatch(/^A Amazon mandou uma resposta/);
    expect(afterFailure).toEqual(before);
    expect(summary.new).toBe(3);
    const stored = s.db.prepare('SELECT amazon_order_id AS id FROM orders ORDER BY 1').all() as { id: string }[];
    expect(stored.map((r) => r.id)).toEqual([...created].sort());
  });
});
