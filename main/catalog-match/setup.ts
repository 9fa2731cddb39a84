import type { Services } from '../services';
import { catalogMatchingFor, type CatalogMatching } from './service';

/** Start-up work of catalog matching: watch the catalog and match new or changed codes as they appear. */
export function setupCatalogMatching(services: Services): CatalogMatching {
  const matching = catalogMatchingFor(services);
  matching.start();
  return matching;
}
