/**
 * The streaming reader options used everywhere, including the benchmark's raw-parse baseline.
 * Styles are cached because without them dates come back as bare serial numbers and a SKU
 * Excel turned into a date would import silently as "45296".
 */
export const XLSX_READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const;
