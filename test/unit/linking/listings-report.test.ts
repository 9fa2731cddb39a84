import { describe, expect, it } from 'vitest';
import { parseListingsReport } from '../../../main/linking/listings-report';

const HEADER = ['item-name', 'seller-sku', 'price', 'quantity', 'product-id-type', 'product-id', 'asin1', 'fulfillment-channel', 'status'];

function report(rows: readonly (readonly string[])[]): string {
  return [HEADER, ...rows].map((r) => r.join('\t')).join('\r\n') + '\r\n';
}

describe('parseListingsReport', () => {
  it('reads columns by name, EAN product ids as GTIN-14 and FBA offers without quantity', () => {
    const text = report([
      ['Pulseira', 'P-1', '89.90', '25', '4', '7891000000014', '', 'DEFAULT', 'Active'],
      ['Colar', 'C-1', '12,50', '', '1', 'B0SEED0006', '', 'AMAZON_NA', 'Inactive'],
    ]);

    const [p, c] = parseListingsReport(new TextEncoder().encode(text));

    expect(p).toMatchObject({ sku: 'P-1', asin: null, gtin14: '07891000000014', price: '89.90', quantity: 25, status: 'Active' });
    expect(c).toMatchObject({ sku: 'C-1', asin: 'B0SEED0006', gtin14: null, price: '12.50', quantity: null, fulfillment: 'AMAZON_NA' });
  });

  it('decodes a Windows-1252 report (EU stores) without mangling accents', () => {
    const text = report([['Pulseira de coração', 'P-2', '10.00', '1', '1', 'B0X', 'B0X', 'DEFAULT', 'Active']]);
    const bytes = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));

    const [row] = parseListingsReport(bytes);

    expect(row?.title).toBe('Pulseira de coração');
  });

  it('ignores an invalid EAN in product-id instead of matching on it', () => {
    const [row] = parseListingsReport(new TextEncoder().encode(report([['X', 'X-1', '1.00', '1', '4', '7891000000015', 'B0Y', 'DEFAULT', 'Active']])));

    expect(row).toMatchObject({ gtin14: null, asin: 'B0Y' });
  });
});
