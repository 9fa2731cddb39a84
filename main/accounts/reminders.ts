import type { AccountRow } from '../db/tables/accounts';

const DAY = 86_400_000;
/** Amazon requires rotating the LWA client secret every 180 days; refresh tokens need re-authorization yearly. */
export const CLIENT_SECRET_LIFETIME_DAYS = 180;
export const AUTHORIZATION_LIFETIME_DAYS = 365;
/** Start reminding this many days ahead. */
export const REMIND_AHEAD_DAYS = 30;

export type ReminderKind = 'client-secret-rotation' | 'authorization-renewal';

export interface Reminder {
  readonly kind: ReminderKind;
  readonly dueAt: number;
  readonly daysLeft: number;
}

/** Reminders due for an account at `now` (simulated accounts never expire). */
export function dueReminders(account: Pick<AccountRow, 'kind' | 'clientSecretSetAt' | 'authorizedAt'>, now: number): Reminder[] {
  if (account.kind !== 'amazon') return [];
  const candidates: Reminder[] = [
    { kind: 'client-secret-rotation', dueAt: account.clientSecretSetAt + CLIENT_SECRET_LIFETIME_DAYS * DAY, daysLeft: 0 },
    { kind: 'authorization-renewal', dueAt: account.authorizedAt + AUTHORIZATION_LIFETIME_DAYS * DAY, daysLeft: 0 },
  ];
  return candidates.map((r) => ({ ...r, daysLeft: Math.ceil((r.dueAt - now) / DAY) })).filter((r) => r.daysLeft <= REMIND_AHEAD_DAYS);
}

/**
 * The reminder milestone `daysLeft` falls in: 30, 14, 7, 3 and 1 days ahead, then 0 once due or
 * overdue. Recording the milestone notified makes each one fire once.
 */
export function reminderMilestone(daysLeft: number): number | undefined {
  return [0, 1, 3, 7, 14, 30].find((m) => daysLeft <= m);
}
