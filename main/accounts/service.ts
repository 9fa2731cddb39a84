import { randomUUID } from 'node:crypto';
import type { Services } from '../services';
import { AppError } from '../errors';
import { explained } from '../amazon/explain';
import type { MarketplaceParticipation } from '../amazon/api/sellers';
import { marketplaceById, type Region } from '../amazon/regions';
import * as table from '../db/tables/accounts';
import { getSetting, setSetting } from '../db/tables/settings';
import { addActivity, listActivity } from '../db/tables/activity-log';
import { countOrders } from '../db/tables/orders';
import type { AccountSummary, CredentialsInput, CredentialsUpdate } from '../../preload/contract/accounts';
import { dueReminders, reminderMilestone } from './reminders';
import { DEMO_ACCOUNT_ID, secretKey, type AccountClients } from './clients';
import { createLogger } from '../log/logger';
import { secretStoreFailure } from '../secrets/secret-store';
import { localizeDemoLabel } from './demo-label';

const logger = createLogger('accounts');

export interface ConnectionTest {
  readonly storeName: string | null;
  readonly marketplaces: table.AccountMarketplaceRow[];
}

function toMarketplaceRows(participations: readonly MarketplaceParticipation[], region: Region, enabled: ReadonlySet<string>): table.AccountMarketplaceRow[] {
  return participations
    .filter((p) => marketplaceById(p.marketplace.id)?.region === region || marketplaceById(p.marketplace.id) === undefined)
    .map((p) => ({
      marketplaceId: p.marketplace.id,
      countryCode: p.marketplace.countryCode,
      name: p.marketplace.name,
      currency: p.marketplace.defaultCurrencyCode,
      language: p.marketplace.defaultLanguageCode,
      participating: p.participation.isParticipating,
      enabled: enabled.has(p.marketplace.id),
    }));
}

export function summarize(account: table.StoredAccountRow, now: number): AccountSummary {
  return {
    id: account.id,
    label: account.label,
    simulated: account.kind === 'simulator',
    environment: account.kind === 'simulator' ? 'simulator' : account.sandbox ? 'sandbox' : 'production',
    region: account.region,
    sellerId: account.sellerId,
    storeName: account.storeName,
    marketplaces: account.marketplaces.map((m) => ({ ...m })),
    reminders: dueReminders(account, now),
    health: account.health,
    lwaClientId: account.lwaClientId,
    canUpdateCredentials: account.id !== DEMO_ACCOUNT_ID,
  };
}

const environmentOf = (account: table.AccountRow): CredentialsInput['environment'] =>
  account.kind === 'simulator' ? 'simulator' : account.sandbox ? 'sandbox' : 'production';

/**
 * The accounts feature: test credentials against Amazon (or the simulator), save an account with
 * its secrets in the keychain only, list/remove accounts, and remind ahead of credential expiry.
 */
export class AccountsService {
  constructor(
    private readonly services: Services,
    private readonly clients: AccountClients,
    private readonly now: () => number = Date.now,
  ) {}

  list(): AccountSummary[] {
    return table.listAccounts(this.services.db).map((a) => summarize(a, this.now()));
  }

  /**
   * Exchanges the refresh token and lists the marketplaces. Saves nothing. Credentials of an
   * account already connected are refused before any call, naming that account, so the wizard
   * can offer "Atualizar credenciais" instead of a second copy of it.
   */
  async testConnection(input: CredentialsInput): Promise<ConnectionTest> {
    await this.refuseConnected(input);
    return this.exchange(input);
  }

  private async exchange(input: CredentialsInput): Promise<ConnectionTest> {
    const client = await this.clients.forCredentials(input);
    const participations = await explained(() => client.getMarketplaceParticipations());
    const marketplaces = toMarketplaceRows(participations, input.region, new Set());
    if (marketplaces.length === 0) throw new AppError('ACCOUNT_WRONG_REGION', { region: input.region });
    return { storeName: participations[0]?.storeName ?? null, marketplaces };
  }

