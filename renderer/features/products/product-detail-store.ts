import { create } from 'zustand';
import type { ProductView } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';

export interface ProductDetailState {
  readonly productId: number | null;
  readonly product: Load<ProductView>;
}

export const initialProductDetailState: ProductDetailState = { productId: null, product: idle };

/** Opening another product drops the previous one at once (never show product A under B's id). */
export function productRequested(state: ProductDetailState, productId: number): ProductDetailState {
  return { productId, product: state.productId === productId ? loading(state.product) : loading(idle) };
}

export function productLoaded(state: ProductDetailState, product: ProductView): ProductDetailState {
  return product.id === state.productId ? { ...state, product: ready(product) } : state;
}

export function productFailed(state: ProductDetailState, productId: number, error: ApiError): ProductDetailState {
  return productId === state.productId ? { ...state, product: failed(state.product, error) } : state;
}

export const selectProduct = (s: ProductDetailState): ProductView | null => valueOf(s.product);
export const selectProductError = (s: ProductDetailState): ApiError | null => errorOf(s.product);

export const useProductDetailStore = create<ProductDetailState>(() => initialProductDetailState);

export async function loadProduct(productId: number): Promise<void> {
  useProductDetailStore.setState((s) => productRequested(s, productId));
  const outcome = await request('catalog:get', { productId });
  useProductDetailStore.setState((s) => (outcome.ok ? productLoaded(s, outcome.value) : productFailed(s, productId, outcome.error)));
}
