import { AccountsRoute } from '../features/accounts/accounts-route';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { ProductsRoute } from '../features/products/products-route';
import { NotFoundPage } from '../features/not-built/not-built-page';
import { OrdersRoute } from '../features/orders/orders-page';
import { SettingsPage } from '../features/settings/settings-page';
import { LinkingPage } from '../features/linking/linking-page';
import { RulesPage } from '../features/rules/rules-page';
import { CategoriesRoute } from '../features/categories/categories-route';
import { CharacteristicsPage } from '../features/characteristics/characteristics-page';
import { SyncRoute } from '../features/sync/sync-page';
import { selectRoute, useRouteStore, type Route } from './route-store';

function assertNever(value: never): never {
  throw new Error(`Unhandled route ${String(value)}`);
}

function PageFor({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'dashboard':
      return <DashboardPage />;
    case 'settings':
      return <SettingsPage />;
    case 'accounts':
      return <AccountsRoute params={route.params} />;
    case 'products':
      return <ProductsRoute params={route.params} />;
    case 'orders':
      return <OrdersRoute params={route.params} />;
    case 'sync':
      return <SyncRoute query={route.query} />;
    case 'linking':
      return <LinkingPage />;
    case 'rules':
      return <RulesPage />;
    case 'categories':
      return <CategoriesRoute params={route.params} />;
    case 'characteristics':
      return <CharacteristicsPage params={route.params} />;
    case 'not-found':
      return <NotFoundPage path={route.params.join('/')} />;
    default:
      return assertNever(route.name);
  }
}

/** The screen for the current hash. */
export function CurrentPage() {
  const route = useRouteStore(selectRoute);
  return <PageFor route={route} />;
}
