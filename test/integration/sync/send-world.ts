import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { VirtualClock } from '../../../main/amazon/clock';
import { createSpApiClient, type SpApiClient } from '../../../main/amazon/client';
import { DEMO, startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { withListings } from '../../../main/amazon/simulator/listing-store';
import { seedData } from '../../../main/amazon/simulator/seed';
import type { CatalogItemRecord, ListingRecord } from '../../../main/amazon/simulator/state-types';
import { openDatabase, type Db } from '../../../main/db/connection';
import { saveAccount } from '../../../main/db/tables/accounts';
import { prepareCharacteristicWriter } from '../../../main/db/tables/characteristics';
import { selectProducts } from '../../../main/db/tables/listing-selections';
import { saveSchema } from '../../../main/db/tables/product-type-schemas';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { saveMatchedAsins } from '../../../main/db/tables/sku-gtins';
import { prepareSkuUpsert, type SkuUpsert } from '../../../main/db/tables/skus';
import { withCheckDigit } from '../../../main/ean/gtin';
import { Translator } from '../../../main/i18n';
import { checkProducts, type ProductCheck } from '../../../main/selection/product-checks';
import { runCycle, type CycleSummary } from '../../../main/sync/engine';
import { saveSyncSettings, type SyncSettingsInput } from '../../../main/sync/settings';

export const BR = 'A2Q3Y263D00KWC';
export const SCOPE = { accountId: 'demo', marketplaceId: BR } as const;

export const HOME = JSON.parse(readFileSync('main/amazon/simulator/product-types/HOME.schema.json', 'utf8')) as Record<string, unknown>;
/** What HOME requires beyond a store's columns, as a seller fills it in the send settings. */
export const HOME_DEFAULTS = {
  country_of_origin: 'BR',
  supplier_declared_dg_hz_regulation: 'not_applicable',
  item_type_keyword: 'vases',
  material: 'Ceramic',
  room_type: 'Living Room',
  color: 'Beige',
};

let eans = 500;
/** A valid EAN-13 of its own. */
export function freshEan(): string {
  return withCheckDigit(`789${String(eans++).padStart(9, '0')}`);
}

export interface ProductSpec {
  readonly key: string;
  readonly title?: string;
  readonly brand?: string | null;
  readonly description?: string | null;
  readonly characteristics?: Readonly<Record<string, string>>;
  readonly selected?: boolean;
  readonly skus?: readonly (Partial<SkuUpsert> & { readonly sku: string; readonly asin?: string })[];
}

export interface SendWorld {
  readonly db: Db;
  readonly sim: SimulatorHandle;
  readonly client: SpApiClient;
  readonly clock: VirtualClock;
  readonly translator: Translator;
  /** One cycle of the real engine against the simulator. */
  cycle(lane?: 'full' | 'fast'): Promise<CycleSummary>;
  /** "Incluir produtos"'s verdict for these products, offline. */
  check(productIds: readonly number[]): ProductCheck[];
  addProduct(spec: ProductSpec): number;
  /** The listing the simulated Amazon holds for a SKU. */
  listing(sku: string): ListingRecord | undefined;
  /** Every feed message uploaded to Amazon for a SKU, oldest first (the documents as stored). */
  messages(sku: string): Record<string, unknown>[];
  status(sku: string): { status: string; reason: string | null; issues: { code: string; message: string; attributeName?: string }[] } | undefined;
  settings(extra: SyncSettingsInput): void;
  close(): Promise<void>;
}

/**
 * The demo seller on a strict simulator (its catalog plus `catalogItems`, its offers plus
 * `listings`), a Vitrine database with the demo account on Amazon.com.br, HOME's schema cached and
 * the send settings a seller would fill (HOME as the fallback product type with its defaults).
 */
export async function sendWorld(
  options: { readonly catalogItems?: readonly CatalogItemRecord[]; readonly listings?: readonly ListingRecord[] } = {},
): Promise<SendWorld> {
  const clock = new VirtualClock();
  const data = seedData(clock.now(), 0);
  data.catalog = [...data.catalog, ...(options.catalogItems ?? [])];
  withListings(data, DEMO.sellerId, options.listings ?? []);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-send-world-'));
  const stateFile = join(dir, 'sim.json');
  writeFileSync(stateFile, JSON.stringify(data));
  const sim = await startSimulator({ clock, stateFile, strictResponses: true, autoOrderEveryMs: 0, seedOrders: false });
  const client = createSpApiClient({
    endpoint: { baseUrl: sim.url, lwaUrl: sim.lwaUrl },
    credentials: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, refreshToken: DEMO.refreshToken },
    clock,
    timeoutMs: 10_000,
  });
  const db = openDatabase(join(dir, 'vitrine.db'));
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
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'x',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema: HOME,
  });
  const settings = (extra: SyncSettingsInput) =>
    void saveSyncSettings(db, 'demo', BR, { defaultProductType: 'HOME', defaultAttributes: HOME_DEFAULTS, ...extra });
  settings({});
  const translator = new Translator('pt-BR');
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const characteristic = prepareCharacteristicWriter(db);
  return {
    db,
    sim,
    client,
    clock,
    translator,
    cycle: (lane = 'full') => runCycle({ db, client, clock, accountId: 'demo', lane, trigger: 'cli', translator }),
    check: (ids) => checkProducts(db, translator, SCOPE, ids, { today: new Date(clock.now()).toISOString().slice(0, 10) }),
    addProduct(spec) {
      const p = product({
        key: spec.key,
        title: spec.title ?? `Vaso de cerâmica ${spec.key}`,
        description: spec.description === undefined ? 'Vaso artesanal esmaltado à mão.' : spec.description,
        brand: spec.brand === undefined ? 'Barro & Arte' : spec.brand,
        manufacturer: null,
        bulletPoints: ['Feito à mão'],
        imageUrls: ['https://img.example/vaso.jpg'],
        categoryId: null,
      });
      if (!p) throw new Error('product not written');
      for (const [name, value] of Object.entries(spec.characteristics ?? {})) characteristic(p.id, name, value);
      for (const s of spec.skus ?? [{ sku: spec.key }]) {
        const { asin, ...row } = s;
        const gtin = row.gtin === undefined ? freshEan() : row.gtin;
        sku({
          productId: p.id,
          gtinExempt: null,
          gtinStatus: gtin ? 'valid' : null,
          priceCents: 4990,
          salePriceCents: null,
          stock: 5,
          weightG: 900,
          lengthMm: 200,
          widthMm: 150,
          heightMm: 300,
          variation: null,
          active: true,
          ...row,
          gtin,
        });
        if (asin) saveMatchedAsins(db, [{ sku: s.sku, asin }]);
      }
      if (spec.selected !== false) selectProducts(db, SCOPE, [p.id], 0);
      return p.id;
    },
    listing: (code) => sim.control.listings(DEMO.sellerId).find((l) => l.sku === code),
    messages(code) {
      return (db.prepare('SELECT content FROM sync_feed_documents ORDER BY feed_row_id').pluck().all() as Buffer[])
        .flatMap((c) => (JSON.parse(inflateRawSync(c).toString('utf8')) as { messages: Record<string, unknown>[] }).messages)
        .filter((m) => m['sku'] === code);
    },
    status(code) {
      const row = db
        .prepare('SELECT status, reason, issues FROM sync_listings WHERE account_id = ? AND marketplace_id = ? AND sku = ?')
        .get('demo', BR, code) as { status: string; reason: string | null; issues: string } | undefined;
      return row && { status: row.status, reason: row.reason, issues: JSON.parse(row.issues) as { code: string; message: string; attributeName?: string }[] };
    },
    settings,
    async close() {
      db.close();
      await sim.close();
    },
  };
}
