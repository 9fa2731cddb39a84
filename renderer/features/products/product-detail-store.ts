import { create } from 'zustand';
import type { EventPayload, ProductChanges, ProductView, SkuChanges, SyncStatusRow } from '../../../preload/contract';
import { request, subscribe, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

/** A cycle pushes a change per feed step: one re-read after the burst settles is enough. */
export const AMAZON_REFRESH_DELAY_MS = 400;
/** The most rows `sync:status` answers at once: a product's SKUs × marketplaces fit well below it. */
const AMAZON_ROW_LIMIT = 500;

/** What the seller is editing on the product screen: the product's family fields, or one SKU. */
export type EditTarget = { readonly kind: 'product' } | { readonly kind: 'sku'; readonly skuId: number };

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export interface EditState {
  readonly target: EditTarget | null;
  readonly saving: boolean;
  /** Main's refusal, per field, in the seller's language. */
  readonly errors: readonly FieldError[];
  readonly failure: ApiError | null;
  /** Shown after a save until the next edit starts. */
  readonly saved: boolean;
}

export const noEdit: EditState = { target: null, saving: false, errors: [], failure: null, saved: false };

export interface ProductDetailState {
  readonly productId: number | null;
  readonly product: Load<ProductView>;
  readonly edit: EditState;
  /** The header account the Amazon rows below belong to. */
  readonly amazonAccountId: string | null;
  /** The send engine's rows for this product's SKUs under that account. */
  readonly amazon: Load<readonly SyncStatusRow[]>;
}

export const initialProductDetailState: ProductDetailState = { productId: null, product: idle, edit: noEdit, amazonAccountId: null, amazon: idle };

/** Opening another product drops the previous one at once (never show product A under B's id). */
export function productRequested(state: ProductDetailState, productId: number): ProductDetailState {
  if (state.productId === productId) return { ...state, product: loading(state.product) };
  return { ...state, productId, product: loading(idle), edit: noEdit, amazon: idle };
}

export function editStarted(state: ProductDetailState, target: EditTarget): ProductDetailState {
  return { ...state, edit: { ...noEdit, target } };
}

export function editCancelled(state: ProductDetailState): ProductDetailState {
  return { ...state, edit: noEdit };
}

export function editSaving(state: ProductDetailState): ProductDetailState {
  return { ...state, edit: { ...state.edit, saving: true, errors: [], failure: null } };
}

/** Saved: the screen shows the product as main now has it, and the form closes. */
export function editSaved(state: ProductDetailState, product: ProductView): ProductDetailState {
  if (product.id !== state.productId) return state;
  return { ...state, product: ready(product), edit: { ...noEdit, saved: true } };
}

export function editRefused(state: ProductDetailState, errors: readonly FieldError[]): ProductDetailState {
  return { ...state, edit: { ...state.edit, saving: false, errors } };
}

export function editFailed(state: ProductDetailState, failure: ApiError): ProductDetailState {
  return { ...state, edit: { ...state.edit, saving: false, failure } };
}

/** The message for one field of the open form, if main refused it. */
export function fieldError(edit: EditState, field: string): string | undefined {
  return edit.errors.find((e) => e.field === field)?.message;
}

export function productLoaded(state: ProductDetailState, product: ProductView): ProductDetailState {
  return product.id === state.productId ? { ...state, product: ready(product) } : state;
}

export function productFailed(state: ProductDetailState, productId: number, error: ApiError): ProductDetailState {
  return productId === state.productId ? { ...state, product: failed(state.product, error) } : state;
}

/** Another account's rows are never shown under this one: they go at once. */
export function amazonRequested(state: ProductDetailState, productId: number, accountId: string): ProductDetailState {
  if (productId !== state.productId) return state;
  const same = accountId === state.amazonAccountId;
  return { ...state, amazonAccountId: accountId, amazon: loading(same ? state.amazon : idle) };
}

export function amazonLoaded(state: ProductDetailState, productId: number, accountId: string, rows: readonly SyncStatusRow[]): ProductDetailState {
  return productId === state.productId && accountId === state.amazonAccountId ? { ...state, amazon: ready(rows) } : state;
}

export function amazonFailed(state: ProductDetailState, productId: number, accountId: string, error: ApiError): ProductDetailState {
  return productId === state.productId && accountId === state.amazonAccountId ? { ...state, amazon: failed(state.amazon, error) } : state;
}

/** A push about this account that names one of the product's SKUs (catalog code, or the Amazon SKU it is sent as). */
export function touchesProduct(state: ProductDetailState, change: EventPayload<'sync:status-changed'>): boolean {
  if (state.amazonAccountId === null || change.accountId !== state.amazonAccountId) return false;
  const mine = new Set([...(valueOf(state.product)?.skus.map((s) => s.sku) ?? []), ...(valueOf(state.amazon)?.map((r) => r.sku) ?? [])]);
  return change.skus.some((sku) => mine.has(sku));
}

/** One line of the "On Amazon" card: a catalog SKU in one marketplace, with the engine's row once it planned one. */
export interface AmazonLine {
  readonly sku: string;
  readonly marketplaceId: string;
  /** null: the engine never planned this SKU here ("Not sent yet"). */
  readonly row: SyncStatusRow | null;
}

/** Every SKU × enabled marketplace, in catalog and header order; a row matches by the catalog SKU it is sent for. */
export function amazonLines(skus: readonly string[], marketplaceIds: readonly string[], rows: readonly SyncStatusRow[]): AmazonLine[] {
  return skus.flatMap((sku) =>
    marketplaceIds.flatMap((marketplaceId): AmazonLine[] => {
      const found = rows.filter((r) => r.marketplaceId === marketplaceId && (r.catalogSku ?? r.sku) === sku);
      return found.length > 0 ? found.map((row) => ({ sku, marketplaceId, row })) : [{ sku, marketplaceId, row: null }];
    }),
  );
}

export const selectProduct = (s: ProductDetailState): ProductView | null => valueOf(s.product);
export const selectEdit = (s: ProductDetailState): EditState => s.edit;
export const selectProductError = (s: ProductDetailState): ApiError | null => errorOf(s.product);
export const selectAmazonRows = (s: ProductDetailState): readonly SyncStatusRow[] | null => valueOf(s.amazon);
export const selectAmazonError = (s: ProductDetailState): ApiError | null => errorOf(s.amazon);

export const useProductDetailStore = create<ProductDetailState>(() => initialProductDetailState);
const get = useProductDetailStore.getState;

export async function loadProduct(productId: number): Promise<void> {
  useProductDetailStore.setState((s) => productRequested(s, productId));
  const outcome = await request('catalog:get', { productId });
  useProductDetailStore.setState((s) => (outcome.ok ? productLoaded(s, outcome.value) : productFailed(s, productId, outcome.error)));
}

async function save(request_: () => ReturnType<typeof request<'catalog:update-product'>>): Promise<void> {
  useProductDetailStore.setState(editSaving);
  const outcome = await request_();
  useProductDetailStore.setState((s) => {
    if (!outcome.ok) return editFailed(s, outcome.error);
    return outcome.value.saved ? editSaved(s, outcome.value.product) : editRefused(s, outcome.value.errors);
  });
}

export function saveProduct(productId: number, changes: ProductChanges): Promise<void> {
  return save(() => request('catalog:update-product', { productId, changes }));
}

export function saveSku(skuId: number, changes: SkuChanges): Promise<void> {
  return save(() => request('catalog:update-sku', { skuId, changes }));
}

// A push's re-read can overtake an earlier one: only the newest answer counts.
let amazonRequest = 0;

export async function loadAmazonStatus(productId: number, accountId: string): Promise<void> {
  const mine = ++amazonRequest;
  useProductDetailStore.setState((s) => amazonRequested(s, productId, accountId));
  const outcome = await request('sync:status', { accountId, productId, offset: 0, limit: AMAZON_ROW_LIMIT });
  if (mine !== amazonRequest) return;
  useProductDetailStore.setState((s) =>
    outcome.ok ? amazonLoaded(s, productId, accountId, outcome.value.items) : amazonFailed(s, productId, accountId, outcome.error),
  );
}

/** Follows main's `sync:status-changed` pushes that name this product's SKUs; returns the stop function. */
export function watchAmazonStatus(delayMs = AMAZON_REFRESH_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = subscribe('sync:status-changed', (change) => {
    if (!touchesProduct(get(), change)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { productId, amazonAccountId } = get();
      if (productId !== null && amazonAccountId !== null) void loadAmazonStatus(productId, amazonAccountId);
    }, delayMs);
  });
  return () => {
    clearTimeout(timer);
    stop();
  };
}
