import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogHandlers } from '../../../main/ipc/handlers/catalog';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { channels, type ImportReportView, type ProductView, type TaskProgress } from '../../../preload/contract';
import { tempDir, writeCsv } from './helpers';

describe('catalog IPC', () => {
  let services: Services;
  let dir: string;
  let call: (channel: string, input?: unknown) => ReturnType<typeof dispatch>;
  beforeEach(() => {
    dir = tempDir();
    services = createServices({ dbFile: join(dir, 'ipc.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
    const handlers = catalogHandlers(services);
    call = (channel, input) => dispatch(handlers, services.translator, channel, input, true);
  });
  afterEach(() => services.close());
  // What the Open/Save dialogs do through files:choose-import / files:choose-export.
  const chosen = (path: string) => services.fileGrants.grant(path, 'read').fileToken;
  const savedAs = (path: string) => services.fileGrants.grant(path, 'write').fileToken;

  it('previews with the auto-mapping, commits with progress events, then lists, filters and gets', async () => {
    const file = writeCsv(join(dir, 'in.csv'), [
      ['SKU', 'SKU pai', 'Título', 'Preço', 'Estoque', 'Categoria', 'Cor'],
      ['A-P', 'A', 'Camiseta Azul', '10', '1', 'Roupas', 'Azul'],
      ['A-M', 'A', 'Camiseta Azul', '12', '0', 'Roupas', 'Azul'],
      ['B', '', 'Caneca', '5', '0', '', ''],
    ]);
    const fileToken = chosen(file);
    const preview = await call('catalog:import-preview', { fileToken });
    expect(preview.ok).toBe(true);
    const view = (preview as { value: ImportReportView }).value;
    expect(channels['catalog:import-preview'].output.parse(view)).toBeTruthy();
    expect(view).toMatchObject({ committed: false, imported: 3 });
    expect(view.columns.find((c) => c.header === 'Cor')?.field).toBeNull();

    const events: TaskProgress[] = [];
    const stop = services.tasks.subscribe((event, payload) => void (event === 'task:progress' && events.push(payload as TaskProgress)));
    const mapping = view.columns.map((c) => ({ column: c.column, field: c.header === 'Cor' ? 'characteristic:Cor' : c.field }));
    const commit = await call('catalog:import-commit', { fileToken, mapping });
    stop();
    expect(commit).toMatchObject({ ok: true, value: { committed: true, imported: 3, errorCount: 0 } });
    expect(events.at(-1)).toMatchObject({ kind: 'catalog-import', finished: true, done: 3 });

    const list = await call('catalog:list', { offset: 0, limit: 50, search: 'camiseta' });
    expect(list).toMatchObject({ ok: true, value: { total: 1, items: [{ key: 'A', skuCount: 2, minPriceCents: 1000 }] } });
    const outOfStock = await call('catalog:list', { offset: 0, limit: 50, stock: 'out-of-stock' });
    expect(outOfStock).toMatchObject({ ok: true, value: { total: 1, items: [{ key: 'B' }] } });
    const categories = await call('catalog:categories');
    expect(categories).toMatchObject({ ok: true, value: [{ name: 'Roupas', parentId: null }] });

    const id = (list as { value: { items: { id: number }[] } }).value.items[0]?.id;
    const product = await call('catalog:get', { productId: id });
    const p = (product as { value: ProductView }).value;
    expect(channels['catalog:get'].output.parse(p)).toBeTruthy();
    expect(p).toMatchObject({ title: 'Camiseta Azul', characteristics: { Cor: 'Azul' }, categoryPath: 'Roupas' });
    expect(p.skus.map((s) => s.sku)).toEqual(['A-M', 'A-P']);
  });

  it('answers localized errors: unknown product, unknown mapping field, broken file', async () => {
    const file = writeCsv(join(dir, 'x.csv'), [['SKU'], ['A']]);
    expect(await call('catalog:get', { productId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'CATALOG_PRODUCT_NOT_FOUND', message: 'Este produto não existe mais no catálogo.' },
    });
    expect(await call('catalog:import-preview', { fileToken: chosen(file), mapping: [{ column: 0, field: 'nope' }] })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_MAPPING_FIELD' },
    });
    expect(await call('catalog:import-commit', { fileToken: chosen(join(dir, 'none.xlsx')) })).toMatchObject({
      ok: false,
      error: { code: 'SPREADSHEET_NOT_FOUND' },
    });
  });

  it('reads and writes only files chosen in a dialog: no paths, no unknown or read-only tokens', async () => {
    const file = writeCsv(join(dir, 'x.csv'), [
      ['SKU', 'Título', 'Preço'],
      ['A', 'Caneca', '5'],
      ['B', '', 'abc'],
    ]);
    expect(await call('catalog:import-preview', { file })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('catalog:import-preview', { fileToken: file })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('catalog:export', { fileToken: 'A'.repeat(24) })).toMatchObject({
      ok: false,
      error: { code: 'FILE_NOT_CHOSEN', message: expect.stringContaining('Escolha o arquivo de novo') },
    });
    // A file chosen to be read cannot be written over.
    expect(await call('catalog:export', { fileToken: chosen(file) })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_CHOSEN' } });

    const commit = await call('catalog:import-commit', { fileToken: chosen(file) });
    expect(commit).toMatchObject({ ok: true, value: { rejected: 1, rejectedFile: 'x-erros.csv' } });
    expect(existsSync(join(dir, 'x-erros.csv'))).toBe(true);
    // The written file comes back as a token too, for "show in folder".
    expect(services.fileGrants.resolve((commit as { value: ImportReportView }).value.rejectedFileToken ?? '', 'reveal')).toBe(join(dir, 'x-erros.csv'));
  });

  it('writes the rejected rows where the seller saved them', async () => {
    const file = writeCsv(join(dir, 'y.csv'), [
      ['SKU', 'Título', 'Preço'],
      ['B', 'Caneca', 'abc'],
    ]);
    const target = join(dir, 'fix-me.csv');
    const commit = await call('catalog:import-commit', { fileToken: chosen(file), rejectedFileToken: savedAs(target) });
    expect(commit).toMatchObject({ ok: true, value: { rejectedFile: 'fix-me.csv' } });
    expect(existsSync(target)).toBe(true);
  });

  it('exports and writes a template', async () => {
    const out = join(dir, 'out.csv');
    expect(await call('catalog:export', { fileToken: savedAs(out) })).toMatchObject({ ok: true, value: { rows: 0, name: 'out.csv' } });
    expect(existsSync(out)).toBe(true);
    expect(await call('catalog:template', { fileToken: savedAs(join(dir, 't.xlsx')) })).toMatchObject({ ok: true, value: { name: 't.xlsx' } });
    expect(existsSync(join(dir, 't.xlsx'))).toBe(true);
  });
});
