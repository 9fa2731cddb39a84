import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icon';
import { selectInfo, useAppStore } from '../app-store';
import { hrefFor, selectRouteName, useRouteStore } from '../route-store';
import { navItems } from './nav-items';

export function SideNav() {
  const { t } = useTranslation('shell');
  const current = useRouteStore(selectRouteName);
  const info = useAppStore(selectInfo);
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <div className="side-nav__brand">
        <span className="side-nav__logo" aria-hidden="true">
          V
        </span>
        <span>Vitrine</span>
      </div>
      <ul className="side-nav__list">
        {navItems.map(({ route, icon }) => (
          <li key={route}>
            <a className="side-nav__link" href={hrefFor(route)} aria-current={current === route ? 'page' : undefined}>
              <Icon name={icon} />
              <span>{t(`nav.${route}`)}</span>
            </a>
          </li>
        ))}
      </ul>
      {info ? <p className="side-nav__version">{t('nav.version', { version: info.version })}</p> : null}
    </nav>
  );
}
