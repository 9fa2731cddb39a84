import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';

/**
 * Writes `count` products with one SKU each through main's own data modules (the importer would
 * be slower and is tested on its own). Titles are `Produto 00001…`, SKUs `SKU-00001…`.
 */
export function seedProducts(services: Services, count: number): void {
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  const width = String(count).length;
  services.db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const n = String(i).padStart(width, '0');
      const written = product({
        key: `P-${n}`,
        title: `Produto ${n}`,
        description: null,
        brand: 'Marca Teste',
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
      if (!written) throw new Error(`product P-${n} was not written`);
      const id = written.id;
      sku({
        sku: `SKU-${n}`,
        productId: id,
        gtin: null,
        gtinExempt: null,
        gtinStatus: 'missing',
        priceCents: 1000 + i,
        salePriceCents: null,
        stock: i % 7,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: null,
        active: true,
      });
    }
  })();
}
