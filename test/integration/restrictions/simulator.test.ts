import { afterEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient, type SpApiClient } from '../../../main/amazon/client';
import { ResponseFormatError, SpApiError } from '../../../main/amazon/errors';
import type { Exchange } from '../../../main/amazon/http';
import { validateResponse } from '../../../main/amazon/models';
import { DEMO, startSimulator, type FaultOptions, type SimulatorHandle } from '../../../main/amazon/simulator';

/**
 * getListingsRestrictions on the strict simulator: every answer (errors and injected faults
 * included) is checked against Amazon's official model, and the demo catalog has ASINs that need
 * approval (brand Som Puro, 18k gold jewelry), one that is not eligible, and open ones.
 */
const BR = 'A2Q3Y263D00KWC';
const US = 'ATVPDKIKX0DER';

let sim: SimulatorHandle | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function setup(faults?: FaultOptions): Promise<{ client: SpApiClient; exchanges: Exchange[]; sim: SimulatorHandle }> {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false, ...(faults ? { faults } : {}) });
  const exchanges: Exchange[] = [];
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    maxRetries: 2,
    timeoutMs: 10_000,
    onExchange: (e) => exchanges.push(e),
  });
  return { client, exchanges, sim };
}

const ask = (
  client: SpApiClient,
  asin: string,
  extra: { marketplaceIds?: string[]; conditionType?: 'new_new' | 'used_good'; reasonLocale?: string; sellerId?: string } = {},
) =>
  client.getListingsRestrictions({
    asin,
    sellerId: extra.sellerId ?? DEMO.sellerId,
    marketplaceIds: extra.marketplaceIds ?? [BR],
    conditionType: extra.conditionType ?? 'new_new',
    reasonLocale: extra.reasonLocale ?? 'pt_BR',
  });

