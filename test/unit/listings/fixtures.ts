import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BuildInput } from '../../../main/listings/builder-types';
import type { Listing } from '../../../main/listings/types';

const productTypesDir = fileURLToPath(new URL('../../../main/amazon/simulator/product-types/', import.meta.url));

export function loadProductType(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${productTypesDir}${name}.schema.json`, 'utf8')) as Record<string, unknown>;
}

export const US = 'ATVPDKIKX0DER';
const text = (value: string) => [{ value, language_tag: 'en_US', marketplace_id: US }];
const plain = (value: unknown) => [{ value, marketplace_id: US }];

/** Every attribute BRACELET requires for a new, non-variation product with an EAN. */
export function completeBracelet(): Listing {
  return {
    productType: 'BRACELET',
    requirements: 'LISTING',
    attributes: {
      item_name: text('Silver bracelet 19 cm'),
      brand: text('MyBrand'),
      externally_assigned_product_identifier: [{ type: 'ean', value: '4006381333931', marketplace_id: US }],
      supplier_declared_has_product_identifier_exemption: plain(false),
      condition_type: plain('new_new'),
      list_price: [{ value: 59.99, currency: 'USD', marketplace_id: US }],
      purchasable_offer: [{ marketplace_id: US, currency: 'USD', our_price: [{ schedule: [{ value_with_tax: 49.99 }] }] }],
      fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 12, lead_time_to_ship_max_days: 2 }],
      merchant_shipping_group: plain('legacy-template-id'),
      bullet_point: [...text('Sterling silver'), ...text('Adjustable clasp')],
      product_description: text('A handmade sterling silver bracelet.'),
      clasp_type: text('Lobster Claw'),
      color: text('Silver'),
      country_of_origin: plain('BR'),
      cpsia_cautionary_statement: plain('no_warning_applicable'),
      department: text('Womens'),
      gem_type: text('Agate'),
      item_length: [{ value: 7.5, unit: 'inches', marketplace_id: US }],
      item_type_keyword: plain('charm-bracelets'),
      jewelry_material_categorization: plain('fashion'),
      material: text('Silver'),
      part_number: plain('BR-19'),
      size: text('Medium'),
      stones: [stone()],
      supplier_declared_dg_hz_regulation: plain('not_applicable'),
      item_package_dimensions: [
        { length: { value: 10, unit: 'centimeters' }, width: { value: 8, unit: 'centimeters' }, height: { value: 3, unit: 'centimeters' }, marketplace_id: US },
      ],
      item_package_weight: [{ value: 0.1, unit: 'kilograms', marketplace_id: US }],
      batteries_required: plain(false),
    },
  };
}

export function stone(): Record<string, unknown> {
  const t = (value: string) => ({ value, language_tag: 'en_US' });
  return { id: 1, type: t('Agate'), creation_method: t('Natural'), treatment_method: t('Not Treated'), marketplace_id: US };
}

/** Builder input for the same bracelet as it would come from a Brazilian store's catalog. */
export function braceletInput(overrides: Partial<BuildInput> = {}): BuildInput {
  return {
    product: {
      title: 'Silver bracelet 19 cm',
      description: 'A handmade sterling silver bracelet.',
      brand: 'MyBrand',
      bulletPoints: ['Sterling silver', 'Adjustable clasp'],
      imageUrls: ['https://cdn.example.com/b1.jpg', 'https://cdn.example.com/b2.jpg'],
      characteristics: {
        Cor: 'Prata',
        Material: 'Prata',
        Tamanho: 'Médio',
        Fecho: 'Lobster Claw',
        Pedra: 'Agate',
        'Comprimento (pol)': '7,5',
        'Código do fabricante': 'BR-19',
      },
    },
    sku: { sku: 'BRC-19', gtin: '4006381333931', price: 49.99, stock: 12, weightKg: 0.1, dimensionsCm: { length: 10, width: 8, height: 3 } },
    marketplace: { id: US, currency: 'USD', languageTag: 'en_US' },
    mapping: {
      productType: 'BRACELET',
      variationTheme: 'COLOR/SIZE',
      attributes: [
        { attribute: 'color', source: { kind: 'characteristic', name: 'Cor' }, valueMap: { Prata: 'Silver', Azul: 'Blue' } },
        { attribute: 'material', source: { kind: 'characteristic', name: 'Material' }, valueMap: { Prata: 'Silver' } },
        { attribute: 'size', source: { kind: 'characteristic', name: 'Tamanho' }, valueMap: { Médio: 'Medium', Pequeno: 'Small' } },
        { attribute: 'clasp_type', source: { kind: 'characteristic', name: 'Fecho' } },
        { attribute: 'gem_type', source: { kind: 'characteristic', name: 'Pedra' } },
        { attribute: 'item_length', source: { kind: 'characteristic', name: 'Comprimento (pol)' }, unit: 'inches' },
        { attribute: 'part_number', source: { kind: 'characteristic', name: 'Código do fabricante' } },
        { attribute: 'stones', source: { kind: 'entries', entries: [stone()] } },
      ],
      defaults: {
        country_of_origin: 'BR',
        cpsia_cautionary_statement: 'no_warning_applicable',
        department: 'Womens',
        item_type_keyword: 'charm-bracelets',
        jewelry_material_categorization: 'fashion',
        supplier_declared_dg_hz_regulation: 'not_applicable',
        batteries_required: false,
      },
    },
    settings: { shippingTemplate: 'legacy-template-id' },
    today: '2026-11-22',
    schema: loadProductType('BRACELET'),
    ...overrides,
  };
}
