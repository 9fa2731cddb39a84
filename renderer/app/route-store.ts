import { create } from 'zustand';

/** Every screen of the app. Hash routing (`#/products/123`) works under file:// with no router. */
export const routeNames = [
  'dashboard',
  'products',
  'sync',
  'orders',
  'categories',
  'characteristics',
  'accounts',
  'settings',
  'linking',
  'rules',
  'not-found',
] as const;
export type RouteName = (typeof routeNames)[number];

export interface Route {
  readonly name: RouteName;
  /** Segments after the screen name: `#/products/42` → `['42']`. */
  readonly params: readonly string[];
  /** `#/sync?status=error` → `{ status: 'error' }` (notifications link to filtered screens); absent without `?`. */
  readonly query?: Readonly<Record<string, string>>;
}

export interface RouteState {
  readonly route: Route;
}

const DASHBOARD: Route = { name: 'dashboard', params: [] };

function isRouteName(value: string): value is RouteName {
  return value !== 'not-found' && (routeNames as readonly string[]).includes(value);
}

/** `''`, `#`, `#/` → dashboard; `#/products/42` → products ['42']; anything else → not-found. */
export function parseHash(hash: string): Route {
  const [path = '', search] = splitQuery(hash.replace(/^#\/?/, ''));
  if (path === '') return DASHBOARD;
  const [head = '', ...rest] = path.split('/').filter((s) => s !== '');
  const params = rest.map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  if (!isRouteName(head)) return { name: 'not-found', params: [head, ...params] };
  return search === undefined ? { name: head, params } : { name: head, params, query: Object.fromEntries(new URLSearchParams(search)) };
}

function splitQuery(path: string): [string, string | undefined] {
  const at = path.indexOf('?');
  return at < 0 ? [path, undefined] : [path.slice(0, at), path.slice(at + 1)];
}

const queryKey = (route: Route): string => (route.query ? new URLSearchParams(route.query as Record<string, string>).toString() : '');

export function hrefFor(name: Exclude<RouteName, 'not-found'>, ...params: readonly string[]): string {
  const tail = params.map((p) => `/${encodeURIComponent(p)}`).join('');
  return name === 'dashboard' && tail === '' ? '#/' : `#/${name}${tail}`;
}

export function routeChanged(state: RouteState, hash: string): RouteState {
  const route = parseHash(hash);
  const same = route.name === state.route.name && route.params.join('/') === state.route.params.join('/') && queryKey(route) === queryKey(state.route);
  return same ? state : { route };
}

export const selectRoute = (s: RouteState): Route => s.route;
export const selectRouteName = (s: RouteState): RouteName => s.route.name;

export const useRouteStore = create<RouteState>(() => ({ route: DASHBOARD }));

/** The slice of `window` routing needs, so the binding is testable under Node. */
export interface HashSource {
  readonly location: { hash: string };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/** Keeps the store in step with the address bar; returns the stop function. */
export function bindHashRouting(source: HashSource): () => void {
  const sync = () => useRouteStore.setState((s) => routeChanged(s, source.location.hash));
  sync();
  source.addEventListener('hashchange', sync);
  return () => source.removeEventListener('hashchange', sync);
}

/** Moves to a route pushed from main (`app:navigate`, e.g. a notification click). */
export function navigateTo(source: HashSource, route: string): void {
  const hash = route.startsWith('#') ? route : `#/${route.replace(/^\//, '')}`;
  source.location.hash = hash;
}
