import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/route-store';

/** The Amazon panel's steps, as in the store platforms sellers know: categories, characteristics, products. */
export function MappingTabs({ current }: { readonly current: 'categories' | 'characteristics' | 'include' }) {
  const { t } = useTranslation('mapping');
  const tabs = [
    { key: 'categories', href: hrefFor('categories') },
    { key: 'characteristics', href: hrefFor('characteristics') },
    { key: 'include', href: hrefFor('categories', 'include') },
  ] as const;
  return (
    <nav className="mapping-tabs" aria-label={t('tabs.label')}>
      {tabs.map((tab) => (
        <a key={tab.key} href={tab.href} className="mapping-tabs__tab" aria-current={tab.key === current ? 'page' : undefined}>
          {t(`tabs.${tab.key}`)}
        </a>
      ))}
    </nav>
  );
}
