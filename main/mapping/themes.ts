import { foldText } from './product-type-names';

/** Amazon theme tokens a store's variation name stands for, in the languages sellers write. */
const TOKENS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^(cor|cores|color|colour|colores)$/, ['COLOR', 'COLOR_NAME']],
  [/^(tamanho|tamanhos|tam|size|talla|numero|numeracao|storlek)$/, ['SIZE', 'SIZE_NAME', 'FOOTWEAR_SIZE']],
  [/^(material|materiais)$/, ['MATERIAL', 'MATERIAL_TYPE']],
  [/^(estilo|style|estilos)$/, ['STYLE', 'STYLE_NAME']],
  [/^(modelo|model)$/, ['MODEL', 'MODEL_NAME', 'MODEL_NUMBER']],
  [/^(sabor|flavor|flavour)$/, ['FLAVOR', 'FLAVOR_NAME']],
  [/^(quantidade|qtd|unidades|pack)$/, ['NUMBER_OF_ITEMS', 'ITEM_PACKAGE_QUANTITY']],
  [/^(metal)$/, ['METAL_TYPE']],
];

/** The variation themes a product type schema allows (`variation_theme.items.properties.name.enum`). */
export function schemaThemes(schema: Readonly<Record<string, unknown>>): string[] {
  const props = schema['properties'] as Record<string, unknown> | undefined;
  const theme = props?.['variation_theme'] as { items?: { properties?: { name?: { enum?: unknown } } } } | undefined;
  const values = theme?.items?.properties?.name?.enum;
  return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * The theme that says exactly what varies in the store ("Cor" and "Tamanho" → SIZE/COLOR):
 * each of its tokens stands for one of the store's variation names and each name for one token.
 * Null when the store has no variations or no allowed theme fits.
 */
export function themeForVariations(themes: readonly string[], variationNames: readonly string[]): string | null {
  const wanted = variationNames.map((n) => TOKENS.find(([pattern]) => pattern.test(foldText(n)))?.[1] ?? null);
  if (wanted.length === 0 || wanted.some((w) => w === null)) return null;
  const fits = themes.filter((theme) => {
    const tokens = theme.split('/');
    if (tokens.length !== wanted.length) return false;
    const used = new Set<number>();
    return tokens.every((token) => {
      const i = wanted.findIndex((w, index) => !used.has(index) && w?.includes(token));
      if (i < 0) return false;
      used.add(i);
      return true;
    });
  });
  return fits[0] ?? null;
}
