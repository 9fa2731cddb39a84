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

  it('previews with the auto-mapping, commits with progress events, then lists, filters and gets', async () => {
    const file = writeCsv(join(dir, 'in.csv'), [
      ['SKU', 'SKU pai', 'Título', 'Preço', 'Estoque', 'Categoria', 'Cor'],
      ['A-P', 'A', 'Camiseta Azul', '10', '1', 'Roupas', 'Azul'],
      ['A-M', 'A', 'Camiseta Azul', '12', '0', 'Roupas', 'Azul'],
      ['B', '', 'Caneca', '5', '0', '', ''],
    ]);
    const preview = await call('catalog:import-preview', { file });
    expect(preview.ok).toBe(true);
    const view = (preview as { value: ImportReportView }).value;
    expect(channels['catalog:import-preview'].output.parse(view)).toBeTruthy();
    expect(view).toMatchObject({ committed: false, imported: 3 });
    expect(view.columns.find((c) => c.header === 'Cor')?.field).toBeNull();

    const events: TaskProgress[] = [];
    const stop = services.tasks.subscribe((event, payload) => void (event === 'task:progress' && events.push(payload as TaskProgress)));
    const mapping = view.columns.map((c) => ({ column: c.column, field: c.header === 'Cor' ? 'characteristic:Cor' : c.field }));
    const commit = await call('catalog:import-commit', { file, mapping });
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
    expect(await call('catalog:get', { productId: 999 })).toMatchObject({ ok: false, error: { code: 'CATALOG_PRODUCT_NOT_FOUND', message: 'Este produto não existe mais no catálogo.' } });
    expect(await call('catalog:import-preview', { file, mapping: [{ column: 0, field: 'nope' }] })).toMatchObject({ ok: false, error: { code: 'IMPORT_MAPPING_FIELD' } });
    expect(await call('catalog:import-commit', { file: join(dir, 'none.xlsx') })).toMatchObject({ ok: false, error: { code: 'SPREADSHEET_NOT_FOUND' } });
  });

  it('exports and writes a template', async () => {
    const out = join(dir, 'out.csv');
    expect(await call('catalog:export', { file: out })).toMatchObject({ ok: true, value: { rows: 0 } });
    expect(await call('catalog:template', { file: join(dir, 't.xlsx') })).toMatchObject({ ok: true, value: { file: join(dir, 't.xlsx') } });
  });
});
