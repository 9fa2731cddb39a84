import type { SimStore } from './state';

/** The NF-e number of an order's accepted note, as Amazon shows it on the package (`invoice.invoiceNumber`). */
export function nfeNumberOf(store: SimStore, orderId: string): string | undefined {
  const latest = store.data.invoices?.[orderId]?.at(-1);
  if (!latest || latest.outcome !== 'Accepted' || latest.accessKey.length !== 44) return undefined;
  return String(Number(latest.accessKey.slice(25, 34)));
}
