import { create } from 'zustand';
import type { Checklist } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { errorOf, failed, idle, loading, ready, valueOf, type Load } from '../../app/load';
import { hrefFor } from '../../app/route-store';

/** The Tray panel's path, in its order. */
export const STEP_IDS = ['account', 'products', 'categories', 'characteristics', 'selection', 'sync'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** done: nothing left; current: the first step not done (where the seller goes next); todo: later. */
export type StepState = 'done' | 'current' | 'todo';

/**
 * One step as the screen shows it: its state, the i18n key of the sentence that says where it
 * stands (with its numbers), and where it leads.
 */
export interface Step {
  readonly id: StepId;
  readonly state: StepState;
  readonly detail: string;
  readonly values: Readonly<Record<string, number | string>>;
  readonly href: string;
  /** The action button's i18n key under `checklist.actions`. */
  readonly action: string;
}

type Draft = Omit<Step, 'state'> & { readonly done: boolean };

/** Each step's verdict from main's numbers (pure, tested without React). */
export function checklistSteps(c: Checklist): Step[] {
  const hasProducts = c.products.products > 0;
  const sent = c.sync.live + c.sync.errors + c.sync.waiting;
  const drafts: Draft[] = [
    c.account.accounts === 0
      ? { id: 'account', done: false, detail: 'account.none', values: {}, href: hrefFor('accounts', 'connect'), action: 'connect' }
      : c.account.realAccounts === 0
        ? { id: 'account', done: true, detail: 'account.demo', values: {}, href: hrefFor('accounts', 'connect'), action: 'connectReal' }
        : { id: 'account', done: true, detail: 'account.connected', values: { count: c.account.realAccounts }, href: hrefFor('accounts'), action: 'accounts' },
    hasProducts
      ? {
          id: 'products',
          done: true,
          detail: 'products.some',
          values: { count: c.products.products },
          href: hrefFor('products', 'import'),
          action: 'importMore',
        }
      : { id: 'products', done: false, detail: 'products.none', values: {}, href: hrefFor('products', 'import'), action: 'import' },
    !hasProducts
      ? { id: 'categories', done: false, detail: 'categories.waiting', values: {}, href: hrefFor('categories'), action: 'categories' }
      : c.categories.unmapped > 0
        ? {
            id: 'categories',
            done: false,
            detail: c.categories.fallbackProductType ? 'categories.unmappedFallback' : 'categories.unmapped',
            values: { count: c.categories.unmapped, products: c.categories.productsUnmapped, productType: c.categories.fallbackProductType ?? '' },
            href: hrefFor('categories'),
            action: 'categories',
          }
        : c.categories.productsUnmapped > 0 && !c.categories.fallbackProductType
          ? // Products without any category: a category (or the fallback type) is what gives them a product type.
            {
              id: 'categories',
              done: false,
              detail: 'categories.uncategorized',
              values: { count: c.categories.productsUnmapped },
              href: hrefFor('products'),
              action: 'products',
            }
          : {
              id: 'categories',
              done: true,
              detail: 'categories.done',
              values: { count: c.categories.mapped },
              href: hrefFor('categories'),
              action: 'categories',
            },
    c.categories.mapped === 0
      ? { id: 'characteristics', done: false, detail: 'characteristics.waiting', values: {}, href: hrefFor('characteristics'), action: 'characteristics' }
      : c.characteristics.categoriesBlocked > 0
        ? {
            id: 'characteristics',
            done: false,
            detail: 'characteristics.blocked',
            values: { count: c.characteristics.categoriesBlocked, products: c.characteristics.productsBlocked },
            href: c.characteristics.productType ? hrefFor('characteristics', c.characteristics.productType) : hrefFor('characteristics'),
            action: 'characteristics',
          }
        : { id: 'characteristics', done: true, detail: 'characteristics.done', values: {}, href: hrefFor('characteristics'), action: 'characteristics' },
    c.selection.selected > 0
      ? {
          id: 'selection',
          done: true,
          detail: 'selection.some',
          values: { count: c.selection.selected },
          href: hrefFor('categories', 'include'),
          action: 'includeMore',
        }
      : { id: 'selection', done: false, detail: 'selection.none', values: {}, href: hrefFor('categories', 'include'), action: 'include' },
    sent === 0
      ? { id: 'sync', done: false, detail: 'sync.none', values: {}, href: hrefFor('sync'), action: 'sync' }
      : {
          id: 'sync',
          done: c.sync.live > 0 && c.sync.errors === 0,
          detail: c.sync.errors > 0 ? 'sync.errors' : 'sync.live',
          values: { count: c.sync.live, errors: c.sync.errors, waiting: c.sync.waiting },
          href: hrefFor('sync'),
          action: 'sync',
        },
  ];
  const current = drafts.findIndex((d) => !d.done);
  return drafts.map(({ done, ...step }, i) => ({ ...step, state: done ? 'done' : i === current ? 'current' : 'todo' }));
}

export interface ChecklistScope {
  readonly accountId: string;
  readonly marketplaceId: string;
}

export interface ChecklistState {
  readonly scopeKey: string;
  readonly checklist: Load<Checklist>;
}

export const initialChecklistState: ChecklistState = { scopeKey: '', checklist: idle };

const keyOf = (scope: ChecklistScope | null) => (scope ? `${scope.accountId}/${scope.marketplaceId}` : '');

export const selectChecklist = (s: ChecklistState): Checklist | null => valueOf(s.checklist);
export const selectChecklistError = (s: ChecklistState): ApiError | null => errorOf(s.checklist);

export const useChecklistStore = create<ChecklistState>(() => initialChecklistState);

let latest = 0;

/** The header's account × marketplace's checklist; a new scope starts blank, not with the old one's numbers. */
export async function loadChecklist(scope: ChecklistScope | null): Promise<void> {
  const mine = ++latest;
  const scopeKey = keyOf(scope);
  useChecklistStore.setState((s) => ({ scopeKey, checklist: loading(s.scopeKey === scopeKey ? s.checklist : idle) }));
  const outcome = await request('dashboard:checklist', scope);
  if (mine !== latest) return;
  useChecklistStore.setState((s) => ({ ...s, checklist: outcome.ok ? ready(outcome.value) : failed(s.checklist, outcome.error) }));
}
