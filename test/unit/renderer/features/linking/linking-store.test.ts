import { describe, expect, it } from 'vitest';
import {
  initialLinkingState,
  pageLoaded,
  pageMoved,
  pageToggled,
  scopeChanged,
  tabChanged,
  toggled,
} from '../../../../../renderer/features/linking/linking-store';

const scope = { accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' };

describe('linking state transitions', () => {
  it('starts a new marketplace from scratch but keeps the tab the seller was on', () => {
    const onAmazonOnly = toggled(tabChanged(scopeChanged(initialLinkingState, scope), 'amazon-only'), 'X');

    const next = scopeChanged(onAmazonOnly, { ...scope, marketplaceId: 'ATVPDKIKX0DER' });

    expect(next.tab).toBe('amazon-only');
    expect(next.selected.size).toBe(0);
    expect(scopeChanged(onAmazonOnly, { ...scope })).toBe(onAmazonOnly);
  });

  it('ticks rows one by one, and the page checkbox ticks all or clears all', () => {
    const one = toggled(initialLinkingState, 'A');
    const all = pageToggled(one, ['A', 'B']);

    expect([...one.selected]).toEqual(['A']);
    expect([...all.selected].sort()).toEqual(['A', 'B']);
    expect(pageToggled(all, ['A', 'B']).selected.size).toBe(0);
    expect(toggled(one, 'A').selected.size).toBe(0);
  });

  it('ignores a page answer for a tab the seller already left', () => {
    const onCatalog = tabChanged(initialLinkingState, 'catalog-only');

    const next = pageLoaded(onCatalog, { tab: 'linked', total: 1, items: [] });

    expect(next).toBe(onCatalog);
  });

  it('moves by whole pages within the total and clears the selection', () => {
    const loaded = toggled(pageLoaded(initialLinkingState, { tab: 'linked', total: 120, items: [] }), 'A');

    expect(pageMoved(loaded, 75).offset).toBe(50);
    expect(pageMoved(loaded, 500).offset).toBe(100);
    expect(pageMoved(loaded, -10).offset).toBe(0);
    expect(pageMoved(loaded, 50).selected.size).toBe(0);
  });
});
