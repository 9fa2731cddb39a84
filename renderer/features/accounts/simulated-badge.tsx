import { useTranslation } from 'react-i18next';

/** Marks the offline simulator's accounts wherever an account shows, so demo data is never mistaken for Amazon's. */
export function SimulatedBadge() {
  const { t } = useTranslation('accounts');
  return (
    <span className="badge badge--simulated" title={t('simulatedHint')}>
      {t('simulated')}
    </span>
  );
}
