import type { z } from 'zod';
import type { AccountHealthView, marketplaceOptionSchema, regionSchema } from '../../../preload/contract/accounts';
import type { Db, ReadableDb } from '../connection';

export type AccountKind = 'amazon' | 'simulator';
export type AccountRegion = z.infer<typeof regionSchema>;

/** One marketplace of the account, as the wizard and the marketplace list show it. */
export type AccountMarketplaceRow = Readonly<z.infer<typeof marketplaceOptionSchema>>;

export interface AccountRow {
  readonly id: string;
  readonly label: string;
  readonly kind: AccountKind;
  readonly region: AccountRegion;
  readonly sandbox: boolean;
  readonly sellerId: string;
  readonly lwaClientId: string;
  readonly storeName: string | null;
  readonly clientSecretSetAt: number;
  readonly authorizedAt: number;
  readonly createdAt: number;
  readonly marketplaces: readonly AccountMarketplaceRow[];
}

/**
 * Whether the account's stored credentials still work. `credentials_rejected`: LWA refused them
 * for good; every background job of the account stops until the seller updates them.
 */
export type AccountHealth = Readonly<AccountHealthView>;

/** An account as read back: what was saved plus its health, which only the health functions write. */
export interface StoredAccountRow extends AccountRow {
  readonly health: AccountHealth;
}

interface AccountRecord {
  id: string;
  label: string;
  kind: AccountKind;
  region: AccountRegion;
  sandbox: number;
  seller_id: string;
  lwa_client_id: string;
  store_name: string | null;
  client_secret_set_at: number;
  authorized_at: number;
  created_at: number;
  health: 'ok' | 'credentials_rejected';
  health_code: string | null;
  health_message: string | null;
  health_since: number | null;
}

interface MarketplaceRecord {
  marketplace_id: string;
  country_code: string;
  name: string;
  currency: string;
  language: string;
  participating: number;
  enabled: number;
}

const toMarketplace = (r: MarketplaceRecord): AccountMarketplaceRow => ({
  marketplaceId: r.marketplace_id,
  countryCode: r.country_code,
  name: r.name,
  currency: r.currency,
  language: r.language,
  participating: r.participating === 1,
  enabled: r.enabled === 1,
});

function marketplacesOf(db: ReadableDb, accountId: string): AccountMarketplaceRow[] {
  return (db.prepare('SELECT * FROM account_marketplaces WHERE account_id = ? ORDER BY country_code').all(accountId) as MarketplaceRecord[]).map(toMarketplace);
}

const toHealth = (r: AccountRecord): AccountHealth =>
  r.health === 'ok' ? { state: 'ok' } : { state: r.health, code: r.health_code ?? '', message: r.health_message ?? '', since: r.health_since ?? 0 };

const toAccount = (db: ReadableDb, r: AccountRecord): StoredAccountRow => ({
  id: r.id,
  label: r.label,
  kind: r.kind,
  region: r.region,
  sandbox: r.sandbox === 1,
  sellerId: r.seller_id,
  lwaClientId: r.lwa_client_id,
  storeName: r.store_name,
  clientSecretSetAt: r.client_secret_set_at,
  authorizedAt: r.authorized_at,
  createdAt: r.created_at,
  marketplaces: marketplacesOf(db, r.id),
  health: toHealth(r),
});

export function listAccounts(db: ReadableDb): StoredAccountRow[] {
  return (db.prepare('SELECT * FROM accounts ORDER BY created_at, id').all() as AccountRecord[]).map((r) => toAccount(db, r));
}

export function getAccount(db: ReadableDb, id: string): StoredAccountRow | undefined {
  const r = db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRecord | undefined;
  return r && toAccount(db, r);
}

export function findAccountBySeller(db: ReadableDb, kind: AccountKind, region: AccountRegion, sellerId: string): StoredAccountRow | undefined {
  const r = db.prepare('SELECT * FROM accounts WHERE kind = ? AND region = ? AND seller_id = ?').get(kind, region, sellerId) as AccountRecord | undefined;
  return r && toAccount(db, r);
}

