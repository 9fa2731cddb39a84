import { describe, expect, it } from 'vitest';
import {
  bindHashRouting,
  hrefFor,
  navigateTo,
  parseHash,
  routeChanged,
  selectRouteName,
  useRouteStore,
  type HashSource,
} from '../../../../renderer/app/route-store';

describe('parseHash', () => {
  it.each([[''], ['#'], ['#/']])('%j is the dashboard', (hash) => {
    expect(parseHash(hash)).toEqual({ name: 'dashboard', params: [] });
  });

  it('reads the screen and its parameters, decoding them', () => {
    expect(parseHash('#/products/SKU%2F42')).toEqual({ name: 'products', params: ['SKU/42'] });
    expect(parseHash('#/settings/')).toEqual({ name: 'settings', params: [] });
  });

  it('sends unknown screens (and the reserved not-found) to not-found with the path', () => {
    expect(parseHash('#/nope/1')).toEqual({ name: 'not-found', params: ['nope', '1'] });
    expect(parseHash('#/not-found')).toEqual({ name: 'not-found', params: ['not-found'] });
  });

  it('reads a query after the path, as notifications send it (`/sync?status=error`)', () => {
    expect(parseHash('#/sync?status=error')).toEqual({ name: 'sync', params: [], query: { status: 'error' } });
    expect(parseHash('#/sync/?status=error&x=a%20b')).toEqual({ name: 'sync', params: [], query: { status: 'error', x: 'a b' } });
    expect(parseHash('#/nope?status=error')).toEqual({ name: 'not-found', params: ['nope'] });
  });

  it('keeps a malformed escape as typed', () => {
    expect(parseHash('#/products/%E0')).toEqual({ name: 'products', params: ['%E0'] });
  });
});

describe('hrefFor', () => {
  it('round-trips through parseHash', () => {
    expect(hrefFor('dashboard')).toBe('#/');
    expect(hrefFor('products', 'a b/c')).toBe('#/products/a%20b%2Fc');
    expect(parseHash(hrefFor('products', 'a b/c'))).toEqual({ name: 'products', params: ['a b/c'] });
  });
});

describe('routeChanged', () => {
  it('returns the same state object when the route did not change', () => {
    const state = { route: parseHash('#/orders') };
    expect(routeChanged(state, '#/orders/')).toBe(state);
    expect(routeChanged(state, '#/settings')).toEqual({ route: { name: 'settings', params: [] } });
  });

  it('sees a changed query as a new route', () => {
    const state = { route: parseHash('#/sync') };
    expect(routeChanged(state, '#/sync?status=error').route.query).toEqual({ status: 'error' });
    const filtered = { route: parseHash('#/sync?status=error') };
    expect(routeChanged(filtered, '#/sync?status=error')).toBe(filtered);
  });
});

function fakeWindow(hash: string) {
  const listeners = new Set<() => void>();
  const source: HashSource & { fire(): void } = {
    location: { hash },
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
    fire: () => listeners.forEach((l) => l()),
  };
  return { source, listeners };
}

describe('bindHashRouting', () => {
  it('syncs the store now and on every hashchange until stopped', () => {
    const { source, listeners } = fakeWindow('#/products');
    const stop = bindHashRouting(source);
    expect(selectRouteName(useRouteStore.getState())).toBe('products');
    source.location.hash = '#/orders';
    source.fire();
    expect(selectRouteName(useRouteStore.getState())).toBe('orders');
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('navigateTo', () => {
  it('accepts a bare route or a hash', () => {
    const { source } = fakeWindow('');
    navigateTo(source, 'orders');
    expect(source.location.hash).toBe('#/orders');
    navigateTo(source, '/settings');
    expect(source.location.hash).toBe('#/settings');
    navigateTo(source, '#/products/1');
    expect(source.location.hash).toBe('#/products/1');
    navigateTo(source, '/sync?status=error');
    expect(parseHash(source.location.hash)).toEqual({ name: 'sync', params: [], query: { status: 'error' } });
  });
});
