import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { createI18n, matchLocale } from './app/i18n';
import './ui/styles.css';
import './ui/forms.css';
import './ui/wizard.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

const i18n = createI18n(matchLocale(navigator.language));

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
);