describe("the simulator's getListingsRestrictions", () => {
  it('gates a brand and a category of the demo catalog with approval links, refuses a not-eligible product, and leaves the rest open', async () => {
    const { client, sim: s } = await setup();

    const brand = await ask(client, 'B0DM000053');
    const jewelry = await ask(client, 'B0DM00000C');
    const knives = await ask(client, 'B0DM000043');
    const open = await ask(client, 'B0DM00003P');

    expect(brand.restrictions).toEqual([
      {
        marketplaceId: BR,
        conditionType: 'new_new',
        reasons: [
          {
            message: 'Você precisa de aprovação para anunciar produtos da marca Som Puro.',
            reasonCode: 'APPROVAL_REQUIRED',
            links: [
              {
                resource: 'https://sellercentral.amazon.com.br/hz/approvalrequest/restrictions/approve?asin=B0DM000053&itemcondition=new',
                verb: 'GET',
                title: 'Solicitar aprovação no Seller Central.',
                type: 'text/html',
              },
            ],
          },
        ],
      },
    ]);
    expect(jewelry.restrictions[0]?.reasons?.[0]).toMatchObject({
      reasonCode: 'APPROVAL_REQUIRED',
      message: 'Você precisa de aprovação para anunciar produtos na categoria Joias finas.',
    });
    expect(knives.restrictions[0]?.reasons).toEqual([{ message: 'Você não pode anunciar este produto no momento.', reasonCode: 'NOT_ELIGIBLE' }]);
    expect(open.restrictions).toEqual([]);
    expect(s.control.responseViolations()).toEqual([]);
  });

  it('answers in en_US where it has no translation, per marketplace, and ASIN_NOT_FOUND where the marketplace lacks the ASIN', async () => {
    const { client } = await setup();

    const english = await ask(client, 'B0SEED0009', { reasonLocale: 'sv_SE', marketplaceIds: [US] });
    const missing = await ask(client, 'B0DM000053', { marketplaceIds: [US] });

    expect(english.restrictions[0]?.reasons?.[0]?.message).toBe('You need approval to list products from the brand Som Puro.');
    expect(english.restrictions[0]?.reasons?.[0]?.links?.[0]?.resource).toMatch(/^https:\/\/sellercentral\.amazon\.com\/hz\//);
    expect(missing.restrictions).toEqual([
      { marketplaceId: US, conditionType: 'new_new', reasons: [{ message: 'O ASIN não foi encontrado neste marketplace.', reasonCode: 'ASIN_NOT_FOUND' }] },
    ]);
  });

  it("needs approval for used conditions, as the model's example", async () => {
    const { client } = await setup();
    const used = await ask(client, 'B0DM00003P', { conditionType: 'used_good' });
    expect(used.restrictions[0]).toMatchObject({
      conditionType: 'used_good',
      reasons: [{ reasonCode: 'APPROVAL_REQUIRED', links: [{ resource: expect.stringContaining('itemcondition=used') }] }],
    });
  });

  it('lifts a brand for every ASIN of it once the seller is approved; a not-eligible product stays closed', async () => {
    const { client, sim: s } = await setup();

    expect(s.control.approveRestriction(DEMO.sellerId, 'B0DM000053')).toEqual(['brand:Som Puro']);
    expect(s.control.approveRestriction(DEMO.sellerId, 'B0DM000043')).toEqual([]);

    expect((await ask(client, 'B0DM000054')).restrictions).toEqual([]);
    expect((await ask(client, 'B0SEED0009')).restrictions).toEqual([]);
    expect((await ask(client, 'B0DM000043')).restrictions).toHaveLength(1);
  });

  it("refuses a malformed ASIN with the model's bare 400 list, and another seller's id with 403", async () => {
    const { client, exchanges, sim: s } = await setup();

    const bad = await ask(client, 'BAD_ASIN').catch((e: unknown) => e);
    const other = await ask(client, 'B0DM000053', { sellerId: 'A0THERSELLER1' }).catch((e: unknown) => e);

    expect(bad).toBeInstanceOf(SpApiError);
    expect(bad).toMatchObject({ status: 400, code: 'BAD_REQUEST', amazonMessage: "Invalid 'asin' provided." });
    expect(exchanges.find((e) => e.status === 400)?.responseBody).toEqual([{ code: 'BAD_REQUEST', message: "Invalid 'asin' provided." }]);
    expect(other).toMatchObject({ status: 403, code: 'Unauthorized' });
    expect(s.control.responseViolations()).toEqual([]);
  });

  for (const [fault, status, code] of [
    ['rate429', 429, 'QuotaExceeded'],
    ['rate5xx', undefined, undefined],
  ] as const) {
    it(`injects ${fault} faults shaped as the model's error list`, async () => {
      const { client, exchanges, sim: s } = await setup({ [fault]: 1, seed: 3 });

      const error = await ask(client, 'B0DM000053').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(SpApiError);
      if (status) expect(error).toMatchObject({ status, code });
      else expect((error as SpApiError).status).toBeGreaterThanOrEqual(500);
      const answers = exchanges.filter((e) => e.operationId === 'getListingsRestrictions');
      // The client retried, each answer an error list as the model declares it.
      expect(answers.length).toBeGreaterThan(1);
      for (const e of answers) {
        expect(Array.isArray(e.responseBody)).toBe(true);
        expect(validateResponse('getListingsRestrictions', e.status, e.responseBody)).toEqual([]);
      }
      expect(s.control.responseViolations()).toEqual([]);
    });
  }

  it('a malformed answer is a ResponseFormatError, never a silent "no restriction"', async () => {
    const { client } = await setup({ rateMalformed: 1, seed: 1 });
    const outcomes = await Promise.all(['B0DM000053', 'B0DM000054', 'B0DM000055', 'B0DM000056'].map((asin) => ask(client, asin).catch((e: unknown) => e)));
    for (const o of outcomes) expect(o).toBeInstanceOf(ResponseFormatError);
  });
});
