import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView, SkuView } from '../../../preload/contract';
import { useFormat, type Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { FbaStockCard } from '../brazil/fba-stock';
import { ProductAmazonCard } from './product-amazon-card';
import { editStarted, loadProduct, selectEdit, selectProduct, selectProductError, useProductDetailStore } from './product-detail-store';
import { ProductEditForm } from './product-edit-form';
import { SkuEditForm } from './sku-edit-form';
import './products.css';

/**
 * One image of the product as the sheet gave it. An address that does not open (a store's old CDN,
 * no internet) says so beside the address instead of the browser's broken-image icon: Amazon
 * downloads the image from that same address.
 */
function ProductImage({ url }: { readonly url: string }) {
  const { t } = useTranslation('products');
  const [failed, setFailed] = useState(false);
  if (!url.startsWith('https:'))
    return (
      <li>
        <span>{url}</span>
      </li>
    );
  if (failed) {
    return (
      <li className="product-detail__image-failed">
        <span>{t('detail.imageFailed')}</span>
        <span className="product-detail__image-url">{url}</span>
      </li>
    );
  }
  return (
    <li>
      <img src={url} alt="" loading="lazy" onError={() => setFailed(true)} />
    </li>
  );
}

/** "Encontrado na Amazon: ASIN … (título)": Amazon's catalog matched the SKU's EAN. */
function FoundOnAmazon({ match }: { readonly match: NonNullable<SkuView['amazonMatch']> }) {
  const { t } = useTranslation('products');
  return <>{match.title ? t('foundOnAmazon', { asin: match.asin, title: match.title }) : t('foundOnAmazonNoTitle', { asin: match.asin })}</>;
}

function SkuRow({ sku, format, editing }: { readonly sku: SkuView; readonly format: Formatters; readonly editing: boolean }) {
  const { t } = useTranslation('products');
  const none = t('detail.none');
  const dims = [sku.lengthMm, sku.widthMm, sku.heightMm];
  const own = [sku.title, ...Object.entries(sku.characteristics).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join(' · ');
  return (
    <tr aria-current={editing ? 'true' : undefined}>
      <th scope="row">
        {sku.sku}
        {own ? (
          <span className="product-table__sub" title={t('detail.sku.own')}>
            {own}
          </span>
        ) : null}
        {sku.isKit ? (
          <span className="product-table__sub">
            {t('detail.sku.kit', { components: sku.kitComponents.map((c) => `${format.number(c.quantity)} × ${c.sku}`).join(', ') })}
          </span>
        ) : null}
      </th>
      <td>
        {sku.gtin ?? none}{' '}
        <span className={sku.gtinStatus === 'valid' || sku.gtinStatus === 'exempt' ? 'tag tag--ok' : 'tag tag--warn'}>
          {t(`filters.gtinStatus.${sku.gtinStatus}`)}
        </span>
      </td>
      <td>
        {Object.entries(sku.variation)
          .map(([k, v]) => `${k}: ${v}`)
          .join(' · ') || none}
      </td>
      <td className="num">{sku.priceCents === null ? none : format.price(sku.priceCents)}</td>
      <td className="num">{sku.salePriceCents === null ? none : format.price(sku.salePriceCents)}</td>
      <td className="num">{format.number(sku.stock)}</td>
      <td className="num">{sku.weightG === null ? none : format.number(sku.weightG)}</td>
      <td className="num">{dims.every((d) => d === null) ? none : dims.map((d) => (d === null ? '?' : format.number(d))).join(' × ')}</td>
      <td>
        {sku.asin ?? (sku.amazonMatch ? sku.amazonMatch.asin : none)}
        {sku.amazonMatch ? (
          <span className="product-table__sub product-table__sub--wrap">
            <FoundOnAmazon match={sku.amazonMatch} />
          </span>
        ) : null}
      </td>
      <td>{sku.active ? t('detail.sku.yes') : t('detail.sku.no')}</td>
      <td>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={t('edit.editSku', { sku: sku.sku })}
          onClick={() => useProductDetailStore.setState((s) => editStarted(s, { kind: 'sku', skuId: sku.id }))}
        >
          {t('edit.edit')}
        </button>
      </td>
    </tr>
  );
}

function ProductDetail({ product, format }: { readonly product: ProductView; readonly format: Formatters }) {
  const { t } = useTranslation('products');
  const none = t('detail.none');
  const edit = useProductDetailStore(selectEdit);
  const characteristics = Object.entries(product.characteristics);
  const match = product.skus.find((s) => s.amazonMatch)?.amazonMatch ?? null;
  const target = edit.target;
  const editedSku = target?.kind === 'sku' ? product.skus.find((s) => s.id === target.skuId) : undefined;
  return (
    <>
      {match ? (
        <p className="notice notice--info" data-testid="found-on-amazon">
          <FoundOnAmazon match={match} />
        </p>
      ) : null}
      {edit.saved ? (
        <p className="notice notice--success" role="status">
          {t('edit.saved')}
        </p>
      ) : null}
      {target?.kind === 'product' ? (
        <ProductEditForm key={product.updatedAt} product={product} />
      ) : (
        <div className="card">
          <div className="product-detail__head">
            <h2 className="card__title">{t('detail.productCard')}</h2>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => useProductDetailStore.setState((s) => editStarted(s, { kind: 'product' }))}
            >
              {t('edit.editProduct')}
            </button>
          </div>
          <dl className="facts">
            <dt>{t('detail.key')}</dt>
            <dd>{product.key}</dd>
            <dt>{t('detail.brand')}</dt>
            <dd>{product.brand ?? none}</dd>
            <dt>{t('detail.manufacturer')}</dt>
            <dd>{product.manufacturer ?? none}</dd>
            <dt>{t('detail.category')}</dt>
            <dd>{product.categoryPath ?? none}</dd>
            {characteristics.map(([name, value]) => (
              <div key={name} className="facts__pair">
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {product.description ? (
            <>
              <h2 className="section-title">{t('detail.description')}</h2>
              <p className="product-detail__text">{product.description}</p>
            </>
          ) : null}
          {product.bulletPoints.length > 0 ? (
            <>
              <h2 className="section-title">{t('detail.bullets')}</h2>
              <ul>
                {product.bulletPoints.map((b, i) => (
                  <li key={i}>{b}</li>
                ))}
              </ul>
            </>
          ) : null}
          {product.imageUrls.length > 0 ? (
            <>
              <h2 className="section-title">{t('detail.images')}</h2>
              <ul className="product-detail__images">
                {product.imageUrls.map((url) => (
                  <ProductImage key={url} url={url} />
                ))}
              </ul>
            </>
          ) : null}
          <p className="field-help">{t('detail.updatedAt', { date: format.dateTime(product.updatedAt) })}</p>
        </div>
      )}
      <div className="card card--flush">
        <h2 className="card__title card__title--padded">{t('detail.skus')}</h2>
        <div className="table-scroll">
          <table className="data-table" data-testid="sku-table">
            <thead>
              <tr>
                {(['sku', 'gtin', 'variation', 'price', 'salePrice', 'stock', 'weight', 'dimensions', 'asin', 'active'] as const).map((k) => (
                  <th key={k} scope="col">
                    {t(`detail.sku.${k}`)}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">{t('edit.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {product.skus.map((sku) => (
                <SkuRow key={sku.id} sku={sku} format={format} editing={sku.id === editedSku?.id} />
              ))}
            </tbody>
          </table>
        </div>
      </div>
      {editedSku ? <SkuEditForm key={`${editedSku.id}-${editedSku.updatedAt}`} product={product} sku={editedSku} /> : null}
      <FbaStockCard productId={product.id} format={format} />
      <ProductAmazonCard productId={product.id} skus={product.skus.map((s) => s.sku)} />
    </>
  );
}

export function ProductDetailPage({ productId }: { readonly productId: number }) {
  const { t } = useTranslation('products');
  const format = useFormat();
  const product = useProductDetailStore(selectProduct);
  const error = useProductDetailStore(selectProductError);

  useEffect(() => void loadProduct(productId), [productId]);

  return (
    <section className="page" aria-labelledby="product-title">
      <p>
        <a href={hrefFor('products')}>← {t('detail.back')}</a>
      </p>
      <PageHeader id="product-title" title={product?.title || product?.key || t('title')} />
      {error ? <ErrorNotice title={t('detail.loadFailed')} error={error} onRetry={() => void loadProduct(productId)} /> : null}
      {product ? <ProductDetail product={product} format={format} /> : null}
    </section>
  );
}
