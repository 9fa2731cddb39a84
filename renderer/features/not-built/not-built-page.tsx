import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route-store';
import { Icon } from '../../ui/icon';

/** A screen that does not exist yet says so plainly instead of pretending to work. */
export function NotBuiltPage({ screen }: { readonly screen: string }) {
  const { t } = useTranslation('common');
  return (
    <section className="page" aria-labelledby="not-built-title">
      <div className="card empty-state">
        <Icon name="construction" size={40} />
        <h1 id="not-built-title" className="page-header__title">
          {t('notBuilt.title', { screen })}
        </h1>
        <p>{t('notBuilt.body')}</p>
        <a className="button button--primary" href={hrefFor('dashboard')}>
          {t('notBuilt.back')}
        </a>
      </div>
    </section>
  );
}

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
