import { useTranslation } from 'react-i18next';
import type { Checklist as ChecklistData } from '../../../preload/contract';
import type { Formatters } from '../../app/format';
import { Icon } from '../../ui/icon';
import { checklistSteps, type Step } from './checklist-store';

/** Numbers in a step's sentence, in the locale's digits (`count` also picks the plural form). */
function formatted(step: Step, format: Formatters): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(step.values).flatMap(([k, v]) =>
      typeof v === 'number'
        ? [
            [k, v],
            [`${k}N`, format.number(v)],
          ]
        : [[k, v]],
    ),
  );
}

/**
 * "Primeiros passos": the Tray panel's path from an account to products live on Amazon, each step
 * with where it stands for the header's marketplace and the screen that moves it on.
 */
export function Checklist({ checklist, format }: { readonly checklist: ChecklistData; readonly format: Formatters }) {
  const { t } = useTranslation('dashboard');
  const steps = checklistSteps(checklist);
  const done = steps.filter((s) => s.state === 'done').length;
  return (
    <section className="card checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <div className="checklist__head">
        <h2 id="checklist-title" className="card__title">
          {done === steps.length ? t('checklist.allDone') : t('checklist.title')}
        </h2>
        <p className="checklist__progress">{t('checklist.progress', { done, total: steps.length })}</p>
      </div>
      <ol className="checklist__steps">
        {steps.map((step, i) => (
          <li
            key={step.id}
            className={`checklist__step checklist__step--${step.state}`}
            data-step={step.id}
            data-state={step.state}
            aria-current={step.state === 'current' ? 'step' : undefined}
          >
            <span className="checklist__marker" aria-hidden="true">
              {step.state === 'done' ? <Icon name="check" size={16} /> : i + 1}
            </span>
            <div className="checklist__text">
              <p className="checklist__name">{t(`checklist.steps.${step.id}.title`)}</p>
              <span className="visually-hidden">{t(`checklist.states.${step.state}`)}</span>
              <p className="checklist__detail">{t(`checklist.steps.${step.detail}`, formatted(step, format))}</p>
            </div>
            <a className={`button button--small ${step.state === 'current' ? 'button--primary' : 'button--secondary'}`} href={step.href}>
              {t(`checklist.actions.${step.action}`)}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
