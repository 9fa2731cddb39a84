import { useTranslation } from 'react-i18next';
import { AccountsRoute } from '../features/accounts/accounts-route';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { ProductsRoute } from '../features/products/products-route';
import { NotBuiltPage, NotFoundPage } from '../features/not-built/not-built-page';
import { OrdersRoute } from '../features/orders/orders-page';
import { SettingsPage } from '../features/settings/settings-page';
import { LinkingPage } from '../features/linking/linking-page';
import { RulesPage } from '../features/rules/rules-page';
import { selectRoute, useRouteStore, type Route } from './route-store';

function assertNever(value: never): never {
  throw new Error(`Unhandled route ${String(value)}`);
}

function PageFor({ route }: { readonly route: Route }) {
  const { t } = useTranslation('shell');
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
    case 'linking':
      return <LinkingPage />;
    case 'rules':
      return <RulesPage />;
    case 'categories':
    case 'characteristics':
      return <NotBuiltPage screen={t(`nav.${route.name}`)} />;
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
