import { explainListingIssue, explained } from '../amazon/explain';
import { selectedAmong, selectProducts, unselectProducts, type SelectionScope } from '../db/tables/listing-selections';
import { listProducts } from '../db/tables/products';
import { AppError } from '../errors';
import { marketplaceOf } from '../mapping/service';
import type { Services } from '../services';
import { checkProducts, problemMessages, type ProductCheck } from './product-checks';

/**
 * The "Incluir produtos" screen: its list with each product's readiness (the send engine's own
 * build and checks, offline), including and excluding products, and asking Amazon to validate one.
 */

const today = () => new Date().toISOString().slice(0, 10);

/** Whether each product would be sent in the scope as it is: the verdict this screen, the dashboard and the rules' preview show. */
export function checkScope(services: Services, scope: SelectionScope, productIds: readonly number[]): ProductCheck[] {
  marketplaceOf(services, scope);
  // The send engine's own builder and settings: ready here means the next cycle sends it as shown.
  return checkProducts(services.db, services.translator, scope, productIds, { today: today() });
}

/** One page of the "Incluir produtos" list: catalog products with their status and selection. */
export function selectionPage(
  services: Services,
  scope: SelectionScope,
  query: { readonly offset: number; readonly limit: number; readonly search?: string | undefined; readonly categoryId?: number | undefined },
) {
  const page = listProducts(services.db, query);
  const ids = page.items.map((p) => p.id);
  const checks = new Map(checkScope(services, scope, ids).map((c) => [c.productId, c]));
  const selected = selectedAmong(services.db, scope, ids);
  return {
    total: page.total,
    items: page.items.map((p) => {
      const check = checks.get(p.id);
      return {
        id: p.id,
        title: p.title,
        firstSku: p.firstSku,
        skuCount: p.skuCount,
        categoryPath: p.categoryPath,
        selected: selected.has(p.id),
        selectedBy: selected.get(p.id) ?? null,
        status: check?.status ?? 'blocked',
        problems: (check?.skus ?? []).flatMap((s) => [
          ...(s.blocked ? [{ sku: s.sku, code: s.blocked.code, message: s.blocked.message, storeField: null, attribute: null }] : []),
          ...s.issues.map((i) => ({ sku: s.sku, code: i.code, message: i.message, storeField: i.storeField ?? null, attribute: i.attribute })),
        ]),
      };
    }),
  };
}

/** Selects the products that are ready; the others stay out and each says why. */
export function includeProducts(services: Services, scope: SelectionScope, productIds: readonly number[]) {
  const checks = checkScope(services, scope, productIds);
  const ready = checks.filter((c) => c.status === 'ready').map((c) => c.productId);
  selectProducts(services.db, scope, ready, Date.now());
  const rejected = checks
    .filter((c) => c.status !== 'ready')
    .map((c) => ({
      productId: c.productId,
      status: c.status,
      reasons: problemMessages(c),
    }));
  return { included: ready, rejected };
}

export function excludeProducts(services: Services, scope: SelectionScope, productIds: readonly number[]): number {
  return unselectProducts(services.db, scope, productIds);
}

/** Asks Amazon to validate each ready SKU (putListingsItem VALIDATION_PREVIEW): nothing is saved. */
export async function checkWithAmazon(services: Services, scope: SelectionScope, productId: number) {
  const { account, locale } = marketplaceOf(services, scope);
  const [check] = checkScope(services, scope, [productId]);
  if (!check) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId });
  const client = await services.amazon.forAccount(scope.accountId);
  const results = [];
  for (const s of check.skus) {
    if (!s.listing) continue;
    const listing = s.listing;
    const res = await explained(() =>
      client.putListingsItem({
        sellerId: account.sellerId,
        sku: s.sku,
        marketplaceId: scope.marketplaceId,
        mode: 'VALIDATION_PREVIEW',
        ...(locale !== 'DEFAULT' ? { issueLocale: locale } : {}),
        body: { productType: listing.productType, ...(listing.requirements ? { requirements: listing.requirements } : {}), attributes: listing.attributes },
      }),
    );
    results.push({
      sku: s.sku,
      status: res.status,
      issues: (res.issues ?? []).map((i) => ({
        code: i.code,
        message: i.message,
        severity: i.severity,
        attributeNames: i.attributeNames ?? [],
        explanation: explainListingIssue(services.translator, i.code),
      })),
    });
  }
  return { productId, results };
}
