import { accountsServiceFor } from '../../accounts/service';
import { DEMO_ACCOUNT_ID } from '../../accounts/clients';
import { getAccount } from '../../db/tables/accounts';
import { AppError } from '../../errors';
import { excludeAllFiltered, includeAllReady } from '../../selection/bulk-selection';
import { DB_OPTION, JSON_OPTION, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';

const spec: CliSpec = {
  name: 'select-products',
  options: [
    { name: '--marketplace', value: 'ID', required: true },
    { name: '--account', value: 'ID' },
    { name: '--search', value: 'TEXT' },
    { name: '--category', value: 'ID' },
    { name: '--remove' },
    JSON_OPTION,
    DB_OPTION,
  ],
};

/**
 * `select-products --marketplace ID [--account ID] [--search TEXT] [--category ID] [--remove] [--json]`:
 * the "Incluir produtos" screen's "Include all ready products" (or, with --remove, "Remove all")
 * for a filter, headless. Only products ready to send are included; the others are counted by reason.
 */
export const selectProductsCommand: CliCommand = {
  ...spec,
  run: withArgs(spec, async (args, ctx) => {
    const { t } = ctx.translator;
    const marketplaceId = args.value('--marketplace');
    const category = args.value('--category');
    const categoryId = category === undefined ? undefined : Number(category);
    if (!marketplaceId || (categoryId !== undefined && !(Number.isInteger(categoryId) && categoryId > 0))) {
      ctx.io.err(t('mapping.cli.usage'));
      return 2;
    }
    const accountId = args.value('--account') ?? DEMO_ACCOUNT_ID;
    const filter = { search: args.value('--search'), categoryId };
    const services = ctx.openServices();
    try {
      if (accountId === DEMO_ACCOUNT_ID && !getAccount(services.db, accountId)) await accountsServiceFor(services).ensureDemoAccount();
      if (!getAccount(services.db, accountId)) throw new AppError('ACCOUNT_NOT_FOUND');
      const scope = { accountId, marketplaceId };
      if (args.has('--remove')) {
        const removed = excludeAllFiltered(services, scope, filter);
        ctx.io.out(args.has('--json') ? JSON.stringify({ removed }) : t('mapping.cli.removed', { count: removed }));
        return 0;
      }
      const result = await includeAllReady(services, scope, filter);
      if (args.has('--json')) {
        ctx.io.out(JSON.stringify({ matched: result.matched, included: result.included, alreadyIncluded: result.alreadyIncluded, rejected: result.rejected }));
      } else {
        const lines = [t('mapping.cli.included', { included: result.included, already: result.alreadyIncluded, matched: result.matched })];
        for (const r of result.rejected) lines.push(`  ${t(`mapping.cli.reasons.${r.reason}`, { count: r.count })}`);
        ctx.io.out(lines.join('\n'));
      }
      return 0;
    } finally {
      await services.close();
    }
  }),
};
