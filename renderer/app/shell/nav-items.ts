import type { IconName } from '../../ui/icon';
import type { RouteName } from '../route-store';

export type ScreenName = Exclude<RouteName, 'not-found'>;

/** The side nav, in order. The dashboard cards reuse the same icons. */
export const navItems: readonly { readonly route: ScreenName; readonly icon: IconName }[] = [
  { route: 'dashboard', icon: 'home' },
  { route: 'products', icon: 'box' },
  { route: 'sync', icon: 'sync' },
  { route: 'orders', icon: 'orders' },
  { route: 'linking', icon: 'link' },
  { route: 'rules', icon: 'filter' },
  { route: 'categories', icon: 'categories' },
  { route: 'characteristics', icon: 'characteristics' },
  { route: 'accounts', icon: 'account' },
  { route: 'settings', icon: 'settings' },
];
