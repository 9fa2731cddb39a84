import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointInBackground } from '../../../main/db/checkpoint';
import { openDatabase } from '../../../main/db/connection';

describe('checkpoint on a worker thread', () => {
  it('copies the log a bulk writer left into the database file while the app keeps its connection', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-ckpt-')), 'v.db');
    const app = openDatabase(file);
    const writer = openDatabase(file);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE bulk (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = writer.prepare('INSERT INTO bulk (text) VALUES (?)');
    writer.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) insert.run(`row ${i} `.repeat(10));
    })();
    writer.close();
    const before = statSync(file).size;
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(2_000_000);

    await checkpointInBackground(file);

    expect(statSync(file).size).toBeGreaterThan(before + 2_000_000);
    expect(app.prepare('SELECT COUNT(*) FROM bulk').pluck().get()).toBe(20_000);
    app.close();
  });

  it('a file that is not there is logged, not thrown', async () => {
    await expect(checkpointInBackground(join(tmpdir(), 'vitrine-no-such-dir', 'x.db'))).resolves.toBeUndefined();
  });
});
