import { badRequest } from './api-errors';
import { META_SCHEMA_BYTES, META_SCHEMA_CHECKSUM } from './meta-schema';
import { ProductTypeRegistry, type ProductTypeEntry } from './product-types';
import { csv, json, type OperationContext, type OperationHandlers, type RawRoute, type SimResponse } from './types';

const MODEL = 'definitionsProductTypes_2020-09-01';

/** Download links are served by the simulator itself; Amazon's are valid 7 days. */
const LINK_TTL_MS = 7 * 24 * 3600_000;

/** Attributes Amazon groups under "Offer"; everything else lands in "Product details". */
const OFFER_ATTRIBUTES = new Set([
  'condition_type', 'condition_note', 'list_price', 'purchasable_offer', 'fulfillment_availability', 'merchant_shipping_group',
  'merchant_release_date', 'max_order_quantity', 'skip_offer', 'product_tax_code',
]);

function propertyGroups(entry: ProductTypeEntry): Record<string, unknown> {
  const names = Object.keys((entry.schema.properties ?? {}) as Record<string, unknown>);
  return {
    offer: { title: 'Offer', description: 'Attributes of the offer', propertyNames: names.filter((n) => OFFER_ATTRIBUTES.has(n)) },
    product_details: { title: 'Product Details', description: 'Attributes describing the product', propertyNames: names.filter((n) => !OFFER_ATTRIBUTES.has(n)) },
  };
}

function searchDefinitionsProductTypes(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  if (q.keywords && q.itemName) return badRequest(MODEL, 'Invalid input', 'keywords and itemName cannot be used together.');
  const words = [...csv(q.keywords), ...(q.itemName ? q.itemName.split(/\s+/) : [])].map((w) => w.toLowerCase()).filter((w) => w.length > 1);
  const marketplaceIds = csv(q.marketplaceIds);
  const productTypes = ctx.productTypes
    .list()
    .map((name) => ctx.productTypes.get(name))
    .filter((e): e is ProductTypeEntry => e !== undefined)
    // Sellers search in their own language too ("calçados"), so every display name counts.
    .filter((e) => words.length === 0 || words.some((w) => [e.name, e.displayName, ...Object.values(e.displayNames)].some((n) => n.toLowerCase().includes(w))))
    .map((e) => ({ name: e.name, displayName: ProductTypeRegistry.displayNameFor(e, q.locale), marketplaceIds }));
  return json(200, { productTypes, productTypeVersion: 'LATEST' });
}

function getDefinitionsProductType(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  const name = ctx.pathParams.productType ?? '';
  const entry = ctx.productTypes.get(name);
  if (!entry) return badRequest(MODEL, 'Invalid input', `Product type '${name}' is not available.`);
  if (q.productTypeVersion && q.productTypeVersion !== 'LATEST' && q.productTypeVersion !== entry.version) {
    return badRequest(MODEL, 'Invalid input', `Product type version '${q.productTypeVersion}' is not available.`);
  }
  const expires = ctx.clock.now() + LINK_TTL_MS;
  return json(200, {
    metaSchema: { link: { resource: `${ctx.baseUrl}/definitions-download/meta-schema/v1`, verb: 'GET' }, checksum: META_SCHEMA_CHECKSUM },
    schema: { link: { resource: `${ctx.baseUrl}/definitions-download/schemas/${encodeURIComponent(name)}?expires=${expires}`, verb: 'GET' }, checksum: entry.checksum },
    requirements: q.requirements ?? 'LISTING',
    requirementsEnforced: q.requirementsEnforced ?? 'ENFORCED',
    propertyGroups: propertyGroups(entry),
    locale: q.locale ?? 'DEFAULT',
    marketplaceIds: csv(q.marketplaceIds),
    productType: name,
    displayName: ProductTypeRegistry.displayNameFor(entry, q.locale),
    productTypeVersion: { version: entry.version, latest: true, releaseCandidate: false },
  });
}

export const definitionsHandlers: OperationHandlers = { searchDefinitionsProductTypes, getDefinitionsProductType };

function schemaDownload(bytes: Buffer): SimResponse {
  return { status: 200, raw: bytes, headers: { 'content-type': 'application/json' } };
}

export const definitionsRoutes: readonly RawRoute[] = [
  {
    method: 'GET',
    pattern: /^\/definitions-download\/meta-schema\/v1$/,
    handle: () => schemaDownload(META_SCHEMA_BYTES),
  },
  {
    method: 'GET',
    pattern: /^\/definitions-download\/schemas\/([^/]+)$/,
    handle: (req, match, env) => {
      const expires = Number(req.query.expires);
      if (!Number.isFinite(expires) || expires < env.clock.now()) return { status: 403, raw: Buffer.from('Request has expired'), headers: { 'content-type': 'text/plain' } };
      const entry = env.productTypes.get(decodeURIComponent(match[1] ?? ''));
      return entry ? schemaDownload(entry.bytes) : { status: 404, raw: Buffer.from('Not found'), headers: { 'content-type': 'text/plain' } };
    },
  },
];
