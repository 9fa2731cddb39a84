import type { TFunction } from 'i18next';

/**
 * A variation theme in the seller's words: "SIZE/COLOR" → "Tamanho e cor". Tokens without a
 * translation stay as Amazon spells them (they are Amazon's own names).
 */
export function themeLabel(t: TFunction, theme: string): string {
  const words = theme.split('/').map((token, i) => {
    const key = `themeTokens.${token}`;
    const word = t(key);
    const label = word === key ? token : word;
    return i === 0 ? label : label.toLowerCase();
  });
  return words.length <= 1 ? (words[0] ?? theme) : `${words.slice(0, -1).join(', ')} ${t('themeTokens.and')} ${words.at(-1) ?? ''}`;
}
