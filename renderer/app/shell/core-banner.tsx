import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../preload/contract';
import { subscribe } from '../api';

type CoreState = EventPayload<'app:core-state'>['state'];

/**
 * Vitrine's work runs in a process of its own; if it stops, it is restarted and nothing saved is
 * lost. While that happens (or if it cannot be restarted) the window says so instead of failing
 * quietly.
 */
export function CoreBanner() {
  const { t } = useTranslation('shell');
  const [state, setState] = useState<CoreState>('running');
  useEffect(() => subscribe('app:core-state', (payload) => setState(payload.state)), []);
  if (state !== 'restarting' && state !== 'failed') return null;
  return (
    <div className={`core-banner core-banner--${state}`} role={state === 'failed' ? 'alert' : 'status'}>
      {t(state === 'failed' ? 'core.failed' : 'core.restarting')}
    </div>
  );
}
