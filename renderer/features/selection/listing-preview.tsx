import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { errorOf, valueOf } from '../../app/load';
import { ErrorNotice } from '../../ui/error-notice';
import type { MappingScope } from '../categories/mapping-scope';
import { checkWithAmazon, closePreview, useSelectionStore } from './selection-store';

/** "Prévia Amazon": the exact JSON each SKU would send, whether it changed since the last send, and Amazon's own verdict on demand. */
export function ListingPreviewPanel({ scope }: { readonly scope: MappingScope }) {
  const { t } = useTranslation('mapping');
  const format = useFormat();
  const productId = useSelectionStore((s) => s.previewId);
  const load = useSelectionStore((s) => s.preview);
  const amazonLoad = useSelectionStore((s) => s.amazon);
  if (productId === null) return null;
  const preview = valueOf(load);
  const amazon = valueOf(amazonLoad);
  const error = errorOf(load);
  const amazonError = errorOf(amazonLoad);
  return (
    <aside className="listing-preview" aria-label={t('preview.title')}>
      <div className="form-row">
        <h2>{t('preview.title')}</h2>
        <button type="button" className="button" disabled={amazonLoad.status === 'loading' || !preview} onClick={() => void checkWithAmazon(scope, productId)}>
          {amazonLoad.status === 'loading' ? t('preview.checking') : t('preview.checkAmazon')}
        </button>
        <button type="button" className="button button--secondary" onClick={closePreview}>
          {t('close')}
        </button>
      </div>
      {error ? <ErrorNotice title={t('preview.failed')} error={error} /> : null}
      {amazonError ? <ErrorNotice title={t('preview.amazonFailed')} error={amazonError} /> : null}
      {preview?.skus.map((s) => {
        const verdict = amazon?.results.find((r) => r.sku === s.sku);
        return (
          <section key={s.sku} className="listing-preview__sku" data-sku={s.sku}>
            <h3>
              {s.sku} <span className={`tag tag--${s.status}`}>{t(`status.${s.status}`)}</span>
            </h3>
            <p className="field-help">
              {s.changedSinceSent === null
                ? t('preview.neverSent')
                : s.changedSinceSent
                  ? t('preview.changed', { when: s.lastSentAt === null ? '—' : format.dateTime(s.lastSentAt) })
                  : t('preview.unchanged', { when: s.lastSentAt === null ? '—' : format.dateTime(s.lastSentAt) })}
            </p>
            {s.diff && s.diff.length > 0 ? (
              <details open className="sent-diff" data-testid="sent-diff">
                <summary>{t('preview.diff', { count: s.diff.length })}</summary>
                <ul>
                  {s.diff.map((d) => (
                    <li key={d.attribute}>
                      <strong>{d.attribute}</strong> <span className={`tag sent-diff--${d.change}`}>{t(`preview.change.${d.change}`)}</span>
                      {d.before !== null ? <pre className="listing-json sent-diff__before">{d.before}</pre> : null}
                      {d.after !== null ? <pre className="listing-json sent-diff__after">{d.after}</pre> : null}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            {s.blocked ? <p className="field-error">{s.blocked.message}</p> : null}
            {s.issues.length > 0 ? (
              <ul className="problems">
                {s.issues.map((i) => (
                  <li key={`${i.code}${i.path}`}>{i.message}</li>
                ))}
              </ul>
            ) : null}
            {verdict ? (
              <div className="amazon-verdict" data-testid="amazon-verdict">
                <strong>{t(`preview.amazonStatus.${verdict.status}`)}</strong>
                <ul className="problems">
                  {verdict.issues.map((i) => (
                    <li key={`${i.code}${i.message}`}>
                      {i.explanation}
                      <br />
                      <span className="field-help">
                        [{i.severity} {i.code}] {i.message}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {s.json ? <pre className="listing-json">{s.json}</pre> : null}
          </section>
        );
      })}
    </aside>
  );
}
