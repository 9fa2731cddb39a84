import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/error-notice';
import { subscribe } from './api';
import { loadAppInfo, selectInfoLoad, selectLocale, useAppStore } from './app-store';
import { CurrentPage } from './pages';
import { bindHashRouting, navigateTo } from './route-store';
import { AppShell } from './shell/app-shell';

/** Wires the process-level pieces once: app info, the language main chose, hash routing, pushes. */
function useBoot(): void {
  const { i18n } = useTranslation();
  const locale = useAppStore(selectLocale);

  useEffect(() => {
    void loadAppInfo();
    const stopRouting = bindHashRouting(window);
    const stopNavigate = subscribe('app:navigate', ({ route }) => navigateTo(window, route));
    return () => {
      stopRouting();
      stopNavigate();
    };
  }, []);

  useEffect(() => {
    if (!locale) return;
    document.documentElement.lang = locale;
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [i18n, locale]);
}

export function App() {
  const { t } = useTranslation('shell');
  useBoot();
  const info = useAppStore(selectInfoLoad);
  const locale = useAppStore(selectLocale);
  switch (info.status) {
    case 'ready':
      return (
        <AppShell>
          {/* A new language remounts the page: texts main already wrote (reasons, previews) are asked again in it. */}
          <CurrentPage key={locale ?? ''} />
        </AppShell>
      );
    case 'failed':
      return (
        <main className="boot">
          <ErrorNotice title={t('boot.failed')} error={info.error} onRetry={() => void loadAppInfo()} />
        </main>
      );
    default:
      return (
        <main className="boot" aria-busy="true">
          <p role="status">{t('boot.loading')}</p>
        </main>
      );
  }
}