/** Inserts or replaces an account and its marketplace list in one transaction. */
export function saveAccount(db: Db, account: AccountRow): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO accounts (id, label, kind, region, sandbox, seller_id, lwa_client_id, store_name, client_secret_set_at, authorized_at, created_at)
       VALUES (@id, @label, @kind, @region, @sandbox, @sellerId, @lwaClientId, @storeName, @clientSecretSetAt, @authorizedAt, @createdAt)
       ON CONFLICT(id) DO UPDATE SET label = excluded.label, sandbox = excluded.sandbox, lwa_client_id = excluded.lwa_client_id,
         store_name = excluded.store_name, client_secret_set_at = excluded.client_secret_set_at, authorized_at = excluded.authorized_at`,
    ).run({ ...account, sandbox: account.sandbox ? 1 : 0, marketplaces: undefined, health: undefined });
    db.prepare('DELETE FROM account_marketplaces WHERE account_id = ?').run(account.id);
    const insert = db.prepare(
      `INSERT INTO account_marketplaces (account_id, marketplace_id, country_code, name, currency, language, participating, enabled)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const m of account.marketplaces) {
      insert.run(account.id, m.marketplaceId, m.countryCode, m.name, m.currency, m.language, m.participating ? 1 : 0, m.enabled ? 1 : 0);
    }
  })();
}

/** Renames an account; returns whether it exists. */
export function setAccountLabel(db: Db, id: string, label: string): boolean {
  return db.prepare('UPDATE accounts SET label = ? WHERE id = ?').run(label, id).changes > 0;
}

/** Enables exactly the given marketplaces; returns how many rows matched. */
export function setEnabledMarketplaces(db: Db, accountId: string, marketplaceIds: readonly string[]): number {
  return db.transaction(() => {
    db.prepare('UPDATE account_marketplaces SET enabled = 0 WHERE account_id = ?').run(accountId);
    const enable = db.prepare('UPDATE account_marketplaces SET enabled = 1 WHERE account_id = ? AND marketplace_id = ?');
    return marketplaceIds.reduce((n, id) => n + enable.run(accountId, id).changes, 0);
  })();
}

export function deleteAccount(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM accounts WHERE id = ?').run(id).changes > 0;
}

/** Accounts of the same app (LWA client id) in one region: a second connection of the same authorization. */
export function findAccountsByClient(db: ReadableDb, kind: AccountKind, region: AccountRegion, lwaClientId: string): StoredAccountRow[] {
  return (db.prepare('SELECT * FROM accounts WHERE kind = ? AND region = ? AND lwa_client_id = ?').all(kind, region, lwaClientId) as AccountRecord[]).map((r) =>
    toAccount(db, r),
  );
}

export function getAccountHealth(db: ReadableDb, id: string): AccountHealth | undefined {
  const r = db.prepare('SELECT health, health_code, health_message, health_since FROM accounts WHERE id = ?').get(id) as AccountRecord | undefined;
  return r && toHealth(r);
}

/**
 * Records that LWA refused the account's credentials. Returns true only on the change from 'ok',
 * so the seller is told once, not on every call that meets the same refusal.
 */
export function markCredentialsRejected(db: Db, id: string, refusal: { readonly code: string; readonly message: string; readonly since: number }): boolean {
  return (
    db
      .prepare(`UPDATE accounts SET health = 'credentials_rejected', health_code = ?, health_message = ?, health_since = ? WHERE id = ? AND health = 'ok'`)
      .run(refusal.code, refusal.message, refusal.since, id).changes > 0
  );
}

/**
 * New credentials were validated and stored: the account works again, and the reminders count
 * from the new secret and/or authorization. Returns true if the account had been stopped.
 */
export function markCredentialsUpdated(db: Db, id: string, renewed: { readonly clientSecretSetAt?: number; readonly authorizedAt?: number }): boolean {
  return db.transaction(() => {
    const stopped =
      db.prepare(`UPDATE accounts SET health = 'ok', health_code = NULL, health_message = NULL, health_since = NULL WHERE id = ? AND health <> 'ok'`).run(id)
        .changes > 0;
    db.prepare('UPDATE accounts SET client_secret_set_at = COALESCE(?, client_secret_set_at), authorized_at = COALESCE(?, authorized_at) WHERE id = ?').run(
      renewed.clientSecretSetAt ?? null,
      renewed.authorizedAt ?? null,
      id,
    );
    return stopped;
  })();
}
