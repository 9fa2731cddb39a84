import { join } from 'node:path';
import { createSpApiClient } from '../amazon/client';
import type { Clock } from '../amazon/clock';
import type { Region } from '../amazon/regions';
import type { LwaError } from '../amazon/errors';
import type { AccountRow } from '../db/tables/accounts';
import * as table from '../db/tables/accounts';
import { addActivity } from '../db/tables/activity-log';
import { createLogger } from '../log/logger';
import { AppError } from '../errors';
import type { SecretStore } from '../secrets/secret-store';
import type { Db } from '../db/connection';
import type { CredentialsInput } from '../../preload/contract/accounts';

export type SpApiClient = ReturnType<typeof createSpApiClient>;

const logger = createLogger('accounts');

/** Calls made while the seller waits on the screen (testing or updating credentials). */
const INTERACTIVE = { timeoutMs: 20_000, maxRetries: 1 } as const;

/** LWA refused an account's stored credentials for good; its work stops until they are updated. */
export interface CredentialsRejection {
  readonly accountId: string;
  readonly label: string;
  /** LWA's error code and description, verbatim. */
  readonly code: string;
  readonly message: string;
  readonly since: number;
}

/** The default account on a fresh install: Vitrine's embedded offline simulator. */
export const DEMO_ACCOUNT_ID = 'demo';

export const secretKey = (accountId: string, name: 'client_secret' | 'refresh_token') => `${accountId}/${name}`;

/** What the app needs of a running simulator (main/amazon/simulator). */
export interface EmbeddedSimulator {
  readonly url: string;
  readonly lwaUrl: string;
  readonly demo: { readonly sellerId: string; readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string };
  close(): Promise<void>;
}

export interface AccountClientsOptions {
  readonly db: Db;
  readonly secrets: SecretStore;
  readonly dataDir: string;
  readonly appVersion: string;
  readonly clock?: Clock;
  /** Starts the offline simulator; the default starts the real one on a random loopback port. */
  readonly startSimulator?: (stateFile: string) => Promise<EmbeddedSimulator>;
}

async function startRealSimulator(stateFile: string, clock?: Clock): Promise<EmbeddedSimulator> {
  const { startSimulator } = await import('../amazon/simulator/server');
  return startSimulator({ port: 0, stateFile, ...(clock ? { clock } : {}) });
}

/**
 * One SP-API client per account (each has its own token and rate buckets, as Amazon's usage plans
 * are per application + seller). Secrets are read from the keychain when a client is first built
 * and live only in that client's memory afterwards.
 */
export class AccountClients {
  private readonly clients = new Map<string, Promise<SpApiClient>>();
  private readonly rejectionListeners = new Set<(rejection: CredentialsRejection) => void>();
  private simulator: Promise<EmbeddedSimulator> | undefined;

  constructor(private readonly options: AccountClientsOptions) {}

  /** The embedded simulator, started on first use. */
  embeddedSimulator(): Promise<EmbeddedSimulator> {
    this.simulator ??= (this.options.startSimulator ?? ((f) => startRealSimulator(f, this.options.clock)))(join(this.options.dataDir, 'simulator-state.json'));
    return this.simulator;
  }

  /**
   * A client for credentials typed in the wizard (never cached: they may be wrong). The seller is
   * waiting on the screen, so an offline machine is told within seconds: one retry, short timeout.
   */
  async forCredentials(input: CredentialsInput): Promise<SpApiClient> {
    const credentials = { clientId: input.clientId, clientSecret: input.clientSecret, refreshToken: input.refreshToken };
    return this.build(input.environment, input.region, credentials, undefined, INTERACTIVE);
  }

  async forAccount(accountId: string): Promise<SpApiClient> {
    const account = table.getAccount(this.options.db, accountId);
    if (!account) throw new AppError('ACCOUNT_NOT_FOUND');
    return this.forAccountRow(account);
  }

  /**
   * The account's client, or ACCOUNT_CREDENTIALS_REJECTED without any call when LWA has refused its
   * stored credentials: sends, order imports and re-checks all stop here until they are updated.
   */
  forAccountRow(account: AccountRow): Promise<SpApiClient> {
    if (table.getAccountHealth(this.options.db, account.id)?.state === 'credentials_rejected') {
      return Promise.reject(new AppError('ACCOUNT_CREDENTIALS_REJECTED', { label: account.label }));
    }
    let client = this.clients.get(account.id);
    if (!client) {
      client = this.buildForAccount(account);
      client.catch(() => this.clients.delete(account.id));
      this.clients.set(account.id, client);
    }
    return client;
  }

