import { randomUUID } from 'node:crypto';
import type { Services } from '../services';
import { AppError } from '../errors';
import { explained } from '../amazon/explain';
import type { MarketplaceParticipation } from '../amazon/api/sellers';
import { marketplaceById, type Region } from '../amazon/regions';
import * as table from '../db/tables/accounts';
import { getSetting, setSetting } from '../db/tables/settings';
import type { AccountSummary, CredentialsInput } from '../../preload/contract/accounts';
import { dueReminders, reminderMilestone } from './reminders';
import { DEMO_ACCOUNT_ID, secretKey, type AccountClients } from './clients';
import { createLogger } from '../log/logger';

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

export function summarize(account: table.AccountRow, now: number): AccountSummary {
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
  };
}

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

  /** Exchanges the refresh token and lists the marketplaces. Saves nothing. */
  async testConnection(input: CredentialsInput): Promise<ConnectionTest> {
    const client = await this.clients.forCredentials(input);
    const participations = await explained(() => client.getMarketplaceParticipations());
    const marketplaces = toMarketplaceRows(participations, input.region, new Set());
    if (marketplaces.length === 0) throw new AppError('ACCOUNT_WRONG_REGION', { region: input.region });
    return { storeName: participations[0]?.storeName ?? null, marketplaces };
  }

  /**
   * Tests the credentials again (the renderer is not trusted to have done it), then writes the
   * secrets to the keychain and the account to SQLite. Any failure leaves nothing behind.
   */
  async connect(input: CredentialsInput & { label: string; marketplaceIds: readonly string[] }): Promise<AccountSummary> {
    const { db } = this.services;
    const kind = input.environment === 'simulator' ? 'simulator' : 'amazon';
    const existing = table.findAccountBySeller(db, kind, input.region, input.sellerId);
    if (existing) throw new AppError('ACCOUNT_ALREADY_CONNECTED', { sellerId: input.sellerId, label: existing.label });
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
    return summarize(account, now);
  }

  setMarketplaces(accountId: string, marketplaceIds: readonly string[]): AccountSummary {
    const account = this.require(accountId);
    const available = new Set(account.marketplaces.map((m) => m.marketplaceId));
    const missing = marketplaceIds.find((id) => !available.has(id));
    if (missing) throw new AppError('ACCOUNT_MARKETPLACE_NOT_AVAILABLE', { marketplaceId: missing });
    table.setEnabledMarketplaces(this.services.db, accountId, marketplaceIds);
    return summarize(this.require(accountId), this.now());
  }

  async remove(accountId: string): Promise<boolean> {
    this.require(accountId);
    if (accountId === DEMO_ACCOUNT_ID) setSetting(this.services.db, 'accounts.demoRemoved', '1');
    const removed = table.deleteAccount(this.services.db, accountId);
    await this.deleteSecrets(accountId);
    this.clients.forget(accountId);
    return removed;
  }

  /**
   * On a fresh install the default account is the embedded offline simulator, so the app is useful
   * with no credentials. Once removed it is not recreated.
   */
  async ensureDemoAccount(): Promise<void> {
    const { db, translator } = this.services;
    if (table.getAccount(db, DEMO_ACCOUNT_ID) || getSetting(db, 'accounts.demoRemoved') === '1') return;
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
        const when = new Intl.RelativeTimeFormat(translator.locale, { numeric: 'auto' }).format(reminder.daysLeft, 'day');
        const prefix = reminder.kind === 'client-secret-rotation' ? 'clientSecret' : 'authorization';
        notifier.notify({
          title: translator.t(`accounts.reminder.${prefix}Title`),
          body: translator.t(`accounts.reminder.${prefix}Body`, { label: account.label, when }),
          route: '/accounts',
        });
        setSetting(db, key, String(milestone));
        sent++;
      }
    }
    return sent;
  }

  private require(accountId: string): table.AccountRow {
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
      throw new AppError('KEYCHAIN_WRITE_FAILED', { hint: (err as Error).message });
    }
  }

  private async deleteSecrets(accountId: string): Promise<void> {
    await this.services.secrets.delete(secretKey(accountId, 'client_secret'));
    await this.services.secrets.delete(secretKey(accountId, 'refresh_token'));
  }
}