  /** The same seller in the same region, or the same app with the same refresh token: already connected. */
  private async refuseConnected(input: CredentialsInput): Promise<void> {
    const { db, secrets } = this.services;
    const kind = input.environment === 'simulator' ? 'simulator' : 'amazon';
    let existing = table.findAccountBySeller(db, kind, input.region, input.sellerId);
    for (const candidate of existing ? [] : table.findAccountsByClient(db, kind, input.region, input.clientId)) {
      const token =
        candidate.id === DEMO_ACCOUNT_ID
          ? (await this.clients.embeddedSimulator()).demo.refreshToken
          : await secrets.get(secretKey(candidate.id, 'refresh_token'));
      if (token === input.refreshToken) existing = candidate;
    }
    if (existing) throw new AppError('ACCOUNT_ALREADY_CONNECTED', { sellerId: existing.sellerId, label: existing.label }, { accountId: existing.id });
  }

  /**
   * Tests the credentials again (the renderer is not trusted to have done it), then writes the
   * secrets to the keychain and the account to SQLite. Any failure leaves nothing behind.
   */
  async connect(input: CredentialsInput & { label: string; marketplaceIds: readonly string[] }): Promise<AccountSummary> {
    const { db } = this.services;
    const kind = input.environment === 'simulator' ? 'simulator' : 'amazon';
    const tested = await this.testConnection(input);
    const available = new Set(tested.marketplaces.map((m) => m.marketplaceId));
    const missing = input.marketplaceIds.find((id) => !available.has(id));
    if (missing) throw new AppError('ACCOUNT_MARKETPLACE_NOT_AVAILABLE', { marketplaceId: missing });
    const enabled = new Set(input.marketplaceIds);
    const now = this.now();
    const account: table.AccountRow = {
      id: `acc_${randomUUID()}`,
      label: input.label,
      kind,
      region: input.region,
      sandbox: input.environment === 'sandbox',
      sellerId: input.sellerId,
      lwaClientId: input.clientId,
      storeName: tested.storeName,
      clientSecretSetAt: now,
      authorizedAt: now,
      createdAt: now,
      marketplaces: tested.marketplaces.map((m) => ({ ...m, enabled: enabled.has(m.marketplaceId) })),
    };
    await this.writeSecrets(account.id, input);
    try {
      table.saveAccount(db, account);
    } catch (err) {
      await this.deleteSecrets(account.id);
      throw err;
    }
    logger.info(`connected account ${account.id} (${kind}, ${input.region}, ${account.marketplaces.length} marketplaces)`);
    return summarize({ ...account, health: { state: 'ok' } }, now);
  }

  setMarketplaces(accountId: string, marketplaceIds: readonly string[]): AccountSummary {
    const account = this.require(accountId);
    const available = new Set(account.marketplaces.map((m) => m.marketplaceId));
    const missing = marketplaceIds.find((id) => !available.has(id));
    if (missing) throw new AppError('ACCOUNT_MARKETPLACE_NOT_AVAILABLE', { marketplaceId: missing });
    table.setEnabledMarketplaces(this.services.db, accountId, marketplaceIds);
    return summarize(this.require(accountId), this.now());
  }

  /** What removing the account deletes with it: its imported orders. */
  removalImpact(accountId: string): { orders: number } {
    this.require(accountId);
    return { orders: countOrders(this.services.db, { accountId }) };
  }

  /**
   * Removes the account, its secrets and (by cascade) its orders. While it has orders, the caller
   * must say `deleteOrders` — the seller confirmed how many — or nothing is removed.
   */
  async remove(accountId: string, options: { deleteOrders?: boolean } = {}): Promise<boolean> {
    const account = this.require(accountId);
    const { orders } = this.removalImpact(accountId);
    if (orders > 0 && options.deleteOrders !== true) throw new AppError('ACCOUNT_HAS_ORDERS', { label: account.label, count: orders }, { orders });
    if (accountId === DEMO_ACCOUNT_ID) setSetting(this.services.db, 'accounts.demoRemoved', '1');
    const removed = table.deleteAccount(this.services.db, accountId);
    await this.deleteSecrets(accountId);
    this.clients.forget(accountId);
    logger.info(`removed account ${accountId} with ${orders} orders`);
    return removed;
  }

