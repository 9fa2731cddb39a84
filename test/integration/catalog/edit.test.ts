import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importProducts } from '../../../main/catalog/importer';
import { catalogHandlers } from '../../../main/ipc/handlers/catalog';
import { dispatch } from '../../../main/ipc/register';
import { getSkuByCode } from '../../../main/db/tables/skus';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { channels, type EditResult } from '../../../preload/contract';
import { tempDir, tPt, writeCsv } from './helpers';

const FILE = [
  ['SKU', 'SKU pai', 'Título', 'Descrição', 'Marca', 'Preço', 'Preço promocional', 'Estoque', 'EAN', 'Característica: Cor', 'Componentes do kit'],
  ['CAM', '', 'Camiseta Básica', 'Algodão penteado.', 'Acme', '', '', '', '', 'Branco', ''],
  ['CAM-P', 'CAM', 'Camiseta Básica P', 'Algodão penteado.', 'Acme', '49,90', '', '3', '7891234567895', 'Branco', ''],
  ['CAM-M', 'CAM', 'Camiseta Básica M', 'Algodão penteado.', 'Acme', '49,90', '', '5', '', 'Preto', ''],
  ['CANECA', '', 'Caneca', '', 'Acme', '20', '', '10', '', '', ''],
  ['KIT', '', 'Kit canecas', '', 'Acme', '35', '', '', '', '', 'CANECA x2'],
];

