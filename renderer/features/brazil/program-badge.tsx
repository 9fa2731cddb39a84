import { useTranslation } from 'react-i18next';
import type { OrderFacts } from '../../../preload/contract';

/** The fulfillment program and, where Amazon asks for one, the NF-e state, as the order list shows them. */
export function ProgramBadges({ facts }: { readonly facts: OrderFacts | undefined }) {
  const { t } = useTranslation('brazil');
  if (!facts) return null;
  const nfe = facts.nfeState === 'replaced' ? null : facts.nfeState;
  return (
    <>
      {/* The list says it in a word ("DBA"); the full name is the badge's tooltip and what a screen reader reads. */}
      <span className={`program-badge program-badge--${facts.program}`} title={t(`program.${facts.program}`)}>
        <span aria-hidden="true">{t(`programShort.${facts.program}`)}</span>
        <span className="visually-hidden">{t(`program.${facts.program}`)}</span>
      </span>
      {facts.needsNfe ? <span className={`nfe-badge nfe-badge--${nfe ?? 'missing'}`}>{t(`nfeShort.${nfe ?? 'missing'}`)}</span> : null}
    </>
  );
}
