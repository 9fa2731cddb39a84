import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { listCategories } from '../../../main/db/tables/categories';
import { setCategoryMapping } from '../../../main/db/tables/category-mappings';
import { isSelected } from '../../../main/db/tables/listing-selections';
import { BR, cacheSchema, mapShirt, seedAccount, seedCatalog, shirtSchema } from './mapping-helpers';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const READY = { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' };

describe('select-products command', () => {
  it('includes the ready products of a filter headless, counts the others by reason, and removes them again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-select-cli-'));
    const dbFile = join(dir, 'v.db');
    const db = openDatabase(dbFile);
    seedAccount(db, 'loja');
    const ids = seedCatalog(db, [
      { key: 'C-1', title: 'Camiseta azul', category: 'Roupas > Camisetas', characteristics: READY },
      { key: 'C-2', title: 'Camiseta verde', category: 'Roupas > Camisetas', characteristics: READY },
      { key: 'C-3', title: 'Camiseta sem atributos', category: 'Roupas > Camisetas' },
      { key: 'K-1', title: 'Caneca', category: 'Casa' },
    ]);
    const roupas = listCategories(db).find((c) => c.name === 'Roupas')?.id ?? -1;
    setCategoryMapping(db, { categoryId: roupas, marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    cacheSchema(db, 'SHIRT', shirtSchema());
    mapShirt(db);
    db.close();
    const env = { VITRINE_LOG_DIR: join(dir, 'logs'), VITRINE_LOCALE: 'pt-BR' };
    const json = capture();
    const text = capture();
    const removed = capture();
    const bad = capture();

    const code = await runCli(['select-products', '--db', dbFile, '--account', 'loja', '--marketplace', BR, '--json'], json.io, env);
    const again = await runCli(['select-products', '--db', dbFile, '--account', 'loja', '--marketplace', BR, '--search', 'Camiseta'], text.io, env);
    const usage = await runCli(['select-products', '--db', dbFile, '--category', 'x'], bad.io, env);

    expect(code).toBe(0);
    expect(JSON.parse(json.out[0] ?? '{}')).toEqual({
      matched: 4,
      included: 2,
      alreadyIncluded: 0,
      rejected: expect.arrayContaining([
        { reason: 'invalid', count: 1 },
        { reason: 'category_unmapped', count: 1 },
      ]) as unknown,
    });
    expect(again).toBe(0);
    expect(text.out[0]).toContain('0 produtos incluídos (2 já estavam incluídos) de 3');
    expect(text.out[0]).toContain('1 com erros de atributos');
    expect(usage).toBe(2);
    expect(bad.err[0]).toContain('Uso: select-products');
    const check = openDatabase(dbFile);
    const scope = { accountId: 'loja', marketplaceId: BR };
    expect(['C-1', 'C-2', 'C-3', 'K-1'].map((k) => isSelected(check, scope, ids.get(k) ?? -1))).toEqual([true, true, false, false]);
    check.close();

    expect(
      await runCli(['select-products', '--db', dbFile, '--account', 'loja', '--marketplace', BR, '--search', 'azul', '--remove', '--json'], removed.io, env),
    ).toBe(0);
    expect(JSON.parse(removed.out[0] ?? '{}')).toEqual({ removed: 1 });
  });
});
