import type { Db } from '../connection';

export type ActivitySeverity = 'info' | 'warning' | 'error';

export interface ActivityEntry {
  readonly id: number;
  readonly at: string;
  readonly domain: string;
  readonly severity: ActivitySeverity;
  /** i18n key in main's messages; rendered in the reader's language when listed. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly route: string | null;
}

export function addActivity(db: Db, entry: Omit<ActivityEntry, 'id' | 'at'>): number {
  const result = db
    .prepare(`INSERT INTO activity_log (at, domain, severity, message_key, params, route) VALUES (strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)`)
    .run(entry.domain, entry.severity, entry.messageKey, JSON.stringify(entry.params), entry.route);
  return Number(result.lastInsertRowid);
}

export function listActivity(db: Db, options: { domain?: string; limit: number }): ActivityEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, domain, severity, message_key AS messageKey, params, route FROM activity_log
       WHERE (@domain IS NULL OR domain = @domain) ORDER BY id DESC LIMIT @limit`,
    )
    .all({ domain: options.domain ?? null, limit: options.limit }) as (Omit<ActivityEntry, 'params'> & { params: string })[];
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, unknown> }));
}
