import { describe, expect, it } from 'vitest';
import { themeForVariations } from '../../../main/mapping/themes';

describe('themeForVariations', () => {
  const themes = ['COLOR', 'SIZE', 'SIZE/COLOR', 'STYLE'];

  it("names the store's variations in Amazon's terms, whatever the order and language", () => {
    expect(themeForVariations(themes, ['Cor', 'Tamanho'])).toBe('SIZE/COLOR');
    expect(themeForVariations(themes, ['Size', 'Color'])).toBe('SIZE/COLOR');
    expect(themeForVariations(themes, ['Tamanho'])).toBe('SIZE');
    expect(themeForVariations(['COLOR', 'SIZE_NAME/COLOR_NAME'], ['cor', 'TAMANHO'])).toBe('SIZE_NAME/COLOR_NAME');
  });

  it('answers none when nothing varies, a name means nothing to Amazon, or no allowed theme fits', () => {
    expect(themeForVariations(themes, [])).toBeNull();
    expect(themeForVariations(themes, ['Estampa da sorte'])).toBeNull();
    expect(themeForVariations(['COLOR'], ['Cor', 'Tamanho'])).toBeNull();
  });
});
