import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpApiClient } from '../../../main/amazon/client';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { editSku } from '../../../main/catalog/editor';
import { importProducts } from '../../../main/catalog/importer';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { selectAllProducts } from '../../../main/db/tables/listing-selections';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { runCycle } from '../../../main/sync/engine';
import { BR, configureSync } from '../../../bench/lib/world';
import { tPt, writeCsv } from './helpers';

let sim: SimulatorHandle | undefined;
let db: Db | undefined;
let dir: string | undefined;

afterEach(async () => {
  db?.close();
  await sim?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  sim = db = dir = undefined;
});

const CATALOG = [
  [
    'SKU',
    'SKU pai',
    'Título',
    'Descrição',
    'Marca',
    'Preço',
    'Estoque',
    'Isento de GTIN',
    'Tópico 1',
    'Imagem 1',
    'Peso (kg)',
    'Comprimento (cm)',
    'Largura (cm)',
    'Altura (cm)',
    'Variação: Tamanho',
  ],
  [
    'VASO',
    '',
    'Vaso de cerâmica',
    'Vaso feito à mão.',
    'Barro & Arte',
    '49,90',
    '5',
    'sim',
    'Feito à mão',
    'https://img.example/v.jpg',
    '0,8',
    '20',
    '20',
    '30',
    '',
  ],
  ['CAM', '', 'Camiseta Básica Algodão', 'Camiseta de algodão.', 'Acme', '', '', '', 'Algodão', 'https://img.example/c.jpg', '', '', '', '', ''],
  [
    'CAM-P',
    'CAM',
    'Camiseta Básica Algodão P',
    'Camiseta de algodão.',
    'Acme',
    '39,90',
    '4',
    'sim',
    'Algodão',
    'https://img.example/c.jpg',
    '0,2',
    '30',
    '20',
    '2',
    'P',
  ],
  [
    'CAM-M',
    'CAM',
    'Camiseta Básica Algodão M',
    'Camiseta de algodão.',
    'Acme',
    '39,90',
    '6',
    'sim',
    'Algodão',
    'https://img.example/c.jpg',
    '0,2',
    '30',
    '20',
    '2',
    'M',
  ],
];

async function world() {
  const clock = new VirtualClock();
  sim = await startSimulator({ clock, autoOrderEveryMs: 0, seedOrders: false });
  dir = mkdtempSync(join(tmpdir(), 'vitrine-edit-sync-'));
  const local = openDatabase(join(dir, 'vitrine.db'));
  db = local;
  saveAccount(local, {
    id: 'demo',
    label: 'Demo',
    kind: 'simulator',
    region: 'NA',
    sandbox: false,
    sellerId: sim.demo.sellerId,
    lwaClientId: sim.demo.clientId,
    storeName: null,
    clientSecretSetAt: 0,
    authorizedAt: 0,
    createdAt: 0,
    marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
  });
  configureSync(local, 'demo');
  const report = await importProducts(local, writeCsv(join(dir, 'catalog.csv'), CATALOG), { dryRun: false, t: tPt });
  expect(report.rejected).toBe(0);
  selectAllProducts(local, { accountId: 'demo', marketplaceId: BR }, 0);
  const client = createSpApiClient({ endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl }, credentials: sim.demo, clock });
  const run = (lane: 'full' | 'fast') => runCycle({ db: local, client, clock, accountId: 'demo', lane, trigger: 'cli' });
  const listing = (sku: string) => (sim?.control.listings() ?? []).find((l) => l.sku === sku && l.marketplaceId === BR);
  return { local, run, listing };
}

function quantityOf(attributes: Record<string, unknown> | undefined): unknown {
  const offers = attributes?.fulfillment_availability as { quantity?: number }[] | undefined;
  return offers?.[0]?.quantity;
}

function titleOf(attributes: Record<string, unknown> | undefined): unknown {
  return (attributes?.item_name as { value?: string }[] | undefined)?.[0]?.value;
}

describe('an edit in the app reaches Amazon', () => {
  it('a stock edit goes out in the next fast lane', async () => {
    const { local, run, listing } = await world();
    await run('full');
    expect(quantityOf(listing('VASO')?.attributes)).toBe(5);

    const outcome = editSku(local, tPt, getSkuByCode(local, 'VASO')?.id ?? -1, { stock: '2' });
    expect(outcome).toMatchObject({ saved: true, changed: true });
    const summary = await run('fast');

    expect(summary.sent).toBeGreaterThan(0);
    expect(quantityOf(listing('VASO')?.attributes)).toBe(2);
  }, 60_000);

  it('each variation is sent with its own title, never a sibling’s', async () => {
    const { run, listing } = await world();
    await run('full');
    expect(titleOf(listing('CAM-P')?.attributes)).toBe('Camiseta Básica Algodão P');
    expect(titleOf(listing('CAM-M')?.attributes)).toBe('Camiseta Básica Algodão M');
  }, 60_000);
});
