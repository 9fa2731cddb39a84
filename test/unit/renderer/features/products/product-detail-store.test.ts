import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  initialProductDetailState,
  productFailed,
  productLoaded,
  productRequested,
  selectProduct,
  selectProductError,
} from '../../../../../renderer/features/products/product-detail-store';

const product = (id: number) => ({ id, title: `P${id}` }) as ProductView;

describe('product detail transitions', () => {
  it('never shows a product under another id', () => {
    const a = productLoaded(productRequested(initialProductDetailState, 1), product(1));
    expect(selectProduct(a)?.id).toBe(1);
    const b = productRequested(a, 2);
    expect(selectProduct(b)).toBeNull();
    expect(productLoaded(b, product(1))).toBe(b);
  });

  it('keeps the product while reloading the same id', () => {
    const a = productLoaded(productRequested(initialProductDetailState, 1), product(1));
    expect(selectProduct(productRequested(a, 1))?.id).toBe(1);
  });

  it('records a failure only for the current id', () => {
    const error = new ApiError({ code: 'CATALOG_PRODUCT_NOT_FOUND', message: 'x' });
    const s = productRequested(initialProductDetailState, 2);
    expect(productFailed(s, 1, error)).toBe(s);
    expect(selectProductError(productFailed(s, 2, error))).toBe(error);
  });
});
