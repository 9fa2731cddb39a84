import { systemClock } from '../../amazon/clock';
import { accountsServiceFor } from '../../accounts/service';
import { DEMO_ACCOUNT_ID } from '../../accounts/clients';
import { getAccount } from '../../db/tables/accounts';
import type { FeedStep } from '../../db/tables/sync-feeds';
import { countingClient } from '../../sync/counting-client';
import { runCycle } from '../../sync/engine';
import { clockFromEnv } from '../../sync/scaled-clock';
import type { SpApiClient } from '../../amazon/client';
import { checkAccountRestrictions } from '../../restrictions/for-account';
import { DB_OPTION, JSON_OPTION, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';
import { simulatorClient } from '../simulator-client';
import { refreshSchemasForSend } from '../../sync/schema-refresh';

const spec: CliSpec = {
  name: 'sync',
  options: [
    { name: '--once', required: true },
    { name: '--lane', value: 'LANE' },
    { name: '--account', value: 'ID' },
    JSON_OPTION,
    { name: '--simulator', value: 'URL' },
    DB_OPTION,
  ],
};

/**
 * Test hook for the kill tests: VITRINE_SYNC_CRASH_AFTER=<step> ends the process with 137 (as
 * SIGKILL would) right after that step is committed, the first time it is reached.
 */
function crashHook(env: NodeJS.ProcessEnv): ((step: FeedStep) => void) | undefined {
  const target = env.VITRINE_SYNC_CRASH_AFTER;
  if (!target) return undefined;
  return (step) => {
    if (step === target) process.exit(137);
  };
}

/**
 * `sync --once [--db FILE] [--account ID] [--lane full|fast] [--json]`: one send cycle, resuming
 * whatever an earlier process left half-done. `--simulator URL` targets a standalone simulator
 * (tests, demos) with its demo seller instead of the account's own endpoint.
 */
export const syncCommand: CliCommand = {
  ...spec,
  run: withArgs(spec, async (args, ctx) => {
    const { t } = ctx.translator;
    if (!args.has('--once') || args.positionals.length > 0) {
      ctx.io.err(t('sync.cli.usage'));
      return 2;
    }
    const lane = args.value('--lane') ?? 'full';
    if (lane !== 'full' && lane !== 'fast') {
      ctx.io.err(t('sync.cli.usage'));
      return 2;
    }
    const accountId = args.value('--account') ?? DEMO_ACCOUNT_ID;
    const simulatorUrl = args.value('--simulator');
    const services = ctx.openServices();
    try {
      const clock = clockFromEnv(ctx.env) ?? systemClock;
      let base: SpApiClient;
      if (simulatorUrl) base = await simulatorClient(simulatorUrl, clock);
      else {
        if (accountId === DEMO_ACCOUNT_ID && !getAccount(services.db, accountId)) await accountsServiceFor(services).ensureDemoAccount();
        base = await services.amazon.forAccount(accountId);
      }
      const counted = countingClient(base);
      const onPersisted = crashHook(ctx.env);
      const account = getAccount(services.db, accountId);
      if (lane === 'full' && account) {
        const marketplaces = account.marketplaces.filter((m) => m.enabled);
        await refreshSchemasForSend({ db: services.db, client: counted.client, accountId, marketplaces, now: clock.now() });
      }
      if (lane === 'full' && account)
        await checkAccountRestrictions({ db: services.db, client: counted.client, clock, account, locale: ctx.translator.locale });
      const summary = await runCycle({
        db: services.db,
        client: counted.client,
        clock,
        accountId,
        lane,
        trigger: 'cli',
        ...(onPersisted ? { onPersisted } : {}),
      });
      const result = { sent: summary.sent, accepted: summary.accepted, failed: summary.failed, skipped: summary.skipped, apiCalls: counted.calls() };
      ctx.io.out(args.has('--json') ? JSON.stringify(result) : t('sync.cli.summary', result));
      return summary.failed > 0 ? 1 : 0;
    } finally {
      await services.close();
    }
  }),
};
