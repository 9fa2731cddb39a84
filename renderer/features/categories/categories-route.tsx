import { SelectionPage } from '../selection/selection-page';
import { CategoriesPage } from './categories-page';

/** `#/categories` maps categories; `#/categories/include` is the product selection of the same panel. */
export function CategoriesRoute({ params }: { readonly params: readonly string[] }) {
  return params[0] === 'include' ? <SelectionPage /> : <CategoriesPage />;
}
