/**
 * The first row of the page that holds `offset` in a list of `total` rows: a move past either
 * end lands on the first or the last page, never on an empty one.
 */
export function pageStart(offset: number, total: number, pageSize: number): number {
  const row = Math.max(0, Math.min(offset, total - 1));
  return row - (row % pageSize);
}
