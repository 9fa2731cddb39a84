import { NotFoundPage } from '../not-built/not-built-page';
import { ImportWizard } from './import-wizard';
import { ProductDetailPage } from './product-detail-page';
import { ProductsPage } from './products-page';

/** `#/products`, `#/products/import`, `#/products/<id>`. */
export function ProductsRoute({ params }: { readonly params: readonly string[] }) {
  const [first] = params;
  if (first === undefined) return <ProductsPage />;
  if (first === 'import') return <ImportWizard />;
  const id = Number(first);
  return Number.isSafeInteger(id) && id > 0 ? <ProductDetailPage productId={id} /> : <NotFoundPage path={['products', ...params].join('/')} />;
}