  /**
   * "Atualizar credenciais": a new client secret and/or refresh token for a connected account.
   * The candidate pair is exchanged with LWA and used for a Sellers call first; only then does it
   * replace the stored one in the keychain (restored if that write fails halfway). The account
   * keeps its id, so its orders, statuses and history stay. A stopped account starts again.
   */
  async updateCredentials(update: CredentialsUpdate): Promise<AccountSummary> {
    const { db, secrets } = this.services;
    const account = this.require(update.accountId);
    if (account.id === DEMO_ACCOUNT_ID) throw new AppError('ACCOUNT_DEMO_CREDENTIALS');
    const stored = {
      clientSecret: await secrets.get(secretKey(account.id, 'client_secret')),
      refreshToken: await secrets.get(secretKey(account.id, 'refresh_token')),
    };
    const clientSecret = update.clientSecret ?? stored.clientSecret;
    const refreshToken = update.refreshToken ?? stored.refreshToken;
    if (!clientSecret || !refreshToken)
      throw new AppError('ACCOUNT_CREDENTIALS_INCOMPLETE', { label: account.label, missing: clientSecret ? 'refreshToken' : 'clientSecret' });
    const input: CredentialsInput = {
      environment: environmentOf(account),
      region: account.region,
      sellerId: account.sellerId,
      clientId: account.lwaClientId,
      clientSecret,
      refreshToken,
    };
    await this.refuseOtherAccountsToken(account, refreshToken);
    const tested = await this.exchange(input);
    const available = new Set(tested.marketplaces.filter((m) => m.participating).map((m) => m.marketplaceId));
    // A refresh token of another seller would send this account's catalog to that seller.
    const lost = account.marketplaces.filter((m) => m.enabled && !available.has(m.marketplaceId));
    if (lost.length > 0)
      throw new AppError('ACCOUNT_CREDENTIALS_OTHER_SELLER', { label: account.label, marketplaceId: lost.map((m) => m.marketplaceId).join(', ') });

    await this.replaceSecrets(account.id, { clientSecret, refreshToken }, stored);
    const now = this.now();
    const enabled = new Set(account.marketplaces.filter((m) => m.enabled).map((m) => m.marketplaceId));
    table.saveAccount(db, {
      ...account,
      storeName: tested.storeName ?? account.storeName,
      marketplaces: tested.marketplaces.map((m) => ({ ...m, enabled: enabled.has(m.marketplaceId) })),
    });
    const restarted = table.markCredentialsUpdated(db, account.id, {
      ...(update.clientSecret !== undefined ? { clientSecretSetAt: now } : {}),
      ...(update.refreshToken !== undefined ? { authorizedAt: now } : {}),
    });
    this.clients.forget(account.id);
    addActivity(db, {
      domain: 'accounts',
      severity: 'info',
      messageKey: restarted ? 'accounts.activity.credentialsRestored' : 'accounts.activity.credentialsUpdated',
      params: {
        accountId: account.id,
        label: account.label,
        which: update.clientSecret && update.refreshToken ? 'both' : update.clientSecret ? 'clientSecret' : 'refreshToken',
      },
      route: '/accounts',
    });
    logger.info(`account ${account.id}: credentials updated${restarted ? '; its work starts again' : ''}`);
    return summarize(this.require(account.id), now);
  }

  /** The latest credential events of an account, in the reader's language. */
  activity(accountId: string, limit: number): { id: number; at: string; severity: 'info' | 'warning' | 'error'; message: string }[] {
    const { db, translator } = this.services;
    return listActivity(db, { domain: 'accounts', limit: 200 })
      .filter((a) => a.params.accountId === accountId)
      .slice(0, limit)
      .map((a) => ({ id: a.id, at: a.at, severity: a.severity, message: translator.t(a.messageKey, a.params as Record<string, unknown>) }));
  }

  /** Another connected account's refresh token pasted here: the accounts would share one seller. */
  private async refuseOtherAccountsToken(account: table.AccountRow, refreshToken: string): Promise<void> {
    for (const other of table.listAccounts(this.services.db)) {
      if (other.id === account.id || other.id === DEMO_ACCOUNT_ID) continue;
      if ((await this.services.secrets.get(secretKey(other.id, 'refresh_token'))) === refreshToken) {
        throw new AppError('ACCOUNT_ALREADY_CONNECTED', { sellerId: other.sellerId, label: other.label }, { accountId: other.id });
      }
    }
  }

