import * as mapping from '../../mapping/service';
import { characteristicsView, characteristicValuesFor, type ReadinessCheck } from '../../mapping/characteristics';
import { categoryOverview, searchProductTypes, suggestForCategory, suggestVariationTheme } from '../../mapping/categories';
import { excludeAllFiltered, includeAllReady } from '../../selection/bulk-selection';
import * as selection from '../../selection/include-products';
import { previewProduct } from '../../selection/preview';
import type { Services } from '../../services';
import type { PartialHandlerMap } from '../register';

export function mappingHandlers(services: Services) {
  return {
    'mapping:categories': ({ marketplaceId }) => categoryOverview(services, marketplaceId),
    'mapping:suggest': async ({ accountId, marketplaceId, categoryId }) =>
      (await suggestForCategory(services, { accountId, marketplaceId }, categoryId)).map((s) => ({
        ...s,
        matchedBy: [...s.matchedBy],
        evidence: s.evidence && { ...s.evidence },
      })),
    'mapping:suggest-theme': ({ accountId, marketplaceId, categoryId, productType }) =>
      suggestVariationTheme(services, { accountId, marketplaceId }, categoryId, productType),
    'mapping:search-product-types': ({ accountId, marketplaceId, keywords }) => searchProductTypes(services, { accountId, marketplaceId }, keywords),
    'mapping:map-category': ({ accountId, marketplaceId, ...input }) => mapping.mapCategory(services, { accountId, marketplaceId }, input),
    'mapping:unmap-category': ({ marketplaceId, categoryId }) => mapping.unmapCategory(services, marketplaceId, categoryId),
    'mapping:attributes': async ({ accountId, marketplaceId, productType, refresh, categoryId }) => {
      const readiness: ReadinessCheck = (scope, ids) => selection.checkScope(services, scope, ids);
      const view = await characteristicsView(services, { accountId, marketplaceId }, productType, readiness, { refresh, categoryId });
      // Contract arrays are mutable; the view's are readonly.
      return {
        ...view,
        variationThemes: [...view.variationThemes],
        categories: view.categories.map((c) => ({ ...c })),
        products: { ...view.products },
        characteristics: [...view.characteristics],
        attributes: view.attributes.map((a) => ({
          ...a,
          options: a.options.map((o) => ({ ...o })),
          units: [...a.units],
          unitOptions: a.unitOptions.map((o) => ({ ...o })),
          mapping: a.mapping && { ...a.mapping, valueMap: { ...a.mapping.valueMap } },
        })),
      };
    },
    'mapping:values': ({ characteristic, marketplaceId, productType, categoryId }) =>
      marketplaceId !== undefined && productType !== undefined
        ? characteristicValuesFor(services, marketplaceId, productType, characteristic, categoryId)
        : mapping.valuesOf(services, characteristic),
    'mapping:save-attribute': (row) => mapping.saveAttributeMapping(services, row),
    'mapping:selection': ({ accountId, marketplaceId, ...query }) => selection.selectionPage(services, { accountId, marketplaceId }, query),
    'mapping:include': ({ accountId, marketplaceId, productIds }) => selection.includeProducts(services, { accountId, marketplaceId }, productIds),
    'mapping:exclude': ({ accountId, marketplaceId, productIds }) => selection.excludeProducts(services, { accountId, marketplaceId }, productIds),
    'mapping:include-all': ({ accountId, marketplaceId, ...filter }) => includeAllReady(services, { accountId, marketplaceId }, filter),
    'mapping:exclude-all': ({ accountId, marketplaceId, ...filter }) => excludeAllFiltered(services, { accountId, marketplaceId }, filter),
    'mapping:preview': ({ accountId, marketplaceId, productId }) => {
      const p = previewProduct(services, { accountId, marketplaceId }, productId);
      return { ...p, skus: p.skus.map((s) => ({ ...s, blocked: s.blocked && { ...s.blocked } })) };
    },
    'mapping:check-amazon': ({ accountId, marketplaceId, productId }) => selection.checkWithAmazon(services, { accountId, marketplaceId }, productId),
  } satisfies PartialHandlerMap;
}
