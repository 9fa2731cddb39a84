import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../main/amazon/simulator/product-types/attribute-templates';
import { schemaForMarketplace, widenSchema } from '../../../main/amazon/simulator/product-types/localize';
import { Translator } from '../../../main/i18n';
import { describeCondition } from '../../../main/mapping/conditions';

const BR = 'A2Q3Y263D00KWC';
const schema = (name: string, locale = 'pt_BR') =>
  schemaForMarketplace(
    widenSchema(JSON.parse(readFileSync(new URL(`../../../main/amazon/simulator/product-types/${name}.schema.json`, import.meta.url), 'utf8')) as JsonObject),
    BR,
    locale,
  );

describe('describeCondition', () => {
  const pt = new Translator('pt-BR');

  it("says when an offer attribute applies, in the seller's words", () => {
    expect(describeCondition(schema('SHIRT'), 'list_price', pt)).toBe(
      'Obrigatório quando o item não é o produto pai de uma família de variações e o item tem oferta (preço e estoque).',
    );
  });

  it('names attributes and values by their Portuguese titles and labels', () => {
    expect(describeCondition(schema('TOY'), 'batteries_included', pt)).toBe('Obrigatório quando “Precisa de pilhas ou baterias?” é “Sim”.');
    expect(describeCondition(schema('SHIRT'), 'color', pt)).toContain('o item é uma variação de outro produto');
  });

  it('is null for an attribute no rule requires, and speaks English for an English seller', () => {
    expect(describeCondition(schema('SHIRT'), 'item_name', pt)).toBeNull();
    expect(describeCondition(schema('TOY', 'en_US'), 'batteries_included', new Translator('en'))).toBe('Required when “Are batteries required?” is “Yes”.');
  });
});
