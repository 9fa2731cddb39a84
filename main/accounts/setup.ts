import { startPeriodicTask } from '../background/periodic-task';
import type { Services } from '../services';
import { accountsServiceFor, type AccountsService } from './service';
import { createLogger } from '../log/logger';
import type { CredentialsRejection } from './clients';

const logger = createLogger('accounts');
const DAY = 86_400_000;

/**
 * Start-up work of the accounts feature: the demo account on a fresh install, then a daily check
 * of credential expiry (a periodic task, so a computer that slept through the day still checks).
 */
export function setupAccounts(services: Services): AccountsService {
  const accounts = accountsServiceFor(services);
  accounts.ensureDemoAccount().catch((err: unknown) => logger.error('could not create the demo account', err));
  startPeriodicTask(services, { name: 'accounts/reminders', everyMs: DAY, firstAfterMs: 0, run: () => accounts.notifyReminders() });
  const unsubscribe = services.amazon.onCredentialsRejected((rejection) => notifyRejected(services, rejection));
  services.onClose(unsubscribe);
  return accounts;
}

/**
 * LWA refused an account's credentials: the seller hears it once, with what to do (a native
 * notification that opens Contas), and the open window refreshes the account's state.
 */
export function notifyRejected(services: Services, rejection: CredentialsRejection): void {
  const { t } = services.translator;
  const body = services.translator.has(`accounts.credentials.rejectedBody.${rejection.code}`)
    ? `accounts.credentials.rejectedBody.${rejection.code}`
    : 'accounts.credentials.rejectedBody.other';
  services.notifier.notify({
    title: t('accounts.credentials.rejectedTitle', { label: rejection.label }),
    body: t(body, { label: rejection.label, code: rejection.code }),
    // The page that explains the refusal and takes the new credentials.
    route: `/accounts/${rejection.accountId}/credentials`,
  });
  services.tasks.emit('accounts:changed', { accountId: rejection.accountId });
}