  /**
   * On a fresh install the default account is the embedded offline simulator, so the app is useful
   * with no credentials. Once removed it is not recreated.
   */
  async ensureDemoAccount(): Promise<void> {
    const { db, translator } = this.services;
    if (table.getAccount(db, DEMO_ACCOUNT_ID)) {
      localizeDemoLabel(db, translator);
      return;
    }
    if (getSetting(db, 'accounts.demoRemoved') === '1') return;
    const demo = await this.clients.demoAccount();
    const client = await this.clients.forAccountRow(demo);
    const participations = await client.getMarketplaceParticipations();
    const marketplaces = toMarketplaceRows(participations, demo.region, new Set(participations.map((p) => p.marketplace.id)));
    table.saveAccount(db, { ...demo, label: translator.t('accounts.demoLabel'), storeName: participations[0]?.storeName ?? null, marketplaces });
  }

  /** Notifies each reminder milestone once (30/14/7/3/1 days ahead, then overdue). */
  notifyReminders(): number {
    const { db, notifier, translator } = this.services;
    let sent = 0;
    for (const account of table.listAccounts(db)) {
      for (const reminder of dueReminders(account, this.now())) {
        const milestone = reminderMilestone(reminder.daysLeft);
        if (milestone === undefined) continue;
        const key = `accounts.reminder.${account.id}.${reminder.kind}.${reminder.dueAt}`;
        if (getSetting(db, key) === String(milestone)) continue;
        const when = new Intl.RelativeTimeFormat(translator.intlLocale, { numeric: 'auto' }).format(reminder.daysLeft, 'day');
        const prefix = reminder.kind === 'client-secret-rotation' ? 'clientSecret' : 'authorization';
        notifier.notify({
          title: translator.t(`accounts.reminder.${prefix}Title`),
          body: translator.t(`accounts.reminder.${prefix}Body`, { label: account.label, when }),
          // Straight to where the new secret or token is pasted.
          route: `/accounts/${account.id}/credentials`,
        });
        setSetting(db, key, String(milestone));
        sent++;
      }
    }
    return sent;
  }

  private require(accountId: string): table.StoredAccountRow {
    const account = table.getAccount(this.services.db, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
    return account;
  }

  private async writeSecrets(accountId: string, input: Pick<CredentialsInput, 'clientSecret' | 'refreshToken'>): Promise<void> {
    try {
      await this.services.secrets.set(secretKey(accountId, 'client_secret'), input.clientSecret);
      await this.services.secrets.set(secretKey(accountId, 'refresh_token'), input.refreshToken);
    } catch (err) {
      await this.deleteSecrets(accountId).catch(() => undefined);
      throw keychainWriteFailed(err);
    }
  }

  /** Writes both secrets; if the keychain fails halfway, the previous values are put back. */
  private async replaceSecrets(
    accountId: string,
    next: { readonly clientSecret: string; readonly refreshToken: string },
    previous: { readonly clientSecret: string | null | undefined; readonly refreshToken: string | null | undefined },
  ): Promise<void> {
    const { secrets } = this.services;
    try {
      await secrets.set(secretKey(accountId, 'client_secret'), next.clientSecret);
      await secrets.set(secretKey(accountId, 'refresh_token'), next.refreshToken);
    } catch (err) {
      if (previous.clientSecret) await secrets.set(secretKey(accountId, 'client_secret'), previous.clientSecret).catch(() => undefined);
      if (previous.refreshToken) await secrets.set(secretKey(accountId, 'refresh_token'), previous.refreshToken).catch(() => undefined);
      throw keychainWriteFailed(err);
    }
  }

  private async deleteSecrets(accountId: string): Promise<void> {
    await this.services.secrets.delete(secretKey(accountId, 'client_secret'));
    await this.services.secrets.delete(secretKey(accountId, 'refresh_token'));
  }
}

/**
 * The keychain refused to store the credentials: the seller's message names what the keychain was
 * asked to do, in their language (`accounts.keychain.*`), with the system's own words quoted.
 */
function keychainWriteFailed(err: unknown): AppError {
  const failure = secretStoreFailure(err);
  return new AppError('KEYCHAIN_WRITE_FAILED', {
    failure: failure?.operation ?? 'write',
    detail: failure?.detail ?? (err instanceof Error ? err.message : String(err)),
  });
}

const instances = new WeakMap<Services, AccountsService>();

/** The app's accounts service, made on first use (with the app's Amazon clients). */
export function accountsServiceFor(services: Services): AccountsService {
  let service = instances.get(services);
  if (!service) instances.set(services, (service = new AccountsService(services, services.amazon)));
  return service;
}
