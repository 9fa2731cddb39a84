import { describe, expect, it } from 'vitest';
import { INVALID_PRODUCT_ID_CODE, invalidProductIdIssues } from '../../../../main/amazon/simulator/product-ids';

const ids = (type: string, value: string) => ({ externally_assigned_product_identifier: [{ type, value, marketplace_id: 'A2Q3Y263D00KWC' }] });
const refused = (type: string, value: string) => invalidProductIdIssues('SKU-1', ids(type, value)).map((i) => i.message);

describe('invalidProductIdIssues', () => {
  it('accepts every id type with its lengths and a right check digit', () => {
    for (const [type, value] of [
      ['ean', '7891000000014'],
      ['ean', '96385074'],
      ['upc', '012345678905'],
      ['gtin', '17891000000011'],
      ['isbn', '9788535914849'],
      ['isbn', '080442957X'],
      ['jan', '4901234567894'],
    ]) {
      expect(refused(type as string, value as string), `${type} ${value}`).toEqual([]);
    }
  });

  it('refuses a wrong check digit, a wrong length, letters and a bad ISBN-10, naming the SKU', () => {
    expect(refused('ean', '7891000000015')).toEqual([
      "Invalid StandardProductID value for SKU [SKU-1]. '7891000000015' is not a valid EAN: the check digit is wrong.",
    ]);
    expect(refused('upc', '7891000000014')).toEqual([
      "Invalid StandardProductID value for SKU [SKU-1]. '7891000000014' is not a valid UPC: it must have 12 digits.",
    ]);
    expect(refused('gtin', '78910000O0014')[0]).toContain('digits only');
    expect(refused('isbn', '0804429571')[0]).toContain('ISBN-10');
    expect(invalidProductIdIssues('SKU-1', ids('ean', '1'))).toEqual([
      expect.objectContaining({
        code: INVALID_PRODUCT_ID_CODE,
        severity: 'ERROR',
        attributeNames: ['externally_assigned_product_identifier'],
        categories: ['INVALID_ATTRIBUTE'],
      }),
    ]);
  });

  it('leaves listings without a product id, and types it does not check, alone', () => {
    expect(invalidProductIdIssues('SKU-1', {})).toEqual([]);
    expect(refused('asin', 'B0SEED0001')).toEqual([]);
  });
});
