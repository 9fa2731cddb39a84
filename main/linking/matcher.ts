import { checkGtin } from '../ean/gtin';
import type { AmazonListing, MatchableSku } from '../db/tables/amazon-listings';
import type { MatchedBy } from '../db/tables/listing-links';

export interface MatchInput {
  readonly listings: readonly AmazonListing[];
  readonly catalog: readonly MatchableSku[];
  /** Links kept from earlier reads (Amazon SKU → catalog SKU id): the seller may have confirmed them. */
  readonly existing: ReadonlyMap<string, number>;
}

export interface MatchResult {
  /** Links to create (existing ones still valid are not repeated here). */
  readonly links: readonly { readonly amazonSku: string; readonly skuId: number; readonly matchedBy: MatchedBy }[];
  /** Existing links whose both ends are still there. */
  readonly kept: readonly string[];
  /** Amazon SKUs left unmatched because several catalog SKUs share their ASIN or code. */
  readonly ambiguous: readonly string[];
}

function index<K>(rows: readonly MatchableSku[], key: (r: MatchableSku) => K | null): Map<K, MatchableSku[]> {
  const map = new Map<K, MatchableSku[]>();
  for (const r of rows) {
    const k = key(r);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

/**
 * Matches Amazon offers to catalog SKUs: first the SKU itself (the seller used the same code
 * on both sides), then the ASIN an earlier EAN check stored on the SKU, then the EAN/UPC.
 * A catalog SKU links to at most one offer. When a code points at several free catalog SKUs
 * the offer is not guessed: it is reported ambiguous for the seller to resolve.
 */
export function matchListings(input: MatchInput): MatchResult {
  const byId = new Map(input.catalog.map((r) => [r.id, r]));
  const bySku = new Map(input.catalog.map((r) => [r.sku, r]));
  const byAsin = index(input.catalog, (r) => r.asin);
  const byGtin = index(input.catalog, (r) => (r.gtin === null ? null : checkGtin(r.gtin).gtin14));
  const taken = new Set<number>();
  const kept: string[] = [];
  const present = new Set(input.listings.map((l) => l.sku));
  for (const [amazonSku, skuId] of input.existing) {
    if (present.has(amazonSku) && byId.has(skuId) && !taken.has(skuId)) {
      taken.add(skuId);
      kept.push(amazonSku);
    }
  }
  const keptSet = new Set(kept);
  const open = [...input.listings].filter((l) => !keptSet.has(l.sku)).sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  const links: { amazonSku: string; skuId: number; matchedBy: MatchedBy }[] = [];
  const linked = new Set<string>();
  const ambiguous = new Set<string>();
  const link = (l: AmazonListing, r: MatchableSku, matchedBy: MatchedBy) => {
    links.push({ amazonSku: l.sku, skuId: r.id, matchedBy });
    taken.add(r.id);
    linked.add(l.sku);
    ambiguous.delete(l.sku);
  };

  // Passes run over all offers in turn, so an exact SKU match is never stolen by another offer's EAN.
  for (const l of open) {
    const r = bySku.get(l.sku);
    if (r && !taken.has(r.id)) link(l, r, 'sku');
  }
  const byCode = (l: AmazonListing, candidates: readonly MatchableSku[] | undefined, matchedBy: MatchedBy) => {
    if (linked.has(l.sku) || !candidates) return;
    const free = candidates.filter((r) => !taken.has(r.id));
    if (free.length === 1) link(l, free[0] as MatchableSku, matchedBy);
    else if (free.length > 1) ambiguous.add(l.sku);
  };
  for (const l of open) if (l.asin !== null) byCode(l, byAsin.get(l.asin), 'asin');
  for (const l of open) if (l.gtin14 !== null) byCode(l, byGtin.get(l.gtin14), 'ean');
  return { links, kept, ambiguous: [...ambiguous] };
}

/** Offers the EAN pass could still match if their code were known (the ones worth a catalog lookup). */
export function needingCodes(listings: readonly AmazonListing[], result: Pick<MatchResult, 'links' | 'kept'>): AmazonListing[] {
  const done = new Set([...result.kept, ...result.links.map((l) => l.amazonSku)]);
  return listings.filter((l) => !done.has(l.sku) && l.asin !== null && l.gtin14 === null);
}
