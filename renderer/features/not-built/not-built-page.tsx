import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route-store';
import { Icon } from '../../ui/icon';

/** An address that matches no screen (a stale link, a typo in a notification route). */
export function NotFoundPage({ path }: { readonly path: string }) {
  const { t } = useTranslation('common');
  return (
    <section className="page" aria-labelledby="not-found-title">
      <div className="card empty-state">
        <Icon name="alert" size={40} />
        <h1 id="not-found-title" className="page-header__title">
          {t('notFound.title')}
        </h1>
        <p>{t('notFound.body', { path })}</p>
        <a className="button button--primary" href={hrefFor('dashboard')}>
          {t('notFound.back')}
        </a>
      </div>
    </section>
  );
}
