import { unauthorized } from './api-errors';
import type { SimStore } from './state';
import type { CatalogItemRecord } from './state-types';
import { csv, json, type OperationContext, type OperationHandlers, type SimResponse } from './types';

/**
 * getListingsRestrictions (Listings Restrictions 2021-08-01) as Amazon answers it for a new
 * seller: most ASINs are open, some brands and categories need approval (with a link to request
 * it in Seller Central), a few products cannot be listed at all, an ASIN the marketplace does not
 * have is ASIN_NOT_FOUND, and used conditions need approval. In the demo catalog (demo-catalog.ts):
 * the brand "Som Puro" (headphones: B0SEED0009, B0DM000053…57) and fine jewelry (18k gold:
 * B0DM00000C) need approval; the knife set (B0DM000043) is not eligible. Reason texts follow
 * `reasonLocale` (pt_BR, else Amazon's en_US fallback).
 */

type Locale = 'pt_BR' | 'en_US';
type ReasonCode = 'APPROVAL_REQUIRED' | 'ASIN_NOT_FOUND' | 'NOT_ELIGIBLE';

interface Gate {
  /** What an approval lifts (one approval covers every ASIN of the brand or category). */
  readonly id: string;
  readonly code: Exclude<ReasonCode, 'ASIN_NOT_FOUND'>;
  applies(item: CatalogItemRecord): boolean;
  readonly message: Readonly<Record<Locale, string>>;
}

const GATES: readonly Gate[] = [
  {
    id: 'brand:Som Puro',
    code: 'APPROVAL_REQUIRED',
    applies: (item) => item.brand === 'Som Puro',
    message: {
      pt_BR: 'Você precisa de aprovação para anunciar produtos da marca Som Puro.',
      en_US: 'You need approval to list products from the brand Som Puro.',
    },
  },
  {
    id: 'category:fine-jewelry',
    code: 'APPROVAL_REQUIRED',
    applies: (item) => (item.productType === 'JEWELRY' || item.productType === 'BRACELET') && /ouro 18k/i.test(item.title),
    message: {
      pt_BR: 'Você precisa de aprovação para anunciar produtos na categoria Joias finas.',
      en_US: 'You need approval to list products in the Fine Jewelry category.',
    },
  },
  {
    id: 'product:knives',
    code: 'NOT_ELIGIBLE',
    applies: (item) => /jogo de facas/i.test(item.title),
    message: {
      pt_BR: 'Você não pode anunciar este produto no momento.',
      en_US: 'You cannot list this product at this time.',
    },
  },
];

const USED_CONDITION: Readonly<Record<Locale, string>> = {
  pt_BR: 'Você não pode anunciar o produto nesta condição.',
  en_US: 'You cannot list the product in this condition.',
};

const NOT_FOUND: Readonly<Record<Locale, string>> = {
  pt_BR: 'O ASIN não foi encontrado neste marketplace.',
  en_US: 'The ASIN is not found in this marketplace.',
};

const LINK_TITLE: Readonly<Record<Locale, string>> = {
  pt_BR: 'Solicitar aprovação no Seller Central.',
  en_US: 'Request Approval via Seller Central.',
};

/** Seller Central's host per marketplace, for the approval links. */
const SELLER_CENTRAL: Readonly<Record<string, string>> = {
  A2Q3Y263D00KWC: 'sellercentral.amazon.com.br',
  ATVPDKIKX0DER: 'sellercentral.amazon.com',
  A2EUQ1WTGCTBG2: 'sellercentral.amazon.ca',
  A1AM78C64UM0Y8: 'sellercentral.amazon.com.mx',
  A1F83G8C2ARO7P: 'sellercentral.amazon.co.uk',
  A1PA6795UKMFR9: 'sellercentral.amazon.de',
  A2NODRKZP88ZB9: 'sellercentral.amazon.se',
  A1RKKUPIHCS9HS: 'sellercentral.amazon.es',
};

const ASIN = /^[0-9A-Z]{10}$/;

/** Approvals granted in Seller Central, per store (tests grant them with `control.approveRestriction`). */
const approvals = new WeakMap<SimStore, Map<string, Set<string>>>();

