import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import './rules.css';
import type { RuleConditionKind } from '../../../preload/contract';
import { useFormat } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';
import { PageHeader } from '../../ui/page-header';
import { selectSelectedAccount, selectSelectedMarketplaceId, useAccountsStore } from '../accounts/accounts-store';
import { ConditionEditor } from './condition-editor';
import { RulePreviewPanel } from './rule-preview';
import {
  changeDraft,
  conditionAdded,
  conditionChanged,
  conditionRemoved,
  deleteRule,
  draftChanged,
  edit,
  loadChoices,
  loadPreview,
  loadRules,
  movePreview,
  PREVIEW_PAGE,
  saveRule,
  selectCanSave,
  selectPreview,
  selectPreviewError,
  selectRules,
  selectRulesError,
  setScope,
  useRulesStore,
} from './rules-store';

const KINDS: readonly RuleConditionKind[] = ['category', 'brand', 'characteristic', 'price', 'stock', 'valid-ean'];
const PREVIEW_DELAY_MS = 300;

/** `#/rules`: rules that select products for the marketplace chosen in the header, with a live preview. */
export function RulesPage() {
  const { t } = useTranslation('rules');
  const format = useFormat();
  const account = useAccountsStore(selectSelectedAccount);
  const marketplaceId = useAccountsStore(selectSelectedMarketplaceId);
  const state = useRulesStore();
  const rules = selectRules(state);
  const preview = selectPreview(state);
  const draft = state.editing?.draft ?? null;

  useEffect(() => {
    setScope(account && marketplaceId ? { accountId: account.id, marketplaceId } : null);
    void loadRules();
    void loadChoices();
  }, [account, marketplaceId]);

  // The preview follows the draft's conditions (compared as JSON), after a short pause in typing.
  const conditionsKey = JSON.stringify(draft?.conditions ?? null);
  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => void loadPreview(), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [conditionsKey, draft === null]);

  if (!state.scope) {
    return (
      <section className="page" aria-labelledby="rules-title">
        <PageHeader id="rules-title" title={t('title')} subtitle={t('subtitle')} />
        <p className="notice notice--info">{t('noScope')}</p>
      </section>
    );
  }

  const rulesError = selectRulesError(state);
  const previewError = selectPreviewError(state);
  return (
    <section className="page" aria-labelledby="rules-title">
      <PageHeader
        id="rules-title"
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <button type="button" className="button button--primary" disabled={state.busy !== null} onClick={() => edit(null)}>
            {t('new')}
          </button>
        }
      />
      {state.notice ? (
        <p className="notice notice--info" role="status" data-testid="rules-notice">
          {t(state.notice.key, state.notice.values)}
        </p>
      ) : null}
      {state.actionError ? <ErrorNotice title={t('failed')} error={state.actionError} /> : null}
      {rulesError ? <ErrorNotice title={t('failed')} error={rulesError} onRetry={() => void loadRules()} /> : null}

      {rules && rules.length === 0 && !draft ? <p className="empty-state">{t('empty')}</p> : null}
      {rules && rules.length > 0 ? (
        <ul className="rules-list" aria-label={t('listLabel')}>
          {rules.map((r) => (
            <li key={r.id} className="card rules-list__item" data-testid={`rule-${r.id}`}>
              <div>
                <strong>{r.name}</strong> {r.enabled ? null : <span className="tag">{t('disabled')}</span>}
                <p className="rules-list__meta">
                  {t('matched', { count: r.matched, n: format.number(r.matched) })} · {t(`onExit.${r.onExit}`)}
                </p>
              </div>
              <div className="rules-list__actions">
                <button type="button" className="button button--secondary button--small" onClick={() => edit(r)}>
                  {t('edit')}
                </button>
                <button type="button" className="button button--danger button--small" disabled={state.busy !== null} onClick={() => void deleteRule(r.id)}>
                  {t('delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {draft ? (
        <form
          className="card rule-editor"
          aria-labelledby="rule-editor-title"
          onSubmit={(e) => {
            e.preventDefault();
            void saveRule();
          }}
        >
          <h2 id="rule-editor-title">{state.editing?.id === undefined ? t('editor.newTitle') : t('editor.editTitle')}</h2>
          <label className="field--stacked">
            {t('editor.name')}
            <input value={draft.name} maxLength={120} onChange={(e) => changeDraft((s) => draftChanged(s, { name: e.target.value }))} required />
          </label>
          <fieldset className="rule-editor__conditions">
            <legend className="field-legend">{t('editor.conditions')}</legend>
            <ol className="rule-conditions">
              {draft.conditions.map((c, i) => (
                <ConditionEditor
                  key={`${state.editing?.id ?? 'new'}-${i}-${c.kind}`}
                  index={i}
                  condition={c}
                  choices={state.choices}
                  format={format}
                  onChange={(next) => changeDraft((s) => conditionChanged(s, i, next))}
                  onRemove={() => changeDraft((s) => conditionRemoved(s, i))}
                />
              ))}
            </ol>
            <label className="field--inline">
              {t('editor.add')}
              <select value="" onChange={(e) => e.target.value && changeDraft((s) => conditionAdded(s, e.target.value as RuleConditionKind))}>
                <option value="">{t('editor.choose')}</option>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
          <fieldset className="choice-group">
            <legend className="field-legend">{t('editor.onExit')}</legend>
            {(['zero-quantity', 'leave'] as const).map((v) => (
              <label key={v} className="choice">
                <input
                  type="radio"
                  name="rule-on-exit"
                  value={v}
                  checked={draft.onExit === v}
                  onChange={() => changeDraft((s) => draftChanged(s, { onExit: v }))}
                />
                {t(`onExit.${v}`)}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input type="checkbox" checked={draft.enabled} onChange={(e) => changeDraft((s) => draftChanged(s, { enabled: e.target.checked }))} />
            {t('editor.enabled')}
          </label>
          {previewError ? <ErrorNotice title={t('previewFailed')} error={previewError} /> : null}
          {preview ? (
            <RulePreviewPanel
              preview={preview}
              conditions={draft.conditions}
              format={format}
              offset={state.previewOffset}
              pageSize={PREVIEW_PAGE}
              onMove={movePreview}
            />
          ) : (
            <p className="rule-editor__hint">{t('editor.incomplete')}</p>
          )}
          <div className="rule-editor__actions">
            <button type="button" className="button button--secondary" onClick={() => changeDraft((s) => ({ ...s, editing: null }))}>
              {t('editor.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={!selectCanSave(state)}>
              {state.busy === 'save' ? t('editor.saving') : t('editor.save')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
