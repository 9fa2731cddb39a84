import type { Db } from '../db/connection';
import { getAccount, setAccountLabel } from '../db/tables/accounts';
import { SUPPORTED_LOCALES, type Translator } from '../i18n';
import { DEMO_ACCOUNT_ID } from './clients';

/**
 * The demo account is named in the seller's language: its label is written when the account is
 * made, so after a change of language (or of the system's, when Vitrine follows it) the stored
 * name is put in the new language — unless it is no longer one of Vitrine's own names for it.
 * Returns whether the label changed.
 */
export function localizeDemoLabel(db: Db, translator: Pick<Translator, 't'>): boolean {
  const demo = getAccount(db, DEMO_ACCOUNT_ID);
  const wanted = translator.t('accounts.demoLabel');
  if (!demo || demo.label === wanted) return false;
  const ours = SUPPORTED_LOCALES.map((lng) => translator.t('accounts.demoLabel', { lng }));
  return ours.includes(demo.label) && setAccountLabel(db, DEMO_ACCOUNT_ID, wanted);
}
