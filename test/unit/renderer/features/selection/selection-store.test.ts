import { afterEach, describe, expect, it } from 'vitest';
import type { IncludeAllResult, TaskProgress } from '../../../../../preload/contract';
import { ApiError } from '../../../../../renderer/app/api';
import {
  askExcludeAll,
  bulkProgressed,
  bulkStarted,
  categoriesLoaded,
  categoryChosen,
  excludeAll,
  excludeAllAsked,
  filterOf,
  includeAll,
  includeAllFinished,
  INCLUDE_ALL_TASK,
  initialSelectionState,
  problemGroups,
  useSelectionStore,
  type SelectionState,
} from '../../../../../renderer/features/selection/selection-store';
import { installFakeBridge } from '../../fake-bridge';

const scope = { accountId: 'acc', marketplaceId: 'A2Q3Y263D00KWC' };
const page = { ok: true as const, value: { total: 0, items: [] } };
const result: IncludeAllResult = {
  taskId: 't1',
  matched: 400,
  included: 312,
  alreadyIncluded: 8,
  rejected: [
    { reason: 'category_unmapped', count: 60 },
    { reason: 'invalid', count: 20 },
  ],
  rejectedSample: [],
};
const progress = (patch: Partial<TaskProgress>): TaskProgress => ({
  taskId: 't1',
  kind: INCLUDE_ALL_TASK,
  phase: 'mapping.progress.including',
  done: 500,
  total: 2000,
  finished: false,
  ...patch,
});

afterEach(() => {
  useSelectionStore.setState(initialSelectionState, true);
});

describe('selection store: bulk include and remove', () => {
  it('sends the list filter as shown: trimmed search, category only when chosen', () => {
    const state: SelectionState = { ...initialSelectionState, search: '  camiseta ', categoryId: 7 };

    expect(filterOf(state)).toEqual({ search: 'camiseta', categoryId: 7 });
    expect(filterOf({ ...state, search: '   ', categoryId: null })).toEqual({});
  });

  it('choosing a category goes back to the first page and forgets the ticks', () => {
    const state: SelectionState = { ...initialSelectionState, offset: 100, ticked: new Set([1, 2]) };

    expect(categoryChosen(state, 3)).toMatchObject({ categoryId: 3, offset: 0, ticked: new Set() });
  });

  it('lists the categories in path order and drops a chosen one that is gone', () => {
    const rows = [
      { id: 2, path: 'Roupas' },
      { id: 1, path: 'Casa' },
    ];

    expect(categoriesLoaded({ ...initialSelectionState, categoryId: 2, offset: 50 }, rows)).toMatchObject({
      categories: [rows[1], rows[0]],
      categoryId: 2,
      offset: 50,
    });
    expect(categoriesLoaded({ ...initialSelectionState, categoryId: 9, offset: 50 }, rows)).toMatchObject({ categoryId: null, offset: 0 });
  });

  it('shows the include-all progress only, and ignores other tasks, the final report and reports after it ended', () => {
    const running = bulkStarted(initialSelectionState, 'include');

    const moved = bulkProgressed(running, progress({}));

    expect(moved.bulk).toEqual({ status: 'including', progress: progress({}) });
    expect(bulkProgressed(moved, progress({ kind: 'catalog-import', done: 9 }))).toBe(moved);
    expect(bulkProgressed(moved, progress({ finished: true, done: 2000 }))).toBe(moved);
    expect(bulkProgressed(initialSelectionState, progress({}))).toBe(initialSelectionState);
  });

  it('keeps the summary of a finished run, or the error of a refused one', () => {
    const running = bulkStarted({ ...initialSelectionState, ticked: new Set([4]) }, 'include');
    const refused = new ApiError({ code: 'MAPPING_BULK_RUNNING', message: 'Aguarde' });

    expect(includeAllFinished(running, { ok: true, value: result })).toMatchObject({ bulk: { status: 'included', result }, ticked: new Set() });
    expect(includeAllFinished(running, { ok: false, error: refused })).toMatchObject({ bulk: { status: 'idle' }, actionError: refused });
  });

  it('does not start twice nor ask for a confirmation while a bulk change runs', () => {
    const running = bulkStarted(initialSelectionState, 'include');

    expect(bulkStarted(running, 'exclude')).toBe(running);
    expect(excludeAllAsked(running, true)).toBe(running);
    expect(excludeAllAsked(initialSelectionState, true).bulk).toEqual({ status: 'confirming-exclude' });
  });

  it('include all asks main with the filter, then reloads the list with it', async () => {
    const bridge = installFakeBridge({ mappingIncludeAll: { ok: true, value: result }, mappingSelection: page });
    useSelectionStore.setState({ search: 'azul', categoryId: 2 });

    await includeAll(scope);

    expect(bridge.calls.map((c) => c.name)).toEqual(['mappingIncludeAll', 'mappingSelection']);
    expect(bridge.calls[0]?.input).toEqual({ ...scope, search: 'azul', categoryId: 2 });
    expect(bridge.calls[1]?.input).toMatchObject({ search: 'azul', categoryId: 2, offset: 0 });
    expect(useSelectionStore.getState().bulk).toEqual({ status: 'included', result });
    bridge.remove();
  });

  it('remove all runs only after the seller confirmed', async () => {
    const bridge = installFakeBridge({ mappingExcludeAll: { ok: true, value: 5 }, mappingSelection: page });

    await excludeAll(scope);
    askExcludeAll(true);
    await excludeAll(scope);

    expect(bridge.calls.map((c) => c.name)).toEqual(['mappingExcludeAll', 'mappingSelection']);
    expect(useSelectionStore.getState().bulk).toEqual({ status: 'excluded', removed: 5 });
    bridge.remove();
  });
});

describe('a product\'s reasons on "Incluir produtos"', () => {
  const problem = (sku: string, message: string) => ({ sku, code: 'missing', message, storeField: null, attribute: 'color' });

  it('says a reason shared by every SKU of a family once, and names the SKUs of a reason only some have', () => {
    const groups = problemGroups({
      skuCount: 3,
      problems: [
        problem('A-P', 'Cor não preenchida'),
        problem('A-1', 'Cor não preenchida'),
        problem('A-2', 'Cor não preenchida'),
        problem('A-1', 'Preço de tabela: valor inválido'),
      ],
    });

    expect(groups).toEqual([
      { message: 'Cor não preenchida', skus: [] },
      { message: 'Preço de tabela: valor inválido', skus: ['A-1'] },
    ]);
    expect(problemGroups({ skuCount: 1, problems: [problem('B', 'Marca não preenchida')] })).toEqual([{ message: 'Marca não preenchida', skus: [] }]);
  });
});
