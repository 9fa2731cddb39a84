import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { listCategories } from '../../../main/db/tables/categories';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { getSchemaInfo } from '../../../main/db/tables/product-type-schemas';
import { listStatuses } from '../../../main/db/tables/sync-listings';
import { scaledClock } from '../../../main/sync/scaled-clock';
import { BR, mapShirt, seedCatalog } from '../mapping/mapping-helpers';

/** Simulated seconds per real second: the feed's processing time passes in a moment. */
const SCALE = 200;
const READY = { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' };

describe('cli sync --once', () => {
  let dir: string;
  let sim: SimulatorHandle;
  let anchor: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vitrine-cli-schemas-'));
    anchor = Date.now();
    sim = await startSimulator({ clock: scaledClock(SCALE, anchor), stateFile: join(dir, 'sim.json'), autoOrderEveryMs: 0, seedOrders: false });
  });
  afterAll(async () => {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("downloads a mapped product type's schema before the cycle, as the app's full cycle does, so a headless send is not held back", async () => {
    const dbFile = join(dir, 'v.db');
    const db = openDatabase(dbFile);
    saveAccount(db, {
      id: 'demo',
      label: 'Demo',
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: DEMO.sellerId,
      lwaClientId: DEMO.clientId,
      storeName: null,
      clientSecretSetAt: 0,
      authorizedAt: 0,
      createdAt: 0,
      marketplaces: [{ marketplaceId: BR, countryCode: 'BR', name: 'Amazon.com.br', currency: 'BRL', language: 'pt_BR', participating: true, enabled: true }],
    });
    const ids = seedCatalog(db, [{ key: 'C-1', title: 'Camiseta azul', category: 'Roupas > Camisetas', characteristics: READY }]);
    const roupas = listCategories(db).find((c) => c.name === 'Roupas')?.id ?? -1;
    setCategoryMapping(db, { categoryId: roupas, marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    mapShirt(db);
    selectProducts(db, { accountId: 'demo', marketplaceId: BR }, [ids.get('C-1') ?? -1], 1);
    const key = { marketplaceId: BR, productType: 'SHIRT', locale: 'pt_BR' };
    expect(getSchemaInfo(db, key)).toBeUndefined();
    db.close();
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };

    await runCli(['sync', '--once', '--db', dbFile, '--json', '--simulator', sim.url], io, {
      VITRINE_LOG_DIR: join(dir, 'logs'),
      VITRINE_LOCALE: 'pt-BR',
      VITRINE_CLOCK_SCALE: String(SCALE),
      VITRINE_CLOCK_ANCHOR: String(anchor),
    });

    const check = openDatabase(dbFile);
    expect(getSchemaInfo(check, key)?.version).toMatch(/\S/);
    const rows = listStatuses(check, { accountId: 'demo', marketplaceId: BR, offset: 0, limit: 10 }).items;
    expect(rows.map((r) => r.status)).not.toContain('skipped');
    expect(rows.length).toBeGreaterThan(0);
    check.close();
  });
});
