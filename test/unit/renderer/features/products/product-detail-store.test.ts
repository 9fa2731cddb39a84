import { afterEach, describe, expect, it } from 'vitest';
import type { ProductView, SyncStatusRow } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  amazonFailed,
  amazonLines,
  amazonLoaded,
  amazonRequested,
  editCancelled,
  editRefused,
  editSaved,
  editSaving,
  editStarted,
  fieldError,
  initialProductDetailState,
  productFailed,
  productLoaded,
  productRequested,
  saveSku,
  selectAmazonError,
  selectEdit,
  selectAmazonRows,
  selectProduct,
  selectProductError,
  touchesProduct,
  useProductDetailStore,
} from '../../../../../renderer/features/products/product-detail-store';
import { installFakeBridge } from '../../fake-bridge';

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

const row = (sku: string, marketplaceId: string, extra: Partial<SyncStatusRow> = {}): SyncStatusRow => ({
  accountId: 'demo',
  marketplaceId,
  sku,
  status: 'live',
  label: 'No ar',
  reason: null,
  asin: null,
  issues: [],
  sentAt: null,
  updatedAt: 1,
  ...extra,
});
const change = (accountId: string, skus: string[]) => ({ accountId, counts: {}, skus, last: null, next: null });
const productWithSkus = (id: number, skus: string[]) => ({ id, title: `P${id}`, skus: skus.map((sku) => ({ sku })) }) as ProductView;

describe('editing', () => {
  const opened = productLoaded(productRequested(initialProductDetailState, 1), product(1));
  let bridge: ReturnType<typeof installFakeBridge> | undefined;
  afterEach(() => bridge?.remove());

  it('opens one form at a time, keeps main’s refusal per field, and closes on save with the product as saved', () => {
    const editing = editSaving(editStarted(opened, { kind: 'sku', skuId: 7 }));
    expect(selectEdit(editing)).toMatchObject({ target: { kind: 'sku', skuId: 7 }, saving: true });
    const refused = editRefused(editing, [{ field: 'price', message: 'Preço: "abc" não é um número.' }]);
    expect(fieldError(selectEdit(refused), 'price')).toBe('Preço: "abc" não é um número.');
    expect(fieldError(selectEdit(refused), 'stock')).toBeUndefined();
    const saved = editSaved(refused, { ...product(1), title: 'Novo' });
    expect(selectEdit(saved)).toMatchObject({ target: null, saved: true, errors: [] });
    expect(selectProduct(saved)?.title).toBe('Novo');
    expect(editSaved(refused, product(2))).toBe(refused);
    expect(selectEdit(editCancelled(refused)).target).toBeNull();
  });

  it('sends only the SKU’s changes and shows what main answered', async () => {
    bridge = installFakeBridge({
      catalogUpdateSku: { ok: true, value: { saved: false, errors: [{ field: 'stock', message: 'Estoque: o valor não pode ser negativo.' }] } },
    });
    useProductDetailStore.setState(editStarted(opened, { kind: 'sku', skuId: 7 }), true);
    await saveSku(7, { stock: '-1' });
    expect(bridge.calls).toEqual([{ name: 'catalogUpdateSku', input: { skuId: 7, changes: { stock: '-1' } } }]);
    expect(fieldError(selectEdit(useProductDetailStore.getState()), 'stock')).toBe('Estoque: o valor não pode ser negativo.');
    expect(selectEdit(useProductDetailStore.getState()).saving).toBe(false);
  });
});

describe('the "On Amazon" rows', () => {
  it("keeps only the current product's and account's answer, and drops another account's rows at once", () => {
    const s = amazonRequested(productRequested(initialProductDetailState, 1), 1, 'demo');
    const loaded = amazonLoaded(s, 1, 'demo', [row('A', 'BR')]);
    expect(selectAmazonRows(loaded)).toHaveLength(1);
    expect(amazonLoaded(s, 2, 'demo', [row('A', 'BR')])).toBe(s);
    expect(selectAmazonRows(amazonRequested(loaded, 1, 'other'))).toBeNull();
    expect(amazonLoaded(amazonRequested(loaded, 1, 'other'), 1, 'demo', [])).toMatchObject({ amazonAccountId: 'other' });
    expect(selectAmazonRows(productRequested(loaded, 2))).toBeNull();
  });

  it('records a failure for the current product and account only', () => {
    const error = new ApiError({ code: 'IPC_FAILED', message: 'x' });
    const s = amazonRequested(productRequested(initialProductDetailState, 1), 1, 'demo');
    expect(amazonFailed(s, 1, 'other', error)).toBe(s);
    expect(selectAmazonError(amazonFailed(s, 1, 'demo', error))).toBe(error);
  });

  it('one line per SKU × marketplace: a linked offer under its catalog SKU, "not sent yet" where no row exists', () => {
    const lines = amazonLines(['A', 'B'], ['BR', 'US'], [row('A', 'BR'), row('OLD-B', 'BR', { catalogSku: 'B', status: 'error' })]);
    expect(lines.map((l) => [l.sku, l.marketplaceId, l.row?.sku ?? null])).toEqual([
      ['A', 'BR', 'A'],
      ['A', 'US', null],
      ['B', 'BR', 'OLD-B'],
      ['B', 'US', null],
    ]);
  });

  it("refreshes only on a push for this account naming one of the product's SKUs or the Amazon SKU it is sent as", () => {
    let s = productLoaded(productRequested(initialProductDetailState, 1), productWithSkus(1, ['A', 'B']));
    expect(touchesProduct(s, change('demo', ['A']))).toBe(false);
    s = amazonLoaded(amazonRequested(s, 1, 'demo'), 1, 'demo', [row('OLD-B', 'BR', { catalogSku: 'B' })]);
    expect(touchesProduct(s, change('demo', ['A']))).toBe(true);
    expect(touchesProduct(s, change('demo', ['OLD-B']))).toBe(true);
    expect(touchesProduct(s, change('demo', ['Z']))).toBe(false);
    expect(touchesProduct(s, change('other', ['A']))).toBe(false);
  });
});
