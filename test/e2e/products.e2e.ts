import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { seedProducts } from './seed';

const HEADER = 'SKU;Título;Marca;EAN;Preço;Estoque;Cor';

test('import a sheet through the wizard, see row errors, fix, re-import, export', async ({ page, desktop, openApp, keepScreenshot }) => {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-sheet-'));
  const sheet = join(dir, 'produtos.csv');
  writeFileSync(
    sheet,
    [HEADER, 'CAM-001;Camiseta básica;Algodão Vivo;;49,90;10;Azul', 'CAM-002;Camiseta gola V;Algodão Vivo;;abc;5;Preta', 'CAN-001;Caneca artesanal;Barro & Arte;;29,90;-3;Branca'].join('\n'),
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
    [HEADER, 'CAM-001;Camiseta básica;Algodão Vivo;;49,90;10;Azul', 'CAM-002;Camiseta gola V;Algodão Vivo;;59,90;5;Preta', 'CAN-001;Caneca artesanal;Barro & Arte;;29,90;3;Branca'].join('\n'),
  );
  await page.getByRole('button', { name: 'Importar outra planilha' }).click();
  await expect(fileGroup.getByTestId('chosen-file')).toHaveText('produtos.csv');
  await page.getByRole('button', { name: 'Conferir planilha' }).click();
  await expect(page.getByText('Nenhum erro: todas as linhas podem ser importadas.')).toBeVisible();
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
  await page.getByRole('button', { name: 'Exportar' }).click();
  const exported = join(dir, 'catalogo.xlsx');
  desktop.dialogs.willSave(exported);
  await page.getByRole('button', { name: 'Salvar como…' }).click();
  await expect(page.getByRole('group', { name: 'Salvar em (.xlsx ou .csv)' }).getByTestId('chosen-file')).toHaveText('catalogo.xlsx');
  await page.getByRole('button', { name: 'Exportar' }).last().click();
  await expect(page.getByRole('status').filter({ hasText: 'exportadas para' })).toHaveText('3 linhas exportadas para catalogo.xlsx.');
  expect(existsSync(exported)).toBe(true);
  expect(desktop.dialogs.requests.at(-1)).toEqual({ kind: 'save', defaultName: 'catalogo.xlsx', format: 'xlsx' });
  await page.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect.poll(() => desktop.revealer.shown.at(-1)).toBe(exported);
});

test('the product list stays virtual at 100k rows: few DOM rows, any row reachable, filters and selection', async ({ page, services, openApp, keepScreenshot }) => {
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

  await page.getByLabel('Estoque').selectOption('out-of-stock');
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
  await expect(page.getByTestId('import-summary')).toHaveText('Linhas: 40.000 — novas: 40.000, atualizadas: 0, sem mudança: 0, com erro: 0.', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(page.getByText('Importação concluída.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);

  const seen = await page.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
  // Counted rows from main's progress events, not just the indeterminate placeholder.
  expect(seen.some((s) => /^Importando… [\d.]+ (de [\d.]+ )?linhas\|/.test(s))).toBe(true);
});
