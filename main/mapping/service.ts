import { getAccount } from '../db/tables/accounts';
import { characteristicValues, saveAttributeMapping as saveRow, type AttributeMappingRow } from '../db/tables/attribute-mappings';
import { getCategory } from '../db/tables/categories';
import { removeCategoryMapping as removeRow, setCategoryMapping as setRow } from '../db/tables/category-mappings';
import type { SelectionScope } from '../db/tables/listing-selections';
import { AppError } from '../errors';
import type { Services } from '../services';
import { ensureSchema, schemaLocale, type SchemaOutcome } from './schemas';

const MAX_VALUES = 500;

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
