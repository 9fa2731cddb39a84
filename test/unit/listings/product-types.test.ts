import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAll, serialize, type ProductTypeIndexEntry } from '../../../main/amazon/simulator/product-types/build-product-types';
import type { JsonObject } from '../../../main/amazon/simulator/product-types/attribute-templates';
import { Translator } from '../../../main/i18n';
import { buildListing, buildOfferOnlyListing } from '../../../main/listings/builder';
import type { BuildInput } from '../../../main/listings/builder-types';
import { requiredAttributes } from '../../../main/listings/required-attributes';
import { createListingValidator } from '../../../main/listings/validator';
import { loadProductType } from './fixtures';

const dir = fileURLToPath(new URL('../../../main/amazon/simulator/product-types/', import.meta.url));
const index = JSON.parse(readFileSync(`${dir}index.json`, 'utf8')) as ProductTypeIndexEntry[];
const translator = new Translator('pt-BR');
const BR = { id: 'A2Q3Y263D00KWC', currency: 'BRL', languageTag: 'pt_BR' };

function inputFor(entry: ProductTypeIndexEntry, schema: Record<string, unknown>): BuildInput {
  return {
    product: {
      title: `Produto de teste ${entry.productType}`,
      description: 'Descrição completa do produto.',
      brand: 'Marca Própria',
      bulletPoints: ['Primeiro destaque', 'Segundo destaque'],
      imageUrls: ['https://cdn.example.com/1.jpg'],
      characteristics: {},
    },
    sku: { sku: `${entry.productType}-1`, gtin: '7891234567895', price: 99.9, stock: 7, weightKg: 0.5, dimensionsCm: { length: 20, width: 10, height: 5 } },
    marketplace: BR,
    mapping: {
      productType: entry.productType,
      variationTheme: entry.variationThemes[0],
      attributes: entry.examples.map((e) => ({
        attribute: e.attribute,
        source: { kind: 'constant' as const, value: e.value },
        ...(e.unit === undefined ? {} : { unit: e.unit }),
      })),
    },
    settings: { shippingTemplate: 'Modelo padrão' },
    today: '2026-11-22',
    schema,
  };
}

describe('generated product type schemas', () => {
  it('lists the simulator seed categories', () => {
    expect(index.map((e) => e.productType).sort()).toEqual([
      'ABIS_BOOK',
      'CAMERA_DIGITAL',
      'HEADPHONES',
      'HOME',
      'JEWELRY',
      'LUGGAGE',
      'OFFICE_PRODUCTS',
      'SHIRT',
      'SHOES',
      'SPORTING_GOODS',
      'TOOLS',
      'TOY',
    ]);
  });

  it('match the generator output (run build-product-types.ts after changing it)', () => {
    const { schemas, index: fresh } = buildAll(loadProductType('BRACELET') as JsonObject);

    expect(serialize(fresh)).toBe(readFileSync(`${dir}index.json`, 'utf8'));
    for (const [productType, schema] of Object.entries(schemas)) {
      expect(serialize(schema), productType).toBe(readFileSync(`${dir}${productType}.schema.json`, 'utf8'));
    }
  });

  describe.each(index.map((e) => [e.productType, e] as const))('%s', (productType, entry) => {
    const schema = loadProductType(productType);
    const validator = createListingValidator(schema, translator);

    it('compiles under the Amazon meta-schema and accepts a builder-made listing', () => {
      const listing = buildListing(inputFor(entry, schema));

      expect(validator.productType).toBe(productType);
      expect(validator.validate(listing).issues).toEqual([]);
    });

    it('accepts a builder-made offer on an existing ASIN', () => {
      const offer = buildOfferOnlyListing({ ...inputFor(entry, schema), matchedAsin: 'B0TESTASIN' });

      expect(validator.validate(offer).issues).toEqual([]);
    });

    it('accepts a variation parent and a child that fills its theme attributes, and requires them', () => {
      const input = inputFor(entry, schema);
      const theme = entry.variationThemes[0] ?? '';
      const themeAttributes = theme.split('/').map((token) => entry.themeAttributes[token] ?? token);
      const mapping = {
        ...input.mapping,
        attributes: [
          ...input.mapping.attributes.filter((m) => !themeAttributes.includes(m.attribute)),
          ...themeAttributes.map((a) => ({ attribute: a, source: { kind: 'characteristic' as const, name: `var:${a}` } })),
        ],
      };
      const variation = Object.fromEntries(
        themeAttributes.map((a) => [`var:${a}`, String(entry.examples.find((e) => e.attribute === a)?.value ?? 'Variante A')]),
      );

      const parent = buildListing({ ...input, mapping, sku: { ...input.sku, sku: 'P', gtin: undefined, isVariationParent: true } });
      const child = buildListing({ ...input, mapping, sku: { ...input.sku, sku: 'C', parentSku: 'P', variationAttributes: variation } });
      const childWithoutTheme = buildListing({ ...input, mapping, sku: { ...input.sku, sku: 'C', parentSku: 'P' } });

      expect(validator.validate(parent).issues).toEqual([]);
      expect(validator.validate(child).issues).toEqual([]);
      expect(
        validator
          .validate(childWithoutTheme)
          .issues.map((i) => i.attribute)
          .sort(),
      ).toEqual(expect.arrayContaining(themeAttributes.filter((a) => !(schema['required'] as string[]).includes(a)).sort()));
      expect(requiredAttributes(schema, childWithoutTheme.attributes).conditional).toEqual(
        expect.arrayContaining(themeAttributes.filter((a) => !(schema['required'] as string[]).includes(a))),
      );
    });

    it('reports each category-required attribute when it is missing', () => {
      const listing = buildListing(inputFor(entry, schema));
      for (const attribute of schema['required'] as string[]) {
        const { [attribute]: _removed, ...rest } = listing.attributes;
        const issues = validator.validate({ ...listing, attributes: rest }).issues;
        expect(
          issues.map((i) => [i.attribute, i.code]),
          attribute,
        ).toEqual([[attribute, 'missing']]);
      }
    });
  });
});
