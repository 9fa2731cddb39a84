import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../../main/amazon/clock';
import { lwaRoute } from '../../../../main/amazon/simulator/auth';
import { Faults } from '../../../../main/amazon/simulator/faults';
import { createSimulatorServer, type ServerDeps } from '../../../../main/amazon/simulator/http-server';
import { ProductTypeRegistry } from '../../../../main/amazon/simulator/product-types';
import { RateLimiter } from '../../../../main/amazon/simulator/rate-limit';
import { DEMO, seedData } from '../../../../main/amazon/simulator/seed';
import { SimStore } from '../../../../main/amazon/simulator/state';
import type { OperationHandlers } from '../../../../main/amazon/simulator/types';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

/** A server whose getMarketplaceParticipations handler is replaced, to prove the checks bite. */
async function serve(handlers: OperationHandlers, strict: boolean): Promise<{ url: string; deps: ServerDeps; token: string }> {
  const clock = new VirtualClock();
  const store = SimStore.open(undefined, () => seedData(clock.now(), 0));
  const token = 'Atza|test-token';
  store.data.accessTokens[token] = { sellerId: DEMO.sellerId, clientId: DEMO.clientId, expiresAt: clock.now() + 3_600_000 };
  const deps: ServerDeps = {
    store,
    clock,
    faults: new Faults(),
    limiter: new RateLimiter(clock),
    productTypes: new ProductTypeRegistry('/nonexistent'),
    handlers,
    routes: [lwaRoute],
    strictResponses: strict,
    tick: () => undefined,
    baseUrl: '',
    responseViolations: [],
    requestViolations: [],
  };
  server = createSimulatorServer(deps);
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  deps.baseUrl = url;
  return { url, deps, token };
}

const PATH = '/sellers/v1/marketplaceParticipations';

describe('strict response validation', () => {
  it('turns a response that breaks the model into a loud 500 and records it', async () => {
    const { url, deps, token } = await serve({ getMarketplaceParticipations: () => ({ status: 200, body: { payload: [{ storeName: 1 }] } }) }, true);
    const res = await fetch(url + PATH, { headers: { 'x-amz-access-token': token } });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('SimulatorContractViolation');
    expect(deps.responseViolations).toHaveLength(1);
    expect(deps.responseViolations[0]?.operation).toBe('getMarketplaceParticipations');
  });

  it('records a handler crash in strict mode', async () => {
    const { url, deps, token } = await serve(
      {
        getMarketplaceParticipations: () => {
          throw new Error('boom');
        },
      },
      true,
    );
    const res = await fetch(url + PATH, { headers: { 'x-amz-access-token': token } });
    expect(res.status).toBe(500);
    expect(deps.responseViolations[0]?.violations[0]?.message).toContain('boom');
  });

  it('passes the same response through when strict mode is off', async () => {
    const { url, deps, token } = await serve({ getMarketplaceParticipations: () => ({ status: 200, body: { payload: [{ storeName: 1 }] } }) }, false);
    const res = await fetch(url + PATH, { headers: { 'x-amz-access-token': token } });
    expect(res.status).toBe(200);
    expect(deps.responseViolations).toEqual([]);
  });

  it('answers an invalid JSON body with 400 in the API convention', async () => {
    const { url, token } = await serve({}, true);
    const res = await fetch(`${url}/feeds/2021-06-30/documents`, {
      method: 'POST',
      headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('400');
  });
});
