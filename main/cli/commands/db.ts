import { openDatabase } from '../../db/connection';
import { schemaVersion } from '../../db/migrations/registry';
import { DB_OPTION, withArgs, type CliSpec } from '../args';
import type { CliCommand } from '../context';
import { existsSync } from 'node:fs';

const spec: CliSpec = { name: 'db:migrate', options: [DB_OPTION] };

export const dbMigrate: CliCommand = {
  ...spec,
  run: withArgs(spec, async (_args, ctx) => {
    const file = ctx.dbFile;
    let from = 0;
    if (existsSync(file)) {
      // Read-only first: a file that is not a Vitrine database is refused before anything is written.
      const probe = openDatabase(file, { readonly: true });
      from = schemaVersion(probe);
      probe.close();
    }
    const db = openDatabase(file);
    const to = schemaVersion(db);
    db.close();
    ctx.io.out(ctx.translator.t('cli.migrated', { file, from, to }));
    return 0;
  }),
};
