import type { Db } from '../../../main/db/connection';
import { prepareCategoryPaths } from '../../../main/db/tables/categories';
import { prepareCharacteristicWriter } from '../../../main/db/tables/characteristics';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { withCheckDigit } from '../../../main/ean/gtin';

/** The model a test computes expectations from by hand (plain JavaScript over these objects). */
export interface GenSku {
  readonly sku: string;
  readonly priceCents: number | null;
  readonly stock: number;
  readonly gtinStatus: 'valid' | 'invalid' | 'missing';
  readonly active: boolean;
}

export interface GenProduct {
  readonly key: string;
  readonly categoryPath: readonly string[] | null;
  readonly brand: string | null;
  readonly color: string | null;
  readonly skus: readonly GenSku[];
}

export const CATEGORY_PATHS: readonly (readonly string[])[] = [
  ['Roupas'],
  ['Roupas', 'Camisetas'],
  ['Roupas', 'Camisetas', 'Manga longa'],
  ['Roupas', 'Calças'],
  ['Joias'],
  ['Joias', 'Pulseiras'],
];
const BRANDS = ['Acme', 'Joias Aurora', 'Algodão Vivo', null] as const;
const COLORS = ['Azul', 'Vermelho', 'Preto', null] as const;

/** Small deterministic PRNG so a failing case can be reproduced from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateCatalog(count: number, seed = 7): GenProduct[] {
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const skuCount = 1 + Math.floor(rnd() * 3);
    return {
      key: `P${String(i).padStart(5, '0')}`,
      categoryPath: rnd() < 0.1 ? null : pick(CATEGORY_PATHS),
      brand: pick(BRANDS),
      color: pick(COLORS),
      skus: Array.from({ length: skuCount }, (_, j) => ({
        sku: `P${String(i).padStart(5, '0')}-${j}`,
        priceCents: rnd() < 0.05 ? null : 500 + Math.floor(rnd() * 30_000),
        stock: Math.floor(rnd() * 12),
        gtinStatus: rnd() < 0.8 ? 'valid' : rnd() < 0.5 ? 'invalid' : 'missing',
        active: rnd() < 0.9,
      })),
    };
  });
}

/** Writes the generated products through the catalog's own upserts; answers key → product id. */
export function writeCatalog(db: Db, products: readonly GenProduct[]): Map<string, number> {
  const category = prepareCategoryPaths(db);
  const product = prepareProductUpsert(db);
  const sku = prepareSkuUpsert(db);
  const characteristic = prepareCharacteristicWriter(db);
  const ids = new Map<string, number>();
  let n = 0;
  db.transaction(() => {
    for (const p of products) {
      const row = product({
        key: p.key,
        title: `Produto ${p.key}`,
        description: null,
        brand: p.brand,
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: p.categoryPath ? category(p.categoryPath) : null,
      });
      if (!row) throw new Error('product not written');
      ids.set(p.key, row.id);
      if (p.color) characteristic(row.id, 'Cor', p.color);
      for (const s of p.skus) {
        n += 1;
        const gtin =
          s.gtinStatus === 'missing'
            ? null
            : s.gtinStatus === 'valid'
              ? withCheckDigit(`789${String(n).padStart(9, '0')}`)
              : `789${String(n).padStart(10, '0')}`;
        sku({
          sku: s.sku,
          productId: row.id,
          gtin,
          gtinExempt: null,
          gtinStatus: s.gtinStatus,
          priceCents: s.priceCents,
          salePriceCents: null,
          stock: s.stock,
          weightG: null,
          lengthMm: null,
          widthMm: null,
          heightMm: null,
          variation: null,
          active: s.active,
        });
      }
    }
  })();
  return ids;
}
