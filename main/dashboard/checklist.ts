import type { Checklist } from '../../preload/contract/app';
import { readChecklistCounts, sampleMappedProducts } from '../db/tables/dashboard';
import { countStatusesIn, lastRunOf } from '../db/tables/sync-overview';
import { STORE_FILLED } from '../mapping/attributes';
import type { ProductCheck } from '../selection/product-checks';
import { checkScope } from '../selection/include-products';
import type { Services } from '../services';
import { readSyncSettings } from '../sync/settings';

/** Products checked per matched category: enough to tell whether characteristics are missing. */
export const SAMPLE_PER_CATEGORY = 10;
/** At most this many products in all (a few per category when a catalog has hundreds of them). */
export const SAMPLE_TOTAL = 150;

/** A product lacks a value only a characteristic mapping (or a default) can give. */
function missingCharacteristic(check: ProductCheck): boolean {
  return check.skus.some((s) =>
    s.issues.some((i) => (i.code === 'missing' || i.code === 'missing_field') && !i.storeField && STORE_FILLED[i.attribute] === undefined),
  );
}

/**
 * "Primeiros passos" in the Tray panel's order, each with the numbers that say where it stands
 * for the header's account × marketplace. Which step is next is the renderer's to say.
 */
export function readChecklist(services: Services, scope: { readonly accountId: string; readonly marketplaceId: string } | null): Checklist {
  const counts = readChecklistCounts(services.db, scope);
  let characteristics: Checklist['characteristics'] = { categoriesBlocked: 0, productsBlocked: 0, productType: null, checked: 0 };
  let sync: Checklist['sync'] = { live: 0, errors: 0, waiting: 0, lastRunAt: null };
  let fallbackProductType: string | null = null;
  if (scope) {
    fallbackProductType = readSyncSettings(services.db, scope.accountId, scope.marketplaceId).defaultProductType ?? null;
    const all = sampleMappedProducts(services.db, scope.marketplaceId, SAMPLE_PER_CATEGORY);
    const per = Math.max(2, Math.floor(SAMPLE_TOTAL / Math.max(1, all.length)));
    const samples = all.map((s) => ({ ...s, productIds: s.productIds.slice(0, per) }));
    const ids = samples.flatMap((s) => s.productIds);
    const blocked = new Set(
      ids.length > 0
        ? checkScope(services, scope, ids)
            .filter(missingCharacteristic)
            .map((c) => c.productId)
        : [],
    );
    const blocking = samples.filter((s) => s.productIds.some((id) => blocked.has(id)));
    characteristics = { categoriesBlocked: blocking.length, productsBlocked: blocked.size, productType: blocking[0]?.productType ?? null, checked: ids.length };
    const statuses = countStatusesIn(services.db, scope);
    const run = lastRunOf(services.db, scope.accountId);
    sync = {
      live: statuses.live ?? 0,
      errors: statuses.error ?? 0,
      waiting: (statuses.pending ?? 0) + (statuses.sending ?? 0) + (statuses.waiting ?? 0),
      lastRunAt: run?.finishedAt ?? null,
    };
  }
  return {
    account: { accounts: counts.accounts, realAccounts: counts.realAccounts },
    products: { products: counts.products },
    categories: { unmapped: counts.categoriesUnmapped, productsUnmapped: counts.productsUnmapped, mapped: counts.categoriesMapped, fallbackProductType },
    characteristics,
    selection: { selected: counts.selected },
    sync,
  };
}
