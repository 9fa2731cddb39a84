import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SendSchedule } from '../../../preload/contract';
import { request, type ApiError } from '../../app/api';
import { useFormat, type Formatters } from '../../app/format';
import { ErrorNotice } from '../../ui/error-notice';

/** The choices offered (main accepts any whole minute within its bounds; these cover what a shop needs). */
const FULL_CHOICES = [30, 60, 120, 180, 240, 360, 480, 720, 1440] as const;
const FAST_CHOICES = [5, 10, 15, 20, 30, 45, 60, 90, 120] as const;
const DEFAULTS = { fullMinutes: 120, fastMinutes: 15 } as const;

type Lane = 'full' | 'fast';

/** "a cada 2 horas", "a cada 15 minutos" in the seller's language; the default is marked. */
function choiceLabel(t: TFunction<'settings'>, format: Formatters, minutes: number, isDefault: boolean): string {
  const text =
    minutes < 60 || minutes % 30 !== 0
      ? t('sendSchedule.minutes', { count: minutes, n: format.number(minutes) })
      : t('sendSchedule.hours', { count: minutes / 60, n: format.number(minutes / 60) });
  return isDefault ? t('sendSchedule.default', { choice: text }) : text;
}

/**
 * How often Vitrine sends, for every account: the full cycle and the stock/price update. Main
 * checks the bounds and moves the next runs at once (no restart).
 */
export function SendScheduleSettings() {
  const { t } = useTranslation('settings');
  const format = useFormat();
  const [saved, setSaved] = useState<SendSchedule | null>(null);
  const [draft, setDraft] = useState<{ fullMinutes: number; fastMinutes: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    void request('sync:get-schedule').then((o) => {
      if (!live) return;
      if (o.ok) {
        setSaved(o.value);
        setDraft({ fullMinutes: o.value.fullMinutes, fastMinutes: o.value.fastMinutes });
      } else setError(o.error);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!saved || !draft) return error ? <ErrorNotice title={t('sendSchedule.loadFailed')} error={error} /> : null;
  const changed = draft.fullMinutes !== saved.fullMinutes || draft.fastMinutes !== saved.fastMinutes;
  const tooRare = draft.fastMinutes > draft.fullMinutes;

  const save = async () => {
    setBusy(true);
    setError(null);
    const outcome = await request('sync:set-schedule', draft);
    setBusy(false);
    if (outcome.ok) {
      setSaved(outcome.value);
      setDone(true);
    } else setError(outcome.error);
  };

  const select = (lane: Lane, choices: readonly number[]) => {
    const key = lane === 'full' ? 'fullMinutes' : 'fastMinutes';
    const options = choices.includes(draft[key]) ? choices : [...choices, draft[key]].sort((a, b) => a - b);
    return (
      <div className="field">
        <label htmlFor={`send-schedule-${lane}`} className="field-legend">
          {t(`sendSchedule.${lane}.label`)}
        </label>
        <select
          id={`send-schedule-${lane}`}
          value={draft[key]}
          aria-describedby={`send-schedule-${lane}-help`}
          disabled={busy}
          onChange={(e) => {
            setDone(false);
            setDraft({ ...draft, [key]: Number(e.target.value) });
          }}
        >
          {options.map((m) => (
            <option key={m} value={m}>
              {choiceLabel(t, format, m, m === DEFAULTS[key])}
            </option>
          ))}
        </select>
        <span id={`send-schedule-${lane}-help`} className="field-help">
          {t(`sendSchedule.${lane}.help`)}
        </span>
      </div>
    );
  };

  return (
    <section className="card settings-section" aria-labelledby="settings-schedule-title" data-testid="send-schedule">
      <h2 id="settings-schedule-title" className="card__title">
        {t('sendSchedule.title')}
      </h2>
      <p className="card__description">{t('sendSchedule.description')}</p>
      <div className="form-row">
        {select('full', FULL_CHOICES)}
        {select('fast', FAST_CHOICES)}
      </div>
      {tooRare ? <p className="field-error">{t('sendSchedule.fastLonger')}</p> : null}
      <p className="settings-section__action">
        <button type="button" className="button button--primary" disabled={busy || !changed || tooRare} onClick={() => void save()}>
          {busy ? t('sendSchedule.saving') : t('sendSchedule.save')}
        </button>
      </p>
      <p className="status-line" role="status">
        {done && !changed ? t('sendSchedule.saved', { full: format.dateTime(saved.nextFull), fast: format.dateTime(saved.nextFast) }) : ''}
      </p>
      {error ? <ErrorNotice title={t('sendSchedule.failed')} error={error} /> : null}
    </section>
  );
}
