import { explainListingIssue, explained } from '../amazon/explain';
import { getAccount } from '../db/tables/accounts';
import { characteristicValues, saveAttributeMapping as saveRow, type AttributeMappingRow } from '../db/tables/attribute-mappings';
import { getCategory } from '../db/tables/categories';
import { removeCategoryMapping as removeRow, setCategoryMapping as setRow } from '../db/tables/category-mappings';
import { selectedAmong, selectProducts, unselectProducts, type SelectionScope } from '../db/tables/listing-selections';
import { listProducts } from '../db/tables/products';
import { AppError } from '../errors';
import type { Services } from '../services';
import { checkProducts, problemMessages, type ProductCheck } from './product-checks';
import { ensureSchema, schemaLocale, type SchemaOutcome } from './schemas';

const MAX_VALUES = 500;

const today = () => new Date().toISOString().slice(0, 10);

/** The account and its marketplace, or the seller's error when either is gone. */
export function marketplaceOf(services: Services, scope: SelectionScope) {
  const account = getAccount(services.db, scope.accountId);
  if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
  const marketplace = account.marketplaces.find((m) => m.marketplaceId === scope.marketplaceId);
  if (!marketplace) throw new AppError('MAPPING_MARKETPLACE_UNKNOWN', { marketplaceId: scope.marketplaceId });
  return { account, marketplace, locale: schemaLocale(marketplace.language) };
}

/** Caches the product type's schema for the marketplace (downloading only a new version). */
export async function loadSchema(services: Services, scope: SelectionScope, productType: string, force = false) {
  const { locale } = marketplaceOf(services, scope);
  const client = await services.amazon.forAccount(scope.accountId);
  return ensureSchema(services.db, client, { marketplaceId: scope.marketplaceId, productType, locale }, { now: Date.now(), force });
}

/** Maps a category and fetches its product type schema right away, so the next screen has it. */
export async function mapCategory(
  services: Services,
  scope: SelectionScope,
  input: { readonly categoryId: number; readonly productType: string; readonly variationTheme: string | null },
): Promise<{ readonly schemaOutcome: SchemaOutcome }> {
  if (!getCategory(services.db, input.categoryId)) throw new AppError('MAPPING_CATEGORY_NOT_FOUND', { categoryId: input.categoryId });
  const { outcome } = await loadSchema(services, scope, input.productType);
  setRow(
    services.db,
    { categoryId: input.categoryId, marketplaceId: scope.marketplaceId, productType: input.productType, variationTheme: input.variationTheme },
    Date.now(),
  );
  return { schemaOutcome: outcome };
}

export function unmapCategory(services: Services, marketplaceId: string, categoryId: number): boolean {
  return removeRow(services.db, categoryId, marketplaceId);
}

export function valuesOf(services: Services, characteristic: string) {
  return characteristicValues(services.db, characteristic, MAX_VALUES);
}

export function saveAttributeMapping(services: Services, row: AttributeMappingRow): void {
  saveRow(services.db, row, Date.now());
}

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
