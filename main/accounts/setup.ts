import type { Services } from '../services';
import { AccountsService } from './service';
import { createLogger } from '../log/logger';

const logger = createLogger('accounts');
const DAY = 86_400_000;

/**
 * Start-up work of the accounts feature: the demo account on a fresh install, then a daily check
 * of credential expiry (a chained timer, stopped on quit).
 */
export function setupAccounts(services: Services): AccountsService {
  const accounts = new AccountsService(services, services.amazon);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    try {
      accounts.notifyReminders();
    } catch (err) {
      logger.error('credential reminders failed', err);
    }
    timer = setTimeout(tick, DAY);
    timer.unref();
  };
  accounts.ensureDemoAccount().catch((err: unknown) => logger.error('could not create the demo account', err));
  tick();
  services.onClose(() => {
    stopped = true;
    clearTimeout(timer);
  });
  return accounts;
}
