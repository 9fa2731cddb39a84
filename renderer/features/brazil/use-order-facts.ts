import { useEffect } from 'react';
import type { OrderListItem } from '../../../preload/contract';
import { loadFacts, useBrazilStore } from './brazil-store';

/** Program and NF-e state of the orders on the page, asked once per page shown. */
export function useOrderFacts(items: readonly OrderListItem[]) {
  const key = items.map((o) => o.id).join(',');
  useEffect(() => void loadFacts(key ? key.split(',').map(Number) : []), [key]);
  return useBrazilStore((s) => s.facts);
}
