import { describe, expect, it } from 'vitest';
import { dueReminders, reminderMilestone } from '../../../main/accounts/reminders';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 0, 1);

describe('credential reminders', () => {
  it('nothing is due early in the life of the credentials', () => {
    expect(dueReminders({ kind: 'amazon', clientSecretSetAt: t0, authorizedAt: t0 }, t0 + 100 * DAY)).toEqual([]);
  });

  it('reminds 30 days ahead of the 180-day client secret rotation', () => {
    const due = dueReminders({ kind: 'amazon', clientSecretSetAt: t0, authorizedAt: t0 }, t0 + 151 * DAY);
    expect(due).toEqual([{ kind: 'client-secret-rotation', dueAt: t0 + 180 * DAY, daysLeft: 29 }]);
  });

  it('reminds ahead of the 365-day authorization renewal, and keeps reminding when overdue', () => {
    const due = dueReminders({ kind: 'amazon', clientSecretSetAt: t0 + 300 * DAY, authorizedAt: t0 }, t0 + 370 * DAY);
    expect(due).toEqual([{ kind: 'authorization-renewal', dueAt: t0 + 365 * DAY, daysLeft: -5 }]);
  });

  it('simulated accounts never expire', () => {
    expect(dueReminders({ kind: 'simulator', clientSecretSetAt: t0, authorizedAt: t0 }, t0 + 1000 * DAY)).toEqual([]);
  });

  it('milestones group days so each fires once', () => {
    expect([30, 20, 14, 10, 7, 5, 3, 2, 1, 0, -9].map(reminderMilestone)).toEqual([30, 30, 14, 14, 7, 7, 3, 3, 1, 0, 0]);
    expect(reminderMilestone(31)).toBeUndefined();
  });
});
