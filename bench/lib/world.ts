/**
 * The small shop the reliability benchmarks (soak, crash) run: a catalog with single products and
 * variation families, sync settings for the simulator's HOME product type, and a deterministic
 * script of catalog changes and buyer orders, so two runs (with and without faults, or with and
 * without kills) can be compared state for state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatorControl } from '../../main/amazon/simulator';
import type { Db } from '../../main/db/connection';
import { getAccount, saveAccount } from '../../main/db/tables/accounts';
import { saveSchema } from '../../main/db/tables/product-type-schemas';
import { selectAllProducts } from '../../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import { saveSyncSettings } from '../../main/sync/settings';

export const BR = 'A2Q3Y263D00KWC';

/** The demo account sells in BR and US; the benchmarks publish to BR only, which keeps runs short. */
export function onlyBrazil(db: Db, accountId: string): void {
  const account = getAccount(db, accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  saveAccount(db, { ...account, marketplaces: account.marketplaces.map((m) => ({ ...m, enabled: m.marketplaceId === BR })) });
}

/** HOME schema and the defaults a seller would fill in the mapping screen. */
export function configureSync(db: Db, accountId: string): void {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  saveSchema(db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'bench',
    propertyGroups: {},
    fetchedAt: 0,
    checkedAt: 0,
    schema,
  });
  saveSyncSettings(db, accountId, BR, {
    defaultProductType: 'HOME',
    defaultAttributes: {
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 'vases',
      material: 'Ceramic',
      room_type: 'Living Room',
      color: 'Beige',
    },
    characteristicAttributes: { color: 'Cor', size: 'Tamanho' },
    variationTheme: 'SIZE/COLOR',
  });
}

/** The selection every world sends: the demo account on Amazon.com.br. */
const SCOPE = { accountId: 'demo', marketplaceId: BR } as const;

/**
 * `products` products, all selected for Amazon.com.br (the seller's "include products");
 * every fourth is a family of four variations (2 colours × 2 sizes).
 */
export function seedCatalog(db: Db, products: number): string[] {
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const skus: string[] = [];
  db.transaction(() => {
    for (let p = 1; p <= products; p += 1) addProduct(product, sku, `SOAK-${p}`, p % 4 === 0, skus);
    selectAllProducts(db, SCOPE, 0);
  })();
  return skus;
}

type ProductUpsert = ReturnType<typeof prepareProductUpsert>;
type SkuUpsert = ReturnType<typeof prepareSkuUpsert>;

function addProduct(product: ProductUpsert, sku: SkuUpsert, key: string, family: boolean, out: string[]): void {
  const row = product({
    key,
    title: `Vaso de cerâmica ${key}`,
    description: `Vaso artesanal ${key}, esmaltado à mão.`,
    brand: 'Barro & Arte',
    manufacturer: 'Barro & Arte Ltda',
    bulletPoints: ['Feito à mão', 'Esmalte atóxico'],
    imageUrls: [`https://cdn.loja.example/${key}/1.jpg`],
    categoryId: null,
  });
  if (!row) throw new Error('product not written');
  const variants = family ? ['Azul', 'Verde'].flatMap((c) => ['P', 'G'].map((s) => ({ Cor: c, Tamanho: s }))) : [null];
  variants.forEach((v, i) => {
    const code = v ? `${key}-${v.Cor[0]}${v.Tamanho}` : key;
    sku({
      sku: code,
      productId: row.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 3990 + i * 100,
      salePriceCents: null,
      stock: 40,
      weightG: 800,
      lengthMm: 200,
      widthMm: 150,
      heightMm: 300,
      variation: v,
      active: true,
    });
    out.push(code);
  });
}

/**
 * Buyers order the first half of the initial SKUs; prices change only in the second half. An
 * order's price is the listing's price at that moment, so ordering a SKU whose new price may still
 * be in flight under faults would make the runs differ by timing, not by anything lost.
 */
export function splitSkus(skus: readonly string[]): { readonly ordered: readonly string[]; readonly repriced: readonly string[] } {
  const half = Math.ceil(skus.length / 2);
  return { ordered: skus.slice(0, half), repriced: skus.slice(half) };
}

/** One step of the scripted catalog life: stock and price edits, and every 5th cycle a new product. */
export function changeCatalog(db: Db, cycle: number, skus: readonly string[]): void {
  const { ordered, repriced } = splitSkus(skus);
  db.transaction(() => {
    db.prepare('UPDATE skus SET stock = stock + ? WHERE sku = ?').run((cycle % 7) + 1, ordered[(cycle * 3) % ordered.length] ?? '');
    db.prepare('UPDATE skus SET price_cents = price_cents + 100 WHERE sku = ?').run(repriced[(cycle * 5) % repriced.length] ?? '');
    if (cycle % 5 === 0) {
      addProduct(prepareProductUpsert(db), prepareSkuUpsert(db), `SOAK-NEW-${cycle}`, false, []);
      selectAllProducts(db, SCOPE, 0);
    }
  })();
}

/**
 * The buyers' side of cycle `cycle`: one order (`order-<cycle>-0`) or, in even cycles, two for
 * SKUs published before the script started; every 4th cycle the buyer of `order-<cycle-2>-1`
 * cancels. New orders are added to `labels` (simulator id → label; the simulator's ids follow
 * its own counter). The seller ships only `-0` orders (shipLabel): no shipment races a cancellation.
 */
export function buyerActivity(sim: SimulatorControl, cycle: number, skus: readonly string[], labels: Map<string, string>): void {
  const { ordered } = splitSkus(skus);
  const count = cycle % 2 === 0 ? 2 : 1;
  for (let i = 0; i < count; i += 1) {
    const sku = ordered[(cycle * 7 + i * 3) % ordered.length] ?? '';
    const order = sim.createOrder({
      lines: [{ sku, quantity: 1 + ((cycle + i) % 2) }],
      status: 'Unshipped',
      willCancel: false,
      buyerName: i === 0 ? '=HYPERLINK("http://x.invalid","x")' : 'Ana Souza',
    });
    labels.set(order.orderId, `order-${cycle}-${i}`);
  }
  const victim = cycle % 4 === 0 ? [...labels].find(([, label]) => label === `order-${cycle - 2}-1`)?.[0] : undefined;
  if (victim) sim.setOrderStatus(victim, 'Canceled');
}

/** The order the seller ships in cycle `cycle`: the first order placed two cycles earlier. */
export function shipLabel(cycle: number): string | undefined {
  return cycle >= 3 ? `order-${cycle - 2}-0` : undefined;
}
