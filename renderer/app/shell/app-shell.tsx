import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SideNav } from './side-nav';
import { TopHeader } from './top-header';
import { CoreBanner } from './core-banner';

/** The hash is the route, so the skip link moves focus itself instead of changing the address. */
function focusContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('content')?.focus();
}

export function AppShell({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation('shell');
  return (
    <div className="shell">
      <a className="skip-link" href="#content" onClick={focusContent}>
        {t('skipToContent')}
      </a>
      <SideNav />
      <div className="shell__main">
        <TopHeader />
        <CoreBanner />
        <main id="content" className="shell__content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
