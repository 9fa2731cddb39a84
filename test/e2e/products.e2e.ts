import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { importProducts } from '../../main/catalog/importer';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { saveCatalogMatches } from '../../main/db/tables/catalog-matches';
import { listCategories } from '../../main/db/tables/categories';
import { setCategoryMapping } from '../../main/db/tables/category-mappings';
import { getSkuByCode } from '../../main/db/tables/skus';
import { prepareBuiltWriter } from '../../main/db/tables/sync-listings';
import type { Services } from '../../main/services';
import { BR, cacheSchema, mapShirt, seedCatalog, shirtSchema } from '../integration/mapping/mapping-helpers';
import { expect, test } from './fixtures';
import { seedProducts } from './seed';

const HEADER = 'SKU;Título;Marca;EAN;Preço;Estoque;Cor';

test('import a sheet through the wizard, see row errors, fix, re-import, export', async ({ page, desktop, openApp, keepScreenshot }) => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-sheet-'));
  const sheet = join(dir, 'produtos.csv');
  writeFileSync(
    sheet,
    [
      HEADER,
      'CAM-001;Camiseta básica;Algodão Vivo;;49,90;10;Azul',
      'CAM-002;Camiseta gola V;Algodão Vivo;;abc;5;Preta',
      'CAN-001;Caneca artesanal;Barro & Arte;;29,90;-3;Branca',
    ].join('\n'),
  );

  await openApp('products');
  await expect(page.getByText('Seu catálogo está vazio. Importe uma planilha para começar.')).toBeVisible();
  await page.getByRole('link', { name: 'Importar planilha' }).click();

  // Step 1 → 2: the file comes from the system's Open dialog; the dry run guesses the columns and
  // reports the bad rows; nothing is saved.
  const fileGroup = page.getByRole('group', { name: 'Planilha (.xlsx ou .csv)' });
  await expect(fileGroup).toContainText('Nenhum arquivo escolhido');
  await expect(page.getByRole('button', { name: 'Conferir planilha' })).toBeDisabled();
  desktop.dialogs.willOpen(sheet);
  await fileGroup.getByRole('button', { name: 'Escolher arquivo…' }).click();
  await expect(fileGroup.getByTestId('chosen-file')).toHaveText('produtos.csv');
  await keepScreenshot('products-import-file');
  await page.getByRole('button', { name: 'Conferir planilha' }).click();
  await expect(page.getByRole('combobox', { name: 'Campo da coluna Preço' })).toHaveValue('price');
  await expect(page.getByRole('combobox', { name: 'Campo da coluna Cor' })).toHaveValue('');
  await page.getByRole('combobox', { name: 'Campo da coluna Cor' }).selectOption('characteristic:Cor');
  await page.getByRole('button', { name: 'Atualizar prévia' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Linhas: 3 — novas: 1, atualizadas: 0, sem mudança: 0, com erro: 2.');
  const errors = page.getByTestId('import-errors');
  await expect(errors.locator('tbody tr')).toHaveCount(2);
  await expect(errors.locator('tbody tr').nth(0).locator('td').nth(0)).toHaveText('3');
  await expect(errors.locator('tbody tr').nth(0).locator('td').nth(1)).toHaveText('Preço');
  await expect(errors.locator('tbody tr').nth(1).locator('td').nth(1)).toHaveText('Estoque');
  const rejectedGroup = page.getByRole('group', { name: 'Salvar as linhas com erro em' });
  await expect(rejectedGroup.getByTestId('chosen-file')).toHaveText('produtos-erros.csv');
  await expect(rejectedGroup).toContainText('salvas ao lado da planilha como produtos-erros.csv');
  await keepScreenshot('products-import-preview');

  // Step 3: the good row goes in, the refused rows go to a file to fix.
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByText('Importação concluída.')).toBeVisible();
  await expect(page.getByTestId('import-summary')).toHaveText('Linhas: 3 — novas: 1, atualizadas: 0, sem mudança: 0, com erro: 2.');
  expect(existsSync(join(dir, 'produtos-erros.csv'))).toBe(true);
  await expect(page.getByText('As linhas com erro foram salvas em produtos-erros.csv.')).toBeVisible();
  await page.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect.poll(() => desktop.revealer.shown).toEqual([join(dir, 'produtos-erros.csv')]);

  // Fix the two rows and import the same file again.
  writeFileSync(
    sheet,
    [
      HEADER,
      'CAM-001;Camiseta básica;Algodão Vivo;;49,90;10;Azul',
      'CAM-002;Camiseta gola V;Algodão Vivo;;59,90;5;Preta',
      'CAN-001;Caneca artesanal;Barro & Arte;;29,90;3;Branca',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Importar outra planilha' }).click();
  await expect(fileGroup.getByTestId('chosen-file')).toHaveText('produtos.csv');
  await page.getByRole('button', { name: 'Conferir planilha' }).click();
  // No row is refused, but none of the three has an EAN: the preview says they would not go to Amazon.
  await expect(page.getByText('Nenhuma linha recusada: todas as linhas foram lidas.')).toBeVisible();
  await expect(page.getByText('3 produtos têm problema de EAN e não iriam para a Amazon até serem corrigidos')).toBeVisible();
  await page.getByRole('combobox', { name: 'Campo da coluna Cor' }).selectOption('characteristic:Cor');
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Linhas: 3 — novas: 2, atualizadas: 0, sem mudança: 1, com erro: 0.');
  await keepScreenshot('products-import-result');

  // The list shows the catalog; search narrows it; a row opens the product.
  await page.getByRole('link', { name: 'Ver produtos' }).click();
  await expect(page.getByTestId('product-count')).toHaveText('3 produtos');
  await expect(page.getByTestId('product-row')).toHaveCount(3);
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('caneca');
  await expect(page.getByTestId('product-count')).toHaveText('1 produto');
  await page.getByRole('link', { name: 'Caneca artesanal' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Caneca artesanal' })).toBeVisible();
  await expect(page.getByTestId('sku-table')).toContainText('CAN-001');
  await expect(page.getByTestId('sku-table')).toContainText('29,90');
  await expect(page.locator('.facts')).toContainText('Branca');

  // Export the whole catalog.
  await page.getByRole('link', { name: /Voltar aos produtos/ }).click();
  await page.getByRole('button', { name: 'Exportar', exact: true }).click();
  const exported = join(dir, 'catalogo.xlsx');
  desktop.dialogs.willSave(exported);
  await page.getByRole('button', { name: 'Salvar como…' }).click();
  await expect(page.getByRole('group', { name: 'Salvar em (.xlsx ou .csv)' }).getByTestId('chosen-file')).toHaveText('catalogo.xlsx');
  // The list is still filtered by "caneca": the panel says so and offers the whole catalog too.
  await expect(page.getByRole('radio', { name: 'Só a lista filtrada (1 produto)' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Exportar a lista filtrada' })).toBeVisible();
  await page.getByRole('radio', { name: 'Todo o catálogo' }).check();
  await page.getByRole('button', { name: 'Exportar todo o catálogo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'exportados para' })).toHaveText('3 SKUs exportados para catalogo.xlsx.');
  expect(existsSync(exported)).toBe(true);
  expect(desktop.dialogs.requests.at(-1)).toEqual({ kind: 'save', defaultName: 'catalogo.xlsx', format: 'xlsx' });
  await page.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect.poll(() => desktop.revealer.shown.at(-1)).toBe(exported);
});

test('the product list stays virtual at 100k rows: few DOM rows, any row reachable, filters and selection', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  test.setTimeout(120_000);
  seedProducts(services, 100_000);
  await openApp('products');
  await expect(page.getByTestId('product-count')).toHaveText('100.000 produtos');
  await expect(page.getByTestId('product-row').first()).toContainText('Produto 000001');
  expect(await page.getByTestId('product-row').count()).toBeLessThan(60);

  // Jump to the end: only the last page is fetched and rendered.
  const scroller = page.getByTestId('product-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(page.getByRole('link', { name: 'Produto 100000' })).toBeVisible();
  expect(await page.getByTestId('product-row').count()).toBeLessThan(60);

  await page.getByRole('checkbox', { name: 'Selecionar Produto 100000' }).check();
  await expect(page.getByText('1 produto selecionado')).toBeVisible();
  await keepScreenshot('products-100k');

  await page.getByLabel('Estoque', { exact: true }).selectOption('out-of-stock');
  await expect(page.getByTestId('product-count')).toHaveText('14.285 produtos');
  await page.getByRole('button', { name: 'Limpar filtros' }).click();
  await expect(page.getByTestId('product-count')).toHaveText('100.000 produtos');
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en-GB' });

  test('the list formats numbers for the locale and the import wizard speaks English', async ({ page, services, desktop, openApp, keepScreenshot }) => {
    seedProducts(services, 1500);
    await openApp('products');
    await expect(page.getByTestId('product-count')).toHaveText('1,500 products');
    await expect(page.getByTestId('product-row').first()).toContainText('10.01');
    await keepScreenshot('products-en');
    await page.getByRole('link', { name: 'Import spreadsheet' }).click();
    await expect(page.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveText(['1File', '2Columns and preview', '3Result']);
    // The seller switches the dialog's filter off and picks something that is not a spreadsheet.
    desktop.dialogs.willOpen(join(tmpdir(), 'vitrine.db'));
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expect(page.getByRole('alert')).toContainText('"vitrine.db" is not a spreadsheet. Choose an .xlsx or .csv file.');
    // A file that vanished after it was chosen.
    desktop.dialogs.willOpen(join(tmpdir(), 'vanished', 'products.csv'));
    await page.getByRole('button', { name: 'Choose file…' }).click();
    await expect(page.getByRole('group', { name: 'Spreadsheet (.xlsx or .csv)' }).getByTestId('chosen-file')).toHaveText('products.csv');
    await page.getByRole('button', { name: 'Check spreadsheet' }).click();
    await expect(page.getByRole('alert')).toContainText('The spreadsheet could not be read.');
  });
});

test('a large import shows its progress bar from the task:progress events', async ({ page, desktop, openApp }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-big-'));
  const sheet = join(dir, 'grande.csv');
  const rows = Array.from({ length: 40_000 }, (_, i) => `SKU-${i + 1};Produto ${i + 1};Marca;;${(i % 500) + 1},90;${i % 9}`);
  writeFileSync(sheet, ['SKU;Título;Marca;EAN;Preço;Estoque', ...rows].join('\n'));

  await openApp('products/import');
  // The bar may live for less than a polling interval: record every state it shows.
  await page.evaluate(() => {
    // This file is type-checked without the DOM library: name the few browser pieces used here.
    type Browser = {
      document: { body: unknown; querySelector(selector: string): { getAttribute(name: string): string | null } | null };
      MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
    };
    const { document, MutationObserver } = globalThis as unknown as Browser;
    const seen: string[] = [];
    (globalThis as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const text = bar?.getAttribute('aria-valuetext');
      if (text && seen[seen.length - 1] !== text) seen.push(`${text}|${bar?.getAttribute('aria-valuenow') ?? ''}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  desktop.dialogs.willOpen(sheet);
  await page.getByRole('button', { name: 'Escolher arquivo…' }).click();
  await expect(page.getByTestId('chosen-file')).toHaveText('grande.csv');
  await page.getByRole('button', { name: 'Conferir planilha' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('Linhas: 40.000 — novas: 40.000, atualizadas: 0, sem mudança: 0, com erro: 0.', {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByText('Importação concluída.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
  // Counted rows from main's progress events, not just the indeterminate placeholder.
  expect(seen.some((s) => /^Importando… Linhas: [\d.]+( de [\d.]+)?\|/.test(s))).toBe(true);
});

test.describe('the Tray card "Lista de produtos integrados", at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  const READY = { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' };

  /** The demo account on Amazon.com.br; shirts whose category is related to SHIRT, a mug and a vase whose category is not. */
  async function seedIntegrated(services: Services): Promise<void> {
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    setEnabledMarketplaces(services.db, 'demo', [BR]);
    seedCatalog(services.db, [
      { key: 'CAM-AZUL', title: 'Camiseta azul de algodão', category: 'Moda > Camisetas', characteristics: READY },
      { key: 'CAM-VERDE', title: 'Camiseta verde de algodão', category: 'Moda > Camisetas', characteristics: READY },
      { key: 'CAM-ROSA', title: 'Camiseta rosa de algodão', category: 'Moda > Camisetas', characteristics: READY },
      { key: 'CANECA', title: 'Caneca de cerâmica', category: 'Casa', skus: [{ sku: 'CANECA', stock: 12, priceCents: 2990 }] },
      { key: 'VASO', title: 'Vaso artesanal', category: 'Casa' },
    ]);
    const moda = listCategories(services.db).find((c) => c.path === 'Moda')?.id ?? 0;
    setCategoryMapping(services.db, { categoryId: moda, marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
    cacheSchema(services.db, 'SHIRT', shirtSchema());
    mapShirt(services.db);
    const built = prepareBuiltWriter(services.db, 'demo', BR, Date.UTC(2026, 11, 4, 12));
    built({ sku: 'VASO', stamp: 'e2e', status: 'live', reason: null, productType: 'HOME' });
    built({ sku: 'CAM-ROSA', stamp: 'e2e', status: 'error', reason: null, productType: 'SHIRT' });
    const vaso = getSkuByCode(services.db, 'VASO');
    saveCatalogMatches(services.db, [
      {
        skuId: vaso?.id ?? -1,
        gtin: vaso?.gtin ?? '',
        marketplaceId: BR,
        outcome: 'matched',
        asin: 'B0VASO0001',
        title: 'Vaso Artesanal de Cerâmica 20 cm',
        brand: 'Marca Teste',
        productType: 'HOME',
        candidates: [],
        attached: false,
        matchedAt: 0,
      },
    ]);
  }

  test('Amazon status and filter per product, found on Amazon, inline stock, and the ticked products included for real', async ({
    page,
    services,
    openApp,
    keepScreenshot,
  }) => {
    await seedIntegrated(services);
    await openApp('products');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

    const row = (title: string) => page.getByTestId('product-row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await expect(page.getByRole('columnheader', { name: 'Amazon' })).toBeVisible();
    await expect(row('Vaso artesanal')).toContainText('Ativo');
    await expect(row('Vaso artesanal')).toContainText('Encontrado na Amazon: ASIN B0VASO0001 (Vaso Artesanal de Cerâmica 20 cm)');
    await expect(row('Camiseta rosa de algodão')).toContainText('Com erro');
    await expect(row('Caneca de cerâmica')).toContainText('Não incluído');
    await expect(page.getByRole('link', { name: 'Incluir produtos no Marketplace' })).toHaveAttribute('href', '#/categories/include');
    await keepScreenshot('products-integrated-list');

    await page.getByLabel('Na Amazon Brasil').selectOption('error');
    await expect(page.getByTestId('product-count')).toHaveText('1 produto');
    await expect(page.getByTestId('product-row')).toHaveCount(1);
    await page.getByRole('button', { name: 'Limpar filtros' }).click();
    await expect(page.getByTestId('product-count')).toHaveText('5 produtos');

    // Stock in place, with the import's words when the value is wrong.
    await page.getByRole('button', { name: 'Editar o estoque de Caneca de cerâmica' }).click();
    const stock = page.getByRole('textbox', { name: 'Editar o estoque de Caneca de cerâmica' });
    await stock.fill('doze');
    await stock.press('Enter');
    await expect(row('Caneca de cerâmica').getByRole('alert')).toHaveText('Estoque: "doze" não é um número.');
    await keepScreenshot('products-inline-stock-error');
    await stock.fill('7');
    await stock.press('Enter');
    await expect(page.getByRole('button', { name: 'Editar o estoque de Caneca de cerâmica' })).toHaveText('7');
    expect(getSkuByCode(services.db, 'CANECA')?.stock).toBe(7);

    // The ticked products go into the marketplace; the one that is not ready says why.
    await page.getByRole('checkbox', { name: 'Selecionar Camiseta azul de algodão' }).check();
    await page.getByRole('checkbox', { name: 'Selecionar Caneca de cerâmica' }).check();
    await expect(page.getByText('construído')).toHaveCount(0);
    await page.getByRole('button', { name: 'Incluir na Amazon Brasil' }).click();
    const result = page.getByTestId('include-result');
    await expect(result).toContainText('1 produto incluído na Amazon Brasil: ele vai no próximo envio.');
    await expect(result).toContainText('1 produto ainda não pode ser incluído:');
    await expect(result.getByRole('listitem')).toContainText('Caneca de cerâmica');
    await expect(row('Camiseta azul de algodão')).toContainText('Aguardando envio');
    await expect(page.getByText('1 produto selecionado')).toBeVisible();
    await keepScreenshot('products-include-ticked');
  });

  test('edit a product and one of its SKUs on the product screen, with the import’s validation', async ({ page, services, openApp, keepScreenshot }) => {
    const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-edit-'));
    const sheet = join(dir, 'familia.csv');
    writeFileSync(
      sheet,
      [
        'SKU;SKU pai;Título;Descrição;Marca;Preço;Estoque;Característica: Cor;Variação: Tamanho',
        'CAM;;Camiseta Básica Algodão;Camiseta de algodão penteado.;Algodão Vivo;;;Branco;',
        'CAM-P;CAM;Camiseta Básica Algodão P;Camiseta de algodão penteado.;Algodão Vivo;49,90;3;Branco;P',
        'CAM-M;CAM;Camiseta Básica Algodão M;Camiseta de algodão penteado.;Algodão Vivo;49,90;5;Preto;M',
      ].join('\n'),
    );
    await importProducts(services.db, sheet, { dryRun: false, t: services.translator.t });
    const productId = getSkuByCode(services.db, 'CAM-P')?.productId ?? 0;

    await openApp(`products/${productId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Camiseta Básica Algodão' })).toBeVisible();
    const skus = page.getByTestId('sku-table');
    await expect(skus.locator('tr', { hasText: 'CAM-M' })).toContainText('Camiseta Básica Algodão M · Cor: Preto');

    await page.getByRole('button', { name: 'Editar o SKU CAM-M' }).click();
    const form = page.getByRole('form', { name: 'Editar o SKU CAM-M' });
    await form.getByLabel('Preço', { exact: true }).fill('abc');
    await form.getByLabel('Estoque').fill('-2');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await expect(form.getByRole('alert')).toHaveText(['Preço: "abc" não é um número.', 'Estoque: o valor não pode ser negativo.']);
    await expect(form.getByLabel('Preço', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await keepScreenshot('product-edit-sku-errors');
    await form.getByLabel('Preço', { exact: true }).fill('R$ 1.234,56');
    await form.getByLabel('Estoque').fill('4');
    await form.getByLabel('Título próprio deste SKU').fill('Camiseta Básica Algodão Média');
    await form.getByRole('button', { name: 'Salvar' }).click();
    await expect(page.getByText('Alterações salvas.', { exact: false })).toBeVisible();
    await expect(skus.locator('tr', { hasText: 'CAM-M' })).toContainText('1.234,56');
    await expect(skus.locator('tr', { hasText: 'CAM-M' })).toContainText('Camiseta Básica Algodão Média');
    expect(getSkuByCode(services.db, 'CAM-M')).toMatchObject({ priceCents: 123456, stock: 4, title: 'Camiseta Básica Algodão Média' });

    await page.getByRole('button', { name: 'Editar produto' }).click();
    const productForm = page.getByRole('form', { name: 'Editar produto' });
    await productForm.getByLabel('Título', { exact: true }).fill('');
    await productForm.getByLabel('Marca').fill('Algodão Vivo Brasil');
    await productForm.getByRole('button', { name: 'Salvar' }).click();
    await expect(productForm.getByRole('alert')).toHaveText('Título: preencha este campo; ele não pode ficar vazio.');
    await keepScreenshot('product-edit-product-error');
    await productForm.getByLabel('Título', { exact: true }).fill('Camiseta Básica Algodão Orgânico');
    await productForm.getByRole('button', { name: 'Salvar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Camiseta Básica Algodão Orgânico' })).toBeVisible();
    await expect(page.locator('.facts')).toContainText('Algodão Vivo Brasil');
    await keepScreenshot('product-edited');
  });
});
