import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request, subscribe } from '../../app/api';
import { useFormat } from '../../app/format';
import { ProgressBar } from '../../ui/progress-bar';

/** The kind of `task:progress` main's background catalog matching reports (main/catalog-match/service.ts). */
export const CATALOG_MATCH_KIND = 'ean:catalog-match';

type Shown =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly matched: number };

/**
 * After an import Vitrine looks the catalog's EANs up on Amazon in the background: while it does,
 * the seller sees how far it got; when it ends, how many of their SKUs Amazon already has in the
 * header's marketplace (those go out as offers on the existing product).
 */
export function CatalogMatchProgress({ marketplaceId, marketplace }: { readonly marketplaceId: string | null; readonly marketplace: string | null }) {
  const { t } = useTranslation('products');
  const format = useFormat();
  const [shown, setShown] = useState<Shown>({ state: 'idle' });

  useEffect(() => {
    if (!marketplaceId) return undefined;
    let alive = true;
    const stop = subscribe('task:progress', (p) => {
      if (p.kind !== CATALOG_MATCH_KIND) return;
      if (!p.finished) {
        setShown({ state: 'running', done: p.done, total: p.total ?? 0 });
        return;
      }
      void request('ean:catalog-match-status', { marketplaceId }).then((outcome) => {
        if (!alive || !outcome.ok) return;
        const s = outcome.value;
        setShown(s.running ? { state: 'running', done: s.done, total: s.total } : { state: 'done', matched: s.matched });
      });
    });
    // A pass already under way when the screen opened (its next progress event updates the bar).
    void request('ean:catalog-match-status', { marketplaceId }).then((outcome) => {
      if (alive && outcome.ok && outcome.value.running) setShown({ state: 'running', done: outcome.value.done, total: outcome.value.total });
    });
    return () => {
      alive = false;
      stop();
    };
  }, [marketplaceId]);

  if (shown.state === 'running') {
    const text =
      shown.total > 0 ? t('catalogMatch.running', { done: format.number(shown.done), total: format.number(shown.total) }) : t('catalogMatch.starting');
    return (
      <div className="catalog-match" data-testid="catalog-match">
        <ProgressBar label={t('catalogMatch.label')} text={text} done={shown.done} total={shown.total || null} />
      </div>
    );
  }
  if (shown.state === 'done') {
    return (
      <p className="catalog-match status-line" role="status" data-testid="catalog-match">
        {shown.matched > 0
          ? t(marketplace ? 'catalogMatch.doneIn' : 'catalogMatch.done', { count: shown.matched, n: format.number(shown.matched), marketplace })
          : t('catalogMatch.noneFound')}
      </p>
    );
  }
  return null;
}
