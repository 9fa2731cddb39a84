import { badRequest } from './api-errors';
import { META_SCHEMA_BYTES, META_SCHEMA_CHECKSUM } from './meta-schema';
import { ProductTypeRegistry, type ProductTypeEntry } from './product-types';
import { csv, json, type OperationContext, type OperationHandlers, type RawRoute, type SimResponse } from './types';

const MODEL = 'definitionsProductTypes_2020-09-01';

/** Download links are served by the simulator itself; Amazon's are valid 7 days. */
const LINK_TTL_MS = 7 * 24 * 3600_000;

/** Attributes Amazon groups under "Offer"; everything else lands in "Product details". */
const OFFER_ATTRIBUTES = new Set([
  'condition_type',
  'condition_note',
  'list_price',
  'purchasable_offer',
  'fulfillment_availability',
  'merchant_shipping_group',
  'merchant_release_date',
  'max_order_quantity',
  'skip_offer',
  'product_tax_code',
]);

function propertyGroups(entry: ProductTypeEntry, locale: string | undefined): Record<string, unknown> {
  const names = Object.keys((entry.schema.properties ?? {}) as Record<string, unknown>);
  const pt = locale?.toLowerCase().startsWith('pt') === true;
  return {
    offer: {
      title: pt ? 'Oferta' : 'Offer',
      description: pt ? 'Atributos da oferta' : 'Attributes of the offer',
      propertyNames: names.filter((n) => OFFER_ATTRIBUTES.has(n)),
    },
    product_details: {
      title: pt ? 'Detalhes do produto' : 'Product Details',
      description: pt ? 'Atributos que descrevem o produto' : 'Attributes describing the product',
      propertyNames: names.filter((n) => !OFFER_ATTRIBUTES.has(n)),
    },
  };
}

/** Lower case without accents: sellers type "decoracao" as often as "Decoração". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Singular and plural share a stem: "pulseiras" finds "pulseira", "calçados" finds "calçado". */
function matches(word: string, candidates: readonly string[]): boolean {
  const stem = word.length > 4 ? word.replace(/(es|s)$/, '') : word;
  return candidates.some((c) => c.includes(stem));
}

/**
 * Keyword search over product type names, display names in every language and the search words
 * each type is known by (as Amazon's `searchLocale` search does for sellers' own words). Without
 * keywords or itemName every product type is listed, as Amazon does.
 */
function searchDefinitionsProductTypes(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  if (q.keywords && q.itemName) return badRequest(MODEL, 'Invalid input', 'keywords and itemName cannot be used together.');
  // A title's short words ("com", "de", "925") say nothing about what the product is.
  const words = [
    ...csv(q.keywords).filter((w) => w.length > 2),
    ...(q.itemName ? q.itemName.split(/\s+/).filter((w) => w.length > 3 && !/^\d+$/.test(w)) : []),
  ].map(fold);
  const marketplaceIds = csv(q.marketplaceIds);
  const productTypes = ctx.productTypes
    .list()
    .map((name) => ctx.productTypes.get(name))
    .filter((e): e is ProductTypeEntry => e !== undefined)
    .filter((e) => {
      if (words.length === 0) return true;
      const known = [e.name.replace(/_/g, ' '), e.displayName, ...Object.values(e.displayNames), ...e.keywords].map(fold);
      return words.some((w) => matches(w, known));
    })
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
  const marketplaceId = csv(q.marketplaceIds)[0] ?? '';
  const served = ctx.productTypes.servedSchema(entry, marketplaceId, q.locale);
  const link = `${ctx.baseUrl}/definitions-download/schemas/${encodeURIComponent(name)}?${new URLSearchParams({ expires: String(expires), marketplaceId, locale: q.locale ?? 'DEFAULT' })}`;
  return json(200, {
    metaSchema: { link: { resource: `${ctx.baseUrl}/definitions-download/meta-schema/v1`, verb: 'GET' }, checksum: META_SCHEMA_CHECKSUM },
    schema: { link: { resource: link, verb: 'GET' }, checksum: served.checksum },
    requirements: q.requirements ?? 'LISTING',
    requirementsEnforced: q.requirementsEnforced ?? 'ENFORCED',
    propertyGroups: propertyGroups(entry, q.locale),
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
      if (!Number.isFinite(expires) || expires < env.clock.now())
        return { status: 403, raw: Buffer.from('Request has expired'), headers: { 'content-type': 'text/plain' } };
      const entry = env.productTypes.get(decodeURIComponent(match[1] ?? ''));
      if (!entry) return { status: 404, raw: Buffer.from('Not found'), headers: { 'content-type': 'text/plain' } };
      const locale = req.query.locale === 'DEFAULT' ? undefined : req.query.locale;
      return schemaDownload(env.productTypes.servedSchema(entry, req.query.marketplaceId ?? '', locale).bytes);
    },
  },
];
