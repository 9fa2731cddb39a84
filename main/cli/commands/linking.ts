import { accountsServiceFor } from '../../accounts/service';
import { DEMO_ACCOUNT_ID } from '../../accounts/clients';
import { systemClock } from '../../amazon/clock';
import { getAccount } from '../../db/tables/accounts';
import { AppError } from '../../errors';
import { readAndLinkListings } from '../../linking/read-and-link';
import { evaluateAllRules } from '../../rules';
import { listRuleScopes, countRuleSelected } from '../../db/tables/listing-rules';
import { clockFromEnv } from '../../sync/scaled-clock';
import { DB_OPTION, JSON_OPTION, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';
import { simulatorClient } from '../simulator-client';

const linkSpec: CliSpec = {
  name: 'link-listings',
  options: [
    { name: '--marketplace', value: 'ID', required: true },
    { name: '--account', value: 'ID' },
    JSON_OPTION,
    { name: '--simulator', value: 'URL' },
    DB_OPTION,
  ],
};
const rulesSpec: CliSpec = { name: 'rules-evaluate', options: [JSON_OPTION, DB_OPTION] };

/**
 * `link-listings --marketplace ID [--account ID] [--db FILE] [--json]`: reads the seller's offers
 * in one marketplace through a listings report and links them to the catalog, as the screen's
 * button does. `--simulator URL` targets a standalone simulator's demo seller (tests, demos).
 */
export const linkListingsCommand: CliCommand = {
  ...linkSpec,
  run: withArgs(linkSpec, async (args, ctx) => {
    const { t } = ctx.translator;
    const marketplaceId = args.value('--marketplace');
    if (!marketplaceId) {
      ctx.io.err(t('linking.cli.usage'));
      return 2;
    }
    const accountId = args.value('--account') ?? DEMO_ACCOUNT_ID;
    const simulatorUrl = args.value('--simulator');
    const clock = clockFromEnv(ctx.env) ?? systemClock;
    const services = ctx.openServices();
    try {
      if (accountId === DEMO_ACCOUNT_ID && !getAccount(services.db, accountId)) await accountsServiceFor(services).ensureDemoAccount();
      if (!getAccount(services.db, accountId)) throw new AppError('ACCOUNT_NOT_FOUND');
      const client = simulatorUrl ? await simulatorClient(simulatorUrl, clock) : await services.amazon.forAccount(accountId);
      const summary = await readAndLinkListings(services.db, client, { accountId, marketplaceId }, { clock });
      const { counts } = summary;
      ctx.io.out(
        args.has('--json')
          ? JSON.stringify({ listings: summary.listings, matched: summary.matched, ambiguous: summary.ambiguous, counts })
          : t('linking.cli.done', {
              listings: summary.listings,
              linked: counts.linked,
              unconfirmed: counts.unconfirmed,
              amazonOnly: counts.amazonOnly,
              catalogOnly: counts.catalogOnly,
            }),
      );
      return 0;
    } finally {
      await services.close();
    }
  }),
};

/** `rules-evaluate [--db FILE] [--json]`: re-evaluates every listing rule against the catalog now. */
export const rulesEvaluateCommand: CliCommand = {
  ...rulesSpec,
  run: withArgs(rulesSpec, async (args, ctx) => {
    const services = ctx.openServices();
    try {
      evaluateAllRules(services.db, Date.now());
      const scopes = listRuleScopes(services.db).map((s) => ({ ...s, selected: countRuleSelected(services.db, s) }));
      ctx.io.out(
        args.has('--json')
          ? JSON.stringify(scopes)
          : scopes.map((s) => ctx.translator.t('linking.cli.rules', s)).join('\n') || ctx.translator.t('linking.cli.noRules'),
      );
      return 0;
    } finally {
      await services.close();
    }
  }),
};

export const linkingCommands: readonly CliCommand[] = [linkListingsCommand, rulesEvaluateCommand];
