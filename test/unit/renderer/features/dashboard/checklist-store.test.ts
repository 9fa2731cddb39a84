import { describe, expect, it } from 'vitest';
import type { Checklist } from '../../../../../preload/contract';
import { checklistSteps } from '../../../../../renderer/features/dashboard/checklist-store';

const fresh: Checklist = {
  account: { accounts: 1, realAccounts: 0 },
  products: { products: 0 },
  categories: { unmapped: 0, productsUnmapped: 0, mapped: 0, fallbackProductType: null },
  characteristics: { categoriesBlocked: 0, productsBlocked: 0, productType: null, checked: 0 },
  selection: { selected: 0 },
  sync: { live: 0, errors: 0, waiting: 0, lastRunAt: null },
};

const states = (c: Checklist) => checklistSteps(c).map((s) => `${s.id}:${s.state}`);

describe('Início checklist steps', () => {
  it('keeps the Tray order, and a first start with the demo account points at the import', () => {
    expect(states(fresh)).toEqual(['account:done', 'products:current', 'categories:todo', 'characteristics:todo', 'selection:todo', 'sync:todo']);
    expect(checklistSteps(fresh)[0]).toMatchObject({ detail: 'account.demo', href: '#/accounts/connect' });
    expect(checklistSteps(fresh)[1]).toMatchObject({ detail: 'products.none', href: '#/products/import', action: 'import' });
  });

  it('without an account, connecting is the next step', () => {
    expect(checklistSteps({ ...fresh, account: { accounts: 0, realAccounts: 0 } })[0]).toMatchObject({
      state: 'current',
      detail: 'account.none',
      action: 'connect',
    });
  });

  it('after an import: categories to match, with their numbers and the fallback type when one is set', () => {
    const imported = { ...fresh, products: { products: 211 }, categories: { unmapped: 4, productsUnmapped: 150, mapped: 0, fallbackProductType: null } };

    expect(states(imported).slice(1, 3)).toEqual(['products:done', 'categories:current']);
    expect(checklistSteps(imported)[2]).toMatchObject({ detail: 'categories.unmapped', values: { count: 4, products: 150 }, href: '#/categories' });
    expect(checklistSteps({ ...imported, categories: { ...imported.categories, fallbackProductType: 'HOME' } })[2]).toMatchObject({
      detail: 'categories.unmappedFallback',
      values: { productType: 'HOME' },
    });
  });

  it('products without any category are sent nowhere until they get one (or a fallback type is set)', () => {
    const uncategorized = { ...fresh, products: { products: 1234 }, categories: { unmapped: 0, productsUnmapped: 1234, mapped: 0, fallbackProductType: null } };

    expect(checklistSteps(uncategorized)[2]).toMatchObject({
      state: 'current',
      detail: 'categories.uncategorized',
      values: { count: 1234 },
      href: '#/products',
    });
    expect(checklistSteps({ ...uncategorized, categories: { ...uncategorized.categories, fallbackProductType: 'HOME' } })[2]).toMatchObject({ state: 'done' });
  });

  it('characteristics lead to the product type of the first blocking category', () => {
    const mapped: Checklist = {
      ...fresh,
      products: { products: 211 },
      categories: { unmapped: 0, productsUnmapped: 0, mapped: 3, fallbackProductType: null },
      characteristics: { categoriesBlocked: 2, productsBlocked: 31, productType: 'BRACELET', checked: 75 },
    };

    expect(checklistSteps(mapped)[3]).toMatchObject({
      state: 'current',
      detail: 'characteristics.blocked',
      values: { count: 2, products: 31 },
      href: '#/characteristics/BRACELET',
    });
  });

  it('is all done once products are live with no refusal; a refusal keeps the sync step open', () => {
    const live: Checklist = {
      ...fresh,
      products: { products: 211 },
      categories: { unmapped: 0, productsUnmapped: 0, mapped: 3, fallbackProductType: null },
      selection: { selected: 64 },
      sync: { live: 64, errors: 0, waiting: 0, lastRunAt: 1 },
    };

    expect(checklistSteps(live).every((s) => s.state === 'done')).toBe(true);
    expect(checklistSteps({ ...live, sync: { ...live.sync, live: 60, errors: 4 } })[5]).toMatchObject({
      state: 'current',
      detail: 'sync.errors',
      values: { errors: 4 },
    });
  });
});
