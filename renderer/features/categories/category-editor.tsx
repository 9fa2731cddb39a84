import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorOf, valueOf } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import { chooseProductType, chooseTheme, closeEditor, saveEditor, searchTypes, useCategoriesStore } from './categories-store';
import type { MappingScope } from './mapping-scope';

/** Inline editor of one category: Amazon's suggestions, a keyword search, and the variation theme. */
export function CategoryEditorPanel({ scope }: { readonly scope: MappingScope }) {
  const { t } = useTranslation('mapping');
  const editor = useCategoriesStore((s) => s.editor);
  const saving = useCategoriesStore((s) => s.saving);
  const saveError = useCategoriesStore((s) => s.saveError);
  const [keywords, setKeywords] = useState('');
  if (!editor) return null;
  const suggestions = valueOf(editor.suggestions);
  const found = valueOf(editor.search);
  const themes = valueOf(editor.themes) ?? [];
  const choice = (productType: string, label: string, hint?: string) => (
    <button
      key={productType}
      type="button"
      className="choice-chip"
      aria-pressed={editor.productType === productType}
      onClick={() => chooseProductType(scope, productType)}
    >
      <strong>{productType}</strong> {label !== productType ? label : null} {hint ? <small>{hint}</small> : null}
    </button>
  );
  return (
    <div className="category-editor" role="region" aria-label={t('categories.editorLabel')}>
      <p className="field-legend">{t('categories.suggestions')}</p>
      {editor.suggestions.status === 'loading' ? <p className="field-help">{t('loading')}</p> : null}
      {errorOf(editor.suggestions) ? <p className="field-error">{errorOf(editor.suggestions)?.message}</p> : null}
      {suggestions && suggestions.length === 0 ? <p className="field-help">{t('categories.noSuggestions')}</p> : null}
      <div className="choice-chips">
        {suggestions?.map((s) => choice(s.productType, s.displayName, s.matchedBy.map((m) => t(`categories.matchedBy.${m}`)).join(', ')))}
      </div>
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
        <button type="submit" className="button button--secondary">
          {t('categories.searchButton')}
        </button>
      </form>
      {errorOf(editor.search) ? <p className="field-error">{errorOf(editor.search)?.message}</p> : null}
      <div className="choice-chips">{found?.map((p) => choice(p.productType, p.displayName))}</div>
      {editor.productType ? (
        <label className="field">
          <span>{t('categories.variationTheme')}</span>
          <select value={editor.variationTheme ?? ''} onChange={(e) => chooseTheme(e.target.value === '' ? null : e.target.value)}>
            <option value="">{t('categories.noTheme')}</option>
            {themes.map((theme) => (
              <option key={theme} value={theme}>
                {theme}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {errorOf(editor.themes) ? <p className="field-error">{errorOf(editor.themes)?.message}</p> : null}
      {saveError ? <ErrorNotice title={t('categories.saveFailed')} error={saveError} /> : null}
      <div className="form-row">
        <button type="button" className="button" disabled={!editor.productType || saving} onClick={() => void saveEditor(scope)}>
          {editor.productType ? t('categories.save', { productType: editor.productType }) : t('categories.choose')}
        </button>
        <button type="button" className="button button--secondary" onClick={closeEditor}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
