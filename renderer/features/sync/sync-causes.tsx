import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncCauseGroup, SyncFix, SyncOverview } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { valueOf, type Load } from '../../app/load';
import { hrefFor } from '../../app/route-store';
import { Icon } from '../../ui/icon';
import { RestrictionCauseList } from './restriction-notice';
import { showCause, useSyncStore } from './sync-store';

/** Causes shown before "show more": the page stays about one screen tall. */
export const CAUSES_SHOWN = 4;

/** Where the seller fixes a cause. */
export function fixHref(fix: SyncFix): string {
  switch (fix.screen) {
    case 'characteristics':
      return fix.param ? hrefFor('characteristics', fix.param) : hrefFor('characteristics');
    case 'selection':
      return hrefFor('categories', 'include');
    case 'categories':
    case 'products':
    case 'accounts':
    case 'linking':
    case 'rules':
    case 'settings':
      return hrefFor(fix.screen);
  }
}

/** Products Amazon restricts (or is still being asked about): each with its reason and approval link. */
function restrictionReason(group: SyncCauseGroup): 'restricted' | 'restriction_pending' | null {
  return group.cause.kind === 'reason' && (group.cause.reason === 'restricted' || group.cause.reason === 'restriction_pending') ? group.cause.reason : null;
}

function CauseItem({ group, format }: { readonly group: SyncCauseGroup; readonly format: Formatters }) {
  const { t } = useTranslation('sync');
  const scope = useSyncStore((s) => s.scope);
  const restriction = restrictionReason(group);
  return (
    <li className="sync-cause" data-testid="sync-cause">
      <p className="sync-cause__title">
        <strong className="sync-cause__count">{t('causes.products', { count: group.skus, n: format.number(group.skus) })}</strong>
        <span className="sync-cause__label">{group.label}</span>
      </p>
      <p className="sync-cause__hint">{group.hint}</p>
      {group.amazonMessage ? (
        <details className="sync-cause__amazon">
          <summary>{t('causes.amazonSays')}</summary>
          <blockquote>{group.amazonMessage}</blockquote>
        </details>
      ) : null}
      {restriction && scope ? (
        <RestrictionCauseList accountId={scope.accountId} marketplaceId={scope.marketplaceId} reason={restriction} count={group.skus} format={format} />
      ) : null}
      <div className="sync-cause__actions">
        {group.fix ? (
          <a className="button button--primary button--small" href={fixHref(group.fix)}>
            {t(`causes.fix.${group.fix.screen}`)}
          </a>
        ) : null}
        <button type="button" className="button button--secondary button--small" onClick={() => void showCause({ cause: group.cause, label: group.label })}>
          {t('causes.show', { count: group.skus })}
        </button>
      </div>
    </li>
  );
}

/**
 * "Precisa da sua atenção": the rows Amazon refused or Vitrine could not send, one line per cause
 * ("31 produtos · Falta preencher: Cor") with the screen that fixes it. Products left out by the
 * seller's own choice are counted apart, folded.
 */
export function SyncCauses({ overview, format }: { readonly overview: Load<SyncOverview>; readonly format: Formatters }) {
  const { t } = useTranslation('sync');
  const [all, setAll] = useState(false);
  const value = valueOf(overview);
  if (!value) return null;
  const action = value.groups.filter((g) => g.needsAction);
  const chosen = value.groups.filter((g) => !g.needsAction);
  const shown = all ? action : action.slice(0, CAUSES_SHOWN);
  const chosenTotal = chosen.reduce((n, g) => n + g.skus, 0);
  const live = value.counts.live ?? 0;
  if (action.length === 0 && chosen.length === 0 && !value.failedRun && live === 0) return null;
  return (
    <section className="card sync-causes" aria-labelledby="sync-causes-title">
      <h2 id="sync-causes-title" className="card__title">
        {action.length > 0 || value.failedRun ? t('causes.title') : t('causes.allGood')}
      </h2>
      {value.failedRun ? (
        <div className="notice notice--error sync-causes__run" role="alert">
          <Icon name="alert" />
          <div className="notice__body">
            <p className="notice__title">{t('causes.runFailed', { when: format.dateTime(value.failedRun.at) })}</p>
            <p>{value.failedRun.message}</p>
          </div>
          <a className="button button--secondary button--small" href={hrefFor('accounts')}>
            {t('causes.fix.accounts')}
          </a>
        </div>
      ) : null}
      {action.length === 0 && !value.failedRun && live > 0 ? (
        <p className="notice notice--success" data-testid="sync-all-good">
          {t('causes.allLive', { count: live, n: format.number(live) })}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <ul className="sync-causes__list" aria-label={t('causes.listLabel')}>
          {shown.map((g) => (
            <CauseItem key={JSON.stringify(g.cause)} group={g} format={format} />
          ))}
        </ul>
      ) : null}
      {action.length > CAUSES_SHOWN ? (
        <button type="button" className="button button--secondary button--small" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('causes.fewer') : t('causes.more', { count: action.length - CAUSES_SHOWN })}
        </button>
      ) : null}
      {chosen.length > 0 ? (
        <details className="sync-causes__chosen">
          <summary>{t('causes.chosen', { count: chosenTotal, n: format.number(chosenTotal) })}</summary>
          <ul className="sync-causes__list">
            {chosen.map((g) => (
              <CauseItem key={JSON.stringify(g.cause)} group={g} format={format} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