function approvedGates(store: SimStore, sellerId: string): Set<string> {
  let bySeller = approvals.get(store);
  if (!bySeller) approvals.set(store, (bySeller = new Map()));
  let gates = bySeller.get(sellerId);
  if (!gates) bySeller.set(sellerId, (gates = new Set()));
  return gates;
}

/**
 * The seller was approved for what restricts this ASIN (its brand or category): every ASIN under
 * the same gate opens. A product that is not eligible stays closed. Returns the gates lifted.
 */
export function approveRestriction(store: SimStore, sellerId: string, asin: string): string[] {
  const item = store.data.catalog.find((c) => c.asin === asin);
  if (!item) return [];
  const lifted = GATES.filter((g) => g.code === 'APPROVAL_REQUIRED' && g.applies(item)).map((g) => g.id);
  const approved = approvedGates(store, sellerId);
  for (const id of lifted) approved.add(id);
  return lifted;
}

function approvalLink(marketplaceId: string, asin: string, condition: string, locale: Locale) {
  const host = SELLER_CENTRAL[marketplaceId] ?? 'sellercentral.amazon.com';
  const itemCondition = condition.split('_')[0] ?? 'new';
  return {
    resource: `https://${host}/hz/approvalrequest/restrictions/approve?asin=${asin}&itemcondition=${itemCondition}`,
    verb: 'GET',
    title: LINK_TITLE[locale],
    type: 'text/html',
  };
}

function getListingsRestrictions(ctx: OperationContext): SimResponse {
  const q = ctx.req.query;
  if (q.sellerId !== ctx.sellerId) return unauthorized('The sellerId parameter is not the selling partner that authorized this access token.');
  const asin = q.asin ?? '';
  // The model's 400 body is a bare error list.
  if (!ASIN.test(asin)) return json(400, [{ code: 'BAD_REQUEST', message: "Invalid 'asin' provided." }]);
  const marketplaces = csv(q.marketplaceIds);
  const seller = ctx.store.data.sellers[ctx.sellerId];
  const foreign = marketplaces.find((id) => !seller?.marketplaceIds.includes(id));
  if (foreign) return json(400, [{ code: 'BAD_REQUEST', message: `The seller does not participate in marketplace ${foreign}.` }]);
  const locale: Locale = q.reasonLocale === 'pt_BR' ? 'pt_BR' : 'en_US';
  const condition = q.conditionType;
  const approved = approvedGates(ctx.store, ctx.sellerId);
  const item = ctx.store.data.catalog.find((c) => c.asin === asin);
  const restrictions = marketplaces.flatMap((marketplaceId) => {
    const entry = (reasons: unknown[]) => [{ marketplaceId, ...(condition ? { conditionType: condition } : {}), reasons }];
    if (!item?.marketplaceIds.includes(marketplaceId)) return entry([{ message: NOT_FOUND[locale], reasonCode: 'ASIN_NOT_FOUND' }]);
    const reasons = GATES.filter((g) => g.applies(item) && !approved.has(g.id)).map((g) =>
      g.code === 'APPROVAL_REQUIRED'
        ? { message: g.message[locale], reasonCode: g.code, links: [approvalLink(marketplaceId, asin, condition ?? 'new_new', locale)] }
        : { message: g.message[locale], reasonCode: g.code },
    );
    if (condition !== undefined && !condition.startsWith('new_')) {
      reasons.push({ message: USED_CONDITION[locale], reasonCode: 'APPROVAL_REQUIRED', links: [approvalLink(marketplaceId, asin, condition, locale)] });
    }
    return reasons.length > 0 ? entry(reasons) : [];
  });
  return json(200, { restrictions });
}

export const restrictionsHandlers: OperationHandlers = { getListingsRestrictions };

/**
 * The Listings Restrictions model declares every error body as a bare `ErrorList` array (where
 * the other models wrap it as `{errors: […]}`): the simulator's shared error answers (auth, 429,
 * 5xx, invalid requests) are unwrapped for this operation so they match the model too.
 */
export function restrictionsErrorShape(operationKey: string, response: SimResponse): SimResponse {
  if (operationKey !== 'getListingsRestrictions' || response.status < 400) return response;
  const errors = (response.body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? { ...response, body: errors } : response;
}
