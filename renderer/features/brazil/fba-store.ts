import { create } from 'zustand';
import type { FbaSkuStock } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';

/** Units Amazon holds for a product of the list (summed over its SKUs). */
export interface FbaListStock {
  readonly fulfillable: number;
  readonly total: number;
}

/** "Estoque na Amazon (FBA)" for the products list (per product) and the product screen (per SKU). */
export interface FbaState {
  /** The marketplace the list's numbers are for (the header's). */
  readonly listMarketplaceId: string | null;
  /** Per product id: its FBA units, or null when Amazon holds none of it. */
  readonly list: Readonly<Record<number, FbaListStock | null>>;
  readonly product: { readonly productId: number; readonly rows: readonly FbaSkuStock[] } | null;
  readonly reading: boolean;
  readonly error: ApiError | null;
}

export const initialFbaState: FbaState = { listMarketplaceId: null, list: {}, product: null, reading: false, error: null };
export const useFbaStore = create<FbaState>(() => initialFbaState);
const set = useFbaStore.setState;
const get = useFbaStore.getState;

/** The answer for some products: products Amazon holds none of are remembered as null (not asked again). */
export function listLoaded(
  state: FbaState,
  marketplaceId: string | null,
  asked: readonly number[],
  found: readonly ({ productId: number } & FbaListStock)[],
): FbaState {
  if (state.listMarketplaceId !== marketplaceId) return state;
  const list: Record<number, FbaListStock | null> = { ...state.list };
  for (const id of asked) list[id] = null;
  for (const f of found) list[f.productId] = { fulfillable: f.fulfillable, total: f.total };
  return { ...state, list };
}

/** A new list (another marketplace, or the page opened again): every product is asked again. */
export function resetFbaList(marketplaceId: string | null): void {
  set({ listMarketplaceId: marketplaceId, list: {} });
}

const asking = new Set<number>();

/** FBA units of the visible products not asked yet (one call for the lot). */
export async function loadFbaList(productIds: readonly number[]): Promise<void> {
  const { list, listMarketplaceId } = get();
  const ids = productIds.filter((id) => !(id in list) && !asking.has(id)).slice(0, 1000);
  if (ids.length === 0) return;
  ids.forEach((id) => asking.add(id));
  try {
    const outcome = await request('fba:stock', { productIds: ids, marketplaceId: listMarketplaceId });
    // A failed read shows nothing (the list stays usable); the product screen shows the error.
    if (outcome.ok) set((s) => listLoaded(s, listMarketplaceId, ids, outcome.value));
  } finally {
    ids.forEach((id) => asking.delete(id));
  }
}

export async function loadFbaProduct(productId: number, marketplaceId: string | null): Promise<void> {
  if (get().product?.productId !== productId) set({ product: null, error: null });
  const outcome = await request('fba:product-stock', { productId, marketplaceId });
  set(outcome.ok ? { product: { productId, rows: outcome.value }, error: null } : { error: outcome.error });
}

/** "Ler agora": reads Amazon's counts for every account now, then shows the product's again. */
export async function readFbaNow(productId: number, marketplaceId: string | null): Promise<void> {
  if (get().reading) return;
  set({ reading: true, error: null });
  try {
    const outcome = await request('fba:read');
    if (!outcome.ok) return void set({ error: outcome.error });
    resetFbaList(get().listMarketplaceId);
    await loadFbaProduct(productId, marketplaceId);
  } finally {
    set({ reading: false });
  }
}
