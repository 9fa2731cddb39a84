import type { ChannelInput } from '../../preload/contract';
import type { CatalogMatchView, ProductView } from '../../preload/contract/catalog';
import type { Db } from '../db/connection';
import { catalogMatchesOf } from '../db/tables/catalog-matches';
import { getProductCharacteristics, getSkuCharacteristics } from '../db/tables/characteristics';
import { listKitComponents } from '../db/tables/kits';
import { getProduct, listProducts, type ProductFilter, type ProductListItem } from '../db/tables/products';
import { listSkusOfProduct } from '../db/tables/skus';
import { AppError } from '../errors';

/** The store's category tree, for the product list's filter and the product screen. */
export { listCategories } from '../db/tables/categories';

/** A product as its screen shows it: the family's content, and per SKU its own where it differs. */
export function productView(db: Db, productId: number): ProductView {
  const product = getProduct(db, productId);
  if (!product) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId });
  const skus = listSkusOfProduct(db, productId);
  const matches = catalogMatchesOf(
    db,
    skus.map((s) => s.id),
  );
  return {
    ...product,
    bulletPoints: [...product.bulletPoints],
    imageUrls: [...product.imageUrls],
    characteristics: getProductCharacteristics(db, productId),
    skus: skus.map((s) => {
      const m = matches.get(s.id);
      const amazonMatch: CatalogMatchView | null = m?.outcome === 'matched' && m.asin ? { sku: s.sku, asin: m.asin, title: m.title } : null;
      return {
        ...s,
        variation: { ...s.variation },
        imageUrls: s.imageUrls ? [...s.imageUrls] : null,
        kitComponents: s.isKit ? listKitComponents(db, s.id) : [],
        characteristics: getSkuCharacteristics(db, s.id),
        amazonMatch,
      };
    }),
  };
}

type ListFilterInput = Omit<ChannelInput<'catalog:list'>, 'offset' | 'limit'>;

/** The list's filter as the tables take it: the Amazon part only with both account and marketplace. */
export function productFilterOf(input: ListFilterInput): ProductFilter {
  const amazon =
    input.accountId && input.marketplaceId
      ? { accountId: input.accountId, marketplaceId: input.marketplaceId, ...(input.amazonStatus ? { status: input.amazonStatus } : {}) }
      : undefined;
  return {
    search: input.search,
    categoryId: input.categoryId,
    gtinStatus: input.gtinStatus,
    stock: input.stock,
    ...(amazon ? { amazon } : {}),
  };
}

export function productList(db: Db, input: ChannelInput<'catalog:list'>): { total: number; items: ProductListItem[] } {
  return listProducts(db, { ...productFilterOf(input), offset: input.offset, limit: input.limit });
}
