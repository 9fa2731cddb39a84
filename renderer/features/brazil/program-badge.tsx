import { useTranslation } from 'react-i18next';
import type { OrderFacts } from '../../../preload/contract';

/** The fulfillment program and, where Amazon asks for one, the NF-e state, as the order list shows them. */
export function ProgramBadges({ facts }: { readonly facts: OrderFacts | undefined }) {
  const { t } = useTranslation('brazil');
  if (!facts) return null;
  const nfe = facts.nfeState === 'replaced' ? null : facts.nfeState;
  return (
    <>
      <span className={`program-badge program-badge--${facts.program}`}>{t(`program.${facts.program}`)}</span>
      {facts.needsNfe ? <span className={`nfe-badge nfe-badge--${nfe ?? 'missing'}`}>{t(`nfeShort.${nfe ?? 'missing'}`)}</span> : null}
    </>
  );
}
