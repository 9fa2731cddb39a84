import type { SelectionScope } from '../db/tables/listing-selections';
import { AppError } from '../errors';
import { checkScope } from './include-products';
import type { Services } from '../services';
import { prepareSentComparison } from './sent-diff';

/** The exact documents a product would send, and how each differs from what was last sent. */
export function previewProduct(services: Services, scope: SelectionScope, productId: number) {
  const [check] = checkScope(services, scope, [productId]);
  if (!check) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId });
  const compare = prepareSentComparison(services.db, scope);
  return {
    productId,
    status: check.status,
    skus: check.skus.map((s) => ({
      sku: s.sku,
      status: s.status,
      productType: s.productType,
      blocked: s.blocked,
      issues: s.issues.map((i) => ({ attribute: i.attribute, code: i.code, message: i.message, path: i.path, storeField: i.storeField ?? null })),
      json: s.listing ? JSON.stringify(s.listing, null, 2) : null,
      ...compare(s),
    })),
  };
}