describe('editing products in the app', () => {
  let services: Services;
  let call: (channel: string, input?: unknown) => ReturnType<typeof dispatch>;
  const sku = (code: string) => getSkuByCode(services.db, code);
  const stampOf = (code: string) => sku(code)?.updatedAt;
  const productStamp = (key: string) => services.db.prepare('SELECT updated_at FROM products WHERE key = ?').pluck().get(key);
  const tick = () => new Promise((r) => setTimeout(r, 5));

  async function edit(channel: 'catalog:update-sku' | 'catalog:update-product', input: unknown): Promise<EditResult> {
    const outcome = await call(channel, input);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return channels[channel].output.parse(outcome.value);
  }

  beforeEach(async () => {
    const dir = tempDir();
    services = createServices({ dbFile: join(dir, 'edit.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'pt-BR' });
    const handlers = catalogHandlers(services);
    call = (channel, input) => dispatch(handlers, services.translator, channel, input, true);
    const report = await importProducts(services.db, writeCsv(join(dir, 'in.csv'), FILE), { dryRun: false, t: tPt });
    expect(report.rejected).toBe(0);
  });
  afterEach(() => services.close());

  it('reads prices and stock the way the import does, and moves the SKU’s stamp', async () => {
    const before = stampOf('CAM-P');
    await tick();
    const result = await edit('catalog:update-sku', { skuId: sku('CAM-P')?.id, changes: { price: 'R$ 1.234,56', salePrice: '999,90', stock: ' 7 ' } });
    expect(result.saved).toBe(true);
    expect(sku('CAM-P')).toMatchObject({ priceCents: 123456, salePriceCents: 99990, stock: 7 });
    expect(stampOf('CAM-P')).not.toBe(before);
    const view = result.saved ? result.product.skus.find((s) => s.sku === 'CAM-P') : undefined;
    expect(view).toMatchObject({ priceCents: 123456, stock: 7 });
    // The same values again change nothing, not even the stamp.
    const stamp = stampOf('CAM-P');
    await tick();
    await edit('catalog:update-sku', { skuId: sku('CAM-P')?.id, changes: { price: '1234,56', stock: '7' } });
    expect(stampOf('CAM-P')).toBe(stamp);
  });

  it('refuses bad values with the import’s Portuguese messages naming each field, and writes nothing', async () => {
    const before = sku('CAM-P');
    const result = await edit('catalog:update-sku', { skuId: before?.id, changes: { price: 'abc', stock: '-1', gtin: '7.89123E+12', salePrice: '10' } });
    expect(result).toEqual({
      saved: false,
      errors: [
        {
          field: 'gtin',
          message: 'EAN: a planilha transformou o EAN em "7.89123E+12" e os últimos dígitos se perderam. Formate a coluna como texto e digite o EAN de novo.',
        },
        { field: 'price', message: 'Preço: "abc" não é um número.' },
        { field: 'stock', message: 'Estoque: o valor não pode ser negativo.' },
      ],
    });
    const above = await edit('catalog:update-sku', { skuId: before?.id, changes: { salePrice: '60' } });
    expect(above).toEqual({ saved: false, errors: [{ field: 'salePrice', message: 'Preço promocional: o preço promocional é maior que o preço.' }] });
    const empty = await edit('catalog:update-sku', { skuId: before?.id, changes: { price: '  ', stock: '' } });
    expect(empty.saved ? [] : empty.errors.map((e) => e.message)).toEqual([
      'Preço: preencha este campo; ele não pode ficar vazio.',
      'Estoque: preencha este campo; ele não pode ficar vazio.',
    ]);
    const kit = await edit('catalog:update-sku', { skuId: sku('KIT')?.id, changes: { stock: '4' } });
    expect(kit.saved ? [] : kit.errors.map((e) => e.message)).toEqual(['Estoque: o estoque de um kit vem dos seus componentes; altere o estoque deles.']);
    expect(sku('CAM-P')).toEqual(before);
  });

  it('checks an edited EAN like the import: a wrong check digit is kept and flagged, clearing it leaves the SKU without one', async () => {
    await edit('catalog:update-sku', { skuId: sku('CAM-M')?.id, changes: { gtin: '789 1234 567 890' } });
    expect(sku('CAM-M')).toMatchObject({ gtin: '7891234567890', gtinStatus: 'invalid' });
    await edit('catalog:update-sku', { skuId: sku('CAM-M')?.id, changes: { gtin: '' } });
    expect(sku('CAM-M')).toMatchObject({ gtin: null, gtinStatus: 'missing' });
  });

  it('edits the family’s content on the product and each SKU’s own where it differs', async () => {
    const productId = sku('CAM-P')?.productId;
    const blank = await edit('catalog:update-product', { productId, changes: { title: '   ' } });
    expect(blank).toEqual({ saved: false, errors: [{ field: 'title', message: 'Título: preencha este campo; ele não pode ficar vazio.' }] });

    const before = productStamp('CAM');
    await tick();
    const saved = await edit('catalog:update-product', {
      productId,
      changes: { title: 'Camiseta Básica P', brand: '', characteristics: { Cor: 'Preto', Material: 'Algodão' } },
    });
    expect(saved.saved).toBe(true);
    expect(productStamp('CAM')).not.toBe(before);
    if (!saved.saved) return;
    expect(saved.product).toMatchObject({ title: 'Camiseta Básica P', brand: null, characteristics: { Cor: 'Preto', Material: 'Algodão' } });
    // CAM-P's own title now equals the family's, and CAM-M's own colour too: both are dropped.
    expect(saved.product.skus.find((s) => s.sku === 'CAM-P')).toMatchObject({ title: null });
    expect(saved.product.skus.find((s) => s.sku === 'CAM-M')).toMatchObject({ title: 'Camiseta Básica M', characteristics: {} });

    const own = await edit('catalog:update-sku', { skuId: sku('CAM-M')?.id, changes: { title: 'Camiseta Básica P', characteristics: { Cor: 'Azul' } } });
    expect(own.saved && own.product.skus.find((s) => s.sku === 'CAM-M')).toMatchObject({ title: null, characteristics: { Cor: 'Azul' } });
    const same = await edit('catalog:update-sku', { skuId: sku('CAM-M')?.id, changes: { characteristics: { Cor: '' } } });
    expect(same.saved && same.product.skus.find((s) => s.sku === 'CAM-M')?.characteristics).toEqual({});
  });

  it('answers in English for an English-speaking seller', async () => {
    services.translator.setLocale('en');
    const result = await edit('catalog:update-sku', { skuId: sku('CAM-P')?.id, changes: { price: 'twelve' } });
    expect(result).toEqual({ saved: false, errors: [{ field: 'price', message: 'Price: "twelve" is not a number.' }] });
  });
});