  /** Told once per refusal (the change from working to stopped); returns the unsubscribe function. */
  onCredentialsRejected(listener: (rejection: CredentialsRejection) => void): () => void {
    this.rejectionListeners.add(listener);
    return () => this.rejectionListeners.delete(listener);
  }

  /** Drop a cached client (account removed or credentials updated). */
  forget(accountId: string): void {
    this.clients.delete(accountId);
  }

  /** The demo account row (not yet saved) for the embedded simulator's seeded seller. */
  async demoAccount(): Promise<AccountRow> {
    const sim = await this.embeddedSimulator();
    const now = Date.now();
    return {
      id: DEMO_ACCOUNT_ID,
      label: 'Demo',
      kind: 'simulator',
      region: 'NA',
      sandbox: false,
      sellerId: sim.demo.sellerId,
      lwaClientId: sim.demo.clientId,
      storeName: null,
      clientSecretSetAt: now,
      authorizedAt: now,
      createdAt: now,
      marketplaces: [],
    };
  }

  async close(): Promise<void> {
    this.clients.clear();
    const sim = this.simulator;
    this.simulator = undefined;
    if (sim) await (await sim).close();
  }

  private async buildForAccount(account: AccountRow): Promise<SpApiClient> {
    if (account.id === DEMO_ACCOUNT_ID) {
      const sim = await this.embeddedSimulator();
      const demo = { clientId: sim.demo.clientId, clientSecret: sim.demo.clientSecret, refreshToken: sim.demo.refreshToken };
      return this.build('simulator', account.region, demo, (error) => this.rejected(account, error));
    }
    const [clientSecret, refreshToken] = await Promise.all([
      this.options.secrets.get(secretKey(account.id, 'client_secret')),
      this.options.secrets.get(secretKey(account.id, 'refresh_token')),
    ]);
    if (!clientSecret || !refreshToken) throw new AppError('ACCOUNT_SECRETS_MISSING', { label: account.label });
    const environment = account.kind === 'simulator' ? 'simulator' : account.sandbox ? 'sandbox' : 'production';
    return this.build(environment, account.region, { clientId: account.lwaClientId, clientSecret, refreshToken }, (error) => this.rejected(account, error));
  }

  /** Records the refusal (state + activity) and tells the listeners, once per change. */
  private rejected(account: AccountRow, error: LwaError): void {
    const since = this.options.clock?.now() ?? Date.now();
    const rejection: CredentialsRejection = { accountId: account.id, label: account.label, code: error.error, message: error.description, since };
    try {
      if (!table.markCredentialsRejected(this.options.db, account.id, rejection)) return;
      addActivity(this.options.db, {
        domain: 'accounts',
        severity: 'error',
        messageKey: `accounts.activity.credentialsRejected.${error.error}`,
        params: { accountId: account.id, label: account.label, code: error.error, message: error.description },
        route: '/accounts',
      });
    } catch (err) {
      // The database may be closing (quit during a call); the refusal is met again next start.
      logger.warn(`could not record the credential refusal of ${account.id}`, err);
      return;
    }
    logger.warn(`account ${account.id}: LWA refused the stored credentials (${error.error}); its work stops until they are updated`);
    for (const listener of this.rejectionListeners) {
      try {
        listener(rejection);
      } catch (err) {
        logger.error('a credential-refusal listener failed', err);
      }
    }
  }

  private async build(
    environment: CredentialsInput['environment'],
    region: Region,
    credentials: { clientId: string; clientSecret: string; refreshToken: string },
    onCredentialsRejected?: (error: LwaError) => void,
    limits?: { readonly timeoutMs: number; readonly maxRetries: number },
  ): Promise<SpApiClient> {
    const endpoint =
      environment === 'simulator'
        ? await this.embeddedSimulator().then((s) => ({ baseUrl: s.url, lwaUrl: s.lwaUrl }))
        : { region, sandbox: environment === 'sandbox' };
    return createSpApiClient({
      endpoint,
      credentials,
      appVersion: this.options.appVersion,
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...(onCredentialsRejected ? { onCredentialsRejected } : {}),
      ...limits,
    });
  }
}
