import { describe, expect, it } from 'vitest';
import { containsPhrase, findLeaks, forbiddenFor } from './leaks';

describe('English leak detection', () => {
  const forbidden = forbiddenFor('pt-BR', ['en']);

  it('forbids English phrases and one-word labels that pt-BR translates', () => {
    expect(forbidden.phrases.get('Try again')).toBe('renderer:common.json:retry');
    expect(forbidden.words.has('Products')).toBe(true);
  });

  it('allows what both languages write alike and Amazon names kept inside pt-BR text', () => {
    for (const same of ['SKU', 'EAN', 'ASIN', 'Amazon', 'Marketplace']) expect(forbidden.words.has(same), same).toBe(false);
    expect([...forbidden.phrases.keys()].filter((p) => p === 'Seller Central' || p === 'Amazon.com.br')).toEqual([]);
  });

  it('matches the fixed fragments of an interpolated string, not the values around them', () => {
    // "The file {{file}} was not found." → "The file", "was not found"
    expect(forbidden.phrases.has('was not found')).toBe(true);
    const leaks = findLeaks(['O arquivo produtos.xlsx was not found.', 'Produtos', 'Try again', '  Products  '], forbidden);
    expect(leaks.map((l) => l.found)).toEqual(['was not found', 'Try again', 'Products']);
  });

  it('reads a one-word label only as a whole text, so product data containing the word passes', () => {
    expect(findLeaks(['Camiseta Products Brasil', 'Products:'], forbidden).map((l) => l.text)).toEqual(['Products:']);
  });

  it('finds phrases on word boundaries only', () => {
    expect(containsPhrase('Try again later', 'Try again')).toBe(true);
    expect(containsPhrase('Try against', 'Try again')).toBe(false);
    expect(containsPhrase('xTry again', 'Try again')).toBe(false);
  });

  it('forbids Portuguese phrases on a Spanish screen, but not the Portuguese words a Brazilian store uses as data', () => {
    const es = forbiddenFor('es', ['en', 'pt-BR'], { wordsFrom: ['en'] });
    expect(es.phrases.get('Tentar de novo')).toBe('renderer:common.json:retry');
    expect(es.words.has('Produtos')).toBe(false);
    expect(es.words.has('Products')).toBe(true);
    expect(es.words.has('Marketplace')).toBe(false);
  });

  it('needs a fragment cut by placeholders to be long enough to mean something', () => {
    // "{{label}} has a value of the wrong kind (expected {{expected}}): fix the product's {{storeField}} column"
    expect(forbidden.phrases.has('column')).toBe(false);
    expect(forbiddenFor('es', ['pt-BR']).phrases.has('do produto')).toBe(false);
  });

  it("leaves out Amazon's and the seller's own words before reading a text", () => {
    const quoted = ['Palavra-chave do tipo de item', 'Demonstração — simulador offline'];
    const es = forbiddenFor('es', ['pt-BR'], { wordsFrom: [] });
    const texts = ['Palavra-chave do tipo de item item_type_keyword obligatorio', 'Demonstração — simulador offline (Simulada)'];
    expect(findLeaks(texts, es).length).toBeGreaterThan(0);
    expect(findLeaks(texts, es, quoted)).toEqual([]);
  });
});
