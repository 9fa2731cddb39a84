import { openDatabase } from '../../db/connection';
import { schemaVersion } from '../../db/migrations/registry';
import type { CliCommand } from '../context';
import { existsSync } from 'node:fs';

export const dbMigrate: CliCommand = {
  name: 'db:migrate',
  async run(_args, ctx) {
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
  },
};
