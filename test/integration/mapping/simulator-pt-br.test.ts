import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpApiClient } from '../../../main/accounts/clients';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator/server';
import { createListingValidator } from '../../../main/listings';
import { ensureSchema } from '../../../main/mapping/schemas';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { BR } from './mapping-helpers';

let services: Services;
let sim: SimulatorHandle;
let client: SpApiClient;
let dir: string;
const US = 'ATVPDKIKX0DER';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-pt-br-'));
  const clock = new VirtualClock();
  sim = await startSimulator({ port: 0, clock, strictResponses: true, seedOrders: false, autoOrderEveryMs: 0 });
  services = createServices({
    dbFile: join(dir, 'p.db'),
    secrets: new MemorySecretStore(),
    version: 'test',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: async () => sim,
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  client = await services.amazon.forAccount('demo');
});

afterAll(async () => {
  expect(sim.control.responseViolations()).toEqual([]);
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

type Node = Record<string, unknown>;
const at = (node: unknown, ...path: string[]): Node => path.reduce<Node>((n, k) => n[k] as Node, node as Node);

/** A BRACELET listing on Amazon.com.br as the app builds it: BRL prices, pt_BR text. */
function braceletListing(): { productType: string; attributes: Record<string, readonly Record<string, unknown>[]> } {
  const m = { marketplace_id: BR };
  const text = (value: string) => [{ value, language_tag: 'pt_BR', ...m }];
  return {
    productType: 'BRACELET',
    attributes: {
      item_name: text('Pulseira riviera prata 925'),
      brand: text('Joias Aurora'),
      list_price: [{ value: 276.9, currency: 'BRL', ...m }],
      purchasable_offer: [{ currency: 'BRL', our_price: [{ schedule: [{ value_with_tax: 263.9 }] }], ...m }],
    },
  };
}

describe("the demo's Amazon.com.br speaks Portuguese and sells in reais", () => {
  it('serves BRACELET for amazon.com.br in pt_BR: display name, titles, descriptions and value labels', async () => {
    const { schema, outcome } = await ensureSchema(services.db, client, { marketplaceId: BR, productType: 'BRACELET', locale: 'pt_BR' }, { now: 1 });
    const props = at(schema.schema, 'properties');

    expect(outcome).toBe('downloaded');
    expect(schema.displayName).toBe('Pulseira');
    expect(at(props, 'list_price')['title']).toBe('Preço de tabela');
    expect(at(props, 'item_name')['description']).toMatch(/^Informe o nome do produto/);
    expect(at(props, 'target_gender', 'items', 'properties', 'value')['enumNames']).toEqual(['Feminino', 'Masculino', 'Unissex']);
    expect(at(props, 'country_of_origin', 'items', 'properties', 'value')['enumNames']).toContain('Brasil');
    expect(at(props, 'supplier_declared_dg_hz_regulation', 'items', 'properties', 'value')['enumNames']).toContain('Não aplicável');
    expect(at(schema.propertyGroups, 'offer')['title']).toBe('Oferta');
  });

  it('prices BRACELET in BRL on amazon.com.br and USD on amazon.com', async () => {
    const br = await ensureSchema(services.db, client, { marketplaceId: BR, productType: 'BRACELET', locale: 'pt_BR' }, { now: 1 });
    const us = await ensureSchema(services.db, client, { marketplaceId: US, productType: 'BRACELET', locale: 'en_US' }, { now: 1 });
    const currency = (s: Node) => at(s, 'properties', 'list_price', 'items', 'properties', 'currency')['enum'];

    expect(currency(br.schema.schema)).toEqual(['BRL']);
    expect(at(br.schema.schema, 'properties', 'purchasable_offer', 'items', 'properties', 'currency')['enum']).toEqual(['BRL']);
    expect(currency(us.schema.schema)).toEqual(['USD']);
    expect(at(us.schema.schema, 'properties', 'list_price')['title']).toBe('List Price');
  });

  it("never says Amazon does not accept 'BRL': neither the app's check nor the simulator's", async () => {
    const { schema } = await ensureSchema(services.db, client, { marketplaceId: BR, productType: 'BRACELET', locale: 'pt_BR' }, { now: 1 });
    const listing = braceletListing();

    const local = createListingValidator(schema.schema, services.translator).validate(listing);
    const amazon = await client.putListingsItem({
      sellerId: sim.demo.sellerId,
      sku: 'PUL-TESTE',
      marketplaceId: BR,
      mode: 'VALIDATION_PREVIEW',
      body: { productType: 'BRACELET', attributes: listing.attributes },
    });

    expect(local.issues.filter((i) => ['list_price', 'purchasable_offer'].includes(i.attribute))).toEqual([]);
    expect((amazon.issues ?? []).filter((i) => /BRL|currency/i.test(i.message))).toEqual([]);
  });

  it('finds product types by Portuguese words, with or without accents, and nothing for gibberish', async () => {
    const search = async (keywords: string[]) =>
      (await client.searchDefinitionsProductTypes({ marketplaceIds: [BR], keywords, locale: 'pt_BR' })).productTypes.map((p) => `${p.name}:${p.displayName}`);

    expect(await search(['pulseira'])).toContain('BRACELET:Pulseira');
    expect(await search(['decoração'])).toContain('HOME:Casa');
    expect(await search(['Decoracao'])).toContain('HOME:Casa');
    expect(await search(['tênis'])).toContain('SHOES:Calçados');
    expect(await search(['xyzqw'])).toEqual([]);
    expect((await search([])).length).toBeGreaterThanOrEqual(13);
  });
});
