import { describe, expect, it } from 'vitest';
import { requiredAttributes } from '../../../main/listings/required-attributes';
import { loadProductType, US } from './fixtures';

const bracelet = loadProductType('BRACELET');

describe('requiredAttributes on BRACELET', () => {
  it('returns the root required set and the offer and barcode a plain new item needs', () => {
    const result = requiredAttributes(bracelet, {});

    expect(result.required).toEqual([
      'brand',
      'bullet_point',
      'country_of_origin',
      'item_name',
      'item_type_keyword',
      'product_description',
      'supplier_declared_dg_hz_regulation',
    ]);
    expect(result.conditional).toEqual(
      expect.arrayContaining(['condition_type', 'fulfillment_availability', 'list_price', 'externally_assigned_product_identifier']),
    );
  });

  it('drops the barcode once a GTIN exemption is declared', () => {
    const exempt = { supplier_declared_has_product_identifier_exemption: [{ value: true, marketplace_id: US }] };

    expect(requiredAttributes(bracelet, exempt).conditional).not.toContain('externally_assigned_product_identifier');
  });

  it('drops the offer and asks for the variation links on a variation parent', () => {
    const parent = { parentage_level: [{ value: 'parent', marketplace_id: US }] };

    const result = requiredAttributes(bracelet, parent).conditional;

    expect(result).toEqual(expect.arrayContaining(['child_parent_sku_relationship', 'variation_theme']));
    expect(result).not.toContain('fulfillment_availability');
    expect(result).not.toContain('list_price');
  });

  it('asks for battery details once batteries are required', () => {
    const withBatteries = { batteries_required: [{ value: true, marketplace_id: US }] };

    expect(requiredAttributes(bracelet, withBatteries).conditional).toContain('batteries_included');
    expect(requiredAttributes(bracelet, {}).conditional).not.toContain('batteries_included');
  });
});
