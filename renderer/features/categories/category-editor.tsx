import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductTypeSuggestion } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { errorOf, valueOf } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import { chooseProductType, chooseTheme, closeEditor, saveEditor, searchTypes, useCategoriesStore, type ProductTypeChoice } from './categories-store';
import type { MappingScope } from './mapping-scope';
import { themeLabel } from './theme-label';

/** Inline editor of one category: what its products are on Amazon, Amazon's suggestions, a search, and the variation theme. */
export function CategoryEditorPanel({ scope }: { readonly scope: MappingScope }) {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  const editor = useCategoriesStore((s) => s.editor);
  const saving = useCategoriesStore((s) => s.saving);
  const saveError = useCategoriesStore((s) => s.saveError);
  const [keywords, setKeywords] = useState('');
  if (!editor) return null;
  const suggestions = valueOf(editor.suggestions);
  const found = valueOf(editor.search);
  const themes = valueOf(editor.themes) ?? [];
  const why = (s: ProductTypeSuggestion): string =>
    s.evidence
      ? t('categories.evidence', { count: s.evidence.products, of: format.number(s.evidence.of), name: s.displayName })
      : s.matchedBy.map((m) => t(`categories.matchedBy.${m}`)).join(', ');
  const choice = (c: ProductTypeChoice, hint?: string) => (
    <button
      key={c.productType}
      type="button"
      className="choice-chip"
      aria-pressed={editor.productType?.productType === c.productType}
      title={c.productType}
      onClick={() => chooseProductType(scope, c)}
    >
      <strong>{c.displayName}</strong> {hint ? <small>{hint}</small> : null}
    </button>
  );
  return (
    <div className="category-editor" role="region" aria-label={t('categories.editorLabel')}>
      <p className="field-legend">{t('categories.suggestions')}</p>
      {editor.suggestions.status === 'loading' ? <p className="field-help">{t('loading')}</p> : null}
      {errorOf(editor.suggestions) ? <p className="field-error">{errorOf(editor.suggestions)?.message}</p> : null}
      {suggestions && suggestions.length === 0 ? <p className="field-help">{t('categories.noSuggestions')}</p> : null}
      <div className="choice-chips">{suggestions?.map((s) => choice(s, why(s)))}</div>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void searchTypes(scope, editor.categoryId, keywords);
        }}
      >
        <label className="field">
          <span>{t('categories.search')}</span>
          <input value={keywords} onChange={(e) => setKeywords(e.target.value)} placeholder={t('categories.searchPlaceholder')} />
        </label>
        <button type="submit" className="button button--secondary" disabled={keywords.trim() === ''}>
          {t('categories.searchButton')}
        </button>
      </form>
      {errorOf(editor.search) ? <p className="field-error">{errorOf(editor.search)?.message}</p> : null}
      {editor.search.status === 'loading' ? <p className="field-help">{t('loading')}</p> : null}
      {found && found.length === 0 && editor.searched ? (
        <p className="field-help" role="status">
          {t('categories.noResults', { words: editor.searched })}
        </p>
      ) : null}
      <div className="choice-chips">{found?.map((p) => choice(p))}</div>
      {editor.productType ? (
        <label className="field">
          <span>{t('categories.variationTheme')}</span>
          <select value={editor.variationTheme ?? ''} onChange={(e) => chooseTheme(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('categories.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {themeLabel(t, theme)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {errorOf(editor.themes) ? <p className="field-error">{errorOf(editor.themes)?.message}</p> : null}
      {saveError ? <ErrorNotice title={t('categories.saveFailed')} error={saveError} /> : null}
      <div className="form-row">
        <button type="button" className="button" disabled={!editor.productType || saving} onClick={() => void saveEditor(scope)}>
          {editor.productType ? t('categories.save', { productType: editor.productType.displayName }) : t('categories.choose')}
        </button>
        <button type="button" className="button button--secondary" onClick={closeEditor}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
