import { useTranslation } from 'react-i18next';
import type { PreviewProduct, RuleCondition, RulePreview } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { hrefFor } from '../../app/route-store';

export interface RulePreviewProps {
  readonly preview: RulePreview;
  readonly conditions: readonly RuleCondition[];
  readonly format: Formatters;
  readonly offset: number;
  readonly pageSize: number;
  readonly onMove: (offset: number) => void;
}

/** "Why excluded" in the seller's words, from the product's own value for the failed condition. */
function useReason(format: Formatters) {
  const { t } = useTranslation('rules');
  return (f: PreviewProduct['failed'][number]): string => {
    switch (f.kind) {
      case 'price': {
        if (f.actual === null) return t('reason.priceNone');
        const [min = '0', max = '0'] = f.actual.split('|');
        return min === max
          ? t('reason.price', { price: format.price(Number(min)) })
          : t('reason.priceRange', { min: format.price(Number(min)), max: format.price(Number(max)) });
      }
      case 'stock':
        return t('reason.stock', { count: Number(f.actual ?? 0) });
      case 'valid-ean': {
        const [bad = '0', total = '0'] = (f.actual ?? '0/0').split('/');
        return Number(total) === 0
          ? t('reason.noActiveSku')
          : t('reason.validEan', { count: Number(total), bad: format.number(Number(bad)), total: format.number(Number(total)) });
      }
      default:
        return f.actual === null ? t(`reason.${f.kind}None`) : t(`reason.${f.kind}`, { value: f.actual });
    }
  };
}

/** Would an included product be sent? "Pronto" or the first reason it would not (the others on hover and for screen readers). */
function Readiness({ readiness }: { readonly readiness: NonNullable<PreviewProduct['readiness']> }) {
  const { t } = useTranslation('rules');
  if (readiness.status === 'ready') return <span className="tag tag--ok">{t('preview.ready')}</span>;
  const [first, ...rest] = readiness.problems;
  return (
    <div className="rule-preview__not-ready">
      <span className={`tag tag--${readiness.status}`}>{t('preview.notReady')}</span>
      {first ? <span className="rule-preview__problem">{first}</span> : null}
      {rest.length > 0 ? (
        <details>
          <summary>{t('preview.moreProblems', { count: rest.length })}</summary>
          <ul className="rule-preview__reasons">
            {rest.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function Rows({
  items,
  reason,
  excluded,
}: {
  readonly items: readonly PreviewProduct[];
  readonly reason: (f: PreviewProduct['failed'][number]) => string;
  readonly excluded: boolean;
}) {
  const { t } = useTranslation('rules');
  const readiness = !excluded && items.some((p) => p.readiness);
  return (
    <table className="data-table rule-preview__table">
      <thead>
        <tr>
          <th scope="col">{t('preview.product')}</th>
          {excluded ? <th scope="col">{t('preview.why')}</th> : null}
          {readiness ? <th scope="col">{t('preview.sending')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.productId} data-product-key={p.key}>
            <td>
              <a href={hrefFor('products', String(p.productId))}>{p.title}</a>
              <span className="rule-preview__key">{p.key}</span>
            </td>
            {excluded ? (
              <td>
                <ul className="rule-preview__reasons">
                  {p.failed.map((f) => (
                    <li key={f.index}>{reason(f)}</li>
                  ))}
                </ul>
              </td>
            ) : null}
            {readiness ? <td data-testid="rule-preview-readiness">{p.readiness ? <Readiness readiness={p.readiness} /> : '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the draft selects right now: totals, rejections per condition, and a page of each side. */
export function RulePreviewPanel({ preview, conditions, format, offset, pageSize, onMove }: RulePreviewProps) {
  const { t } = useTranslation('rules');
  const reason = useReason(format);
  const excluded = preview.total - preview.included;
  const more = offset + pageSize < Math.max(preview.included, excluded);
  return (
    <section className="rule-preview" aria-labelledby="rule-preview-title" data-testid="rule-preview">
      <h3 id="rule-preview-title">{t('preview.title')}</h3>
      <p className="rule-preview__summary" data-testid="rule-preview-summary">
        {t('preview.summary', { count: preview.included, included: format.number(preview.included), total: format.number(preview.total) })}
      </p>
      {preview.readyIncluded !== undefined && preview.included > 0 ? (
        <p
          className={`notice ${preview.readyIncluded === preview.included ? 'notice--success' : 'notice--warning'} rule-preview__ready`}
          data-testid="rule-preview-ready"
        >
          {preview.readyIncluded === null
            ? t('preview.readyUnknown')
            : preview.readyIncluded === preview.included
              ? t('preview.allReady', { count: preview.included, n: format.number(preview.included) })
              : t('preview.someReady', { count: preview.included, ready: format.number(preview.readyIncluded), n: format.number(preview.included) })}
        </p>
      ) : null}
      <ul className="rule-preview__failing">
        {conditions.map((c, i) => (
          <li key={i} data-testid={`rule-preview-failing-${i}`}>
            {t('preview.failing', { kind: t(`kind.${c.kind}`), count: preview.failing[i] ?? 0, n: format.number(preview.failing[i] ?? 0) })}
          </li>
        ))}
      </ul>
      <div className="rule-preview__columns">
        <div>
          <h4>{t('preview.included', { count: preview.included, n: format.number(preview.included) })}</h4>
          <Rows items={preview.includedPage} reason={reason} excluded={false} />
        </div>
        <div>
          <h4>{t('preview.excluded', { count: excluded, n: format.number(excluded) })}</h4>
          <Rows items={preview.excludedPage} reason={reason} excluded />
        </div>
      </div>
      {offset > 0 || more ? (
        <nav className="rule-preview__pager" aria-label={t('preview.pager')}>
          <button type="button" className="button button--secondary button--small" disabled={offset === 0} onClick={() => onMove(offset - pageSize)}>
            {t('preview.previous')}
          </button>
          <button type="button" className="button button--secondary button--small" disabled={!more} onClick={() => onMove(offset + pageSize)}>
            {t('preview.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
