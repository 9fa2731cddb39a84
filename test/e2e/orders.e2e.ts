import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { AccountsService } from '../../main/accounts/service';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import { expect, test } from './fixtures';

/** The demo account (embedded simulator) and the three SKUs its seeded listings sell. */
async function seed(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  services.db.transaction(() => {
    for (const [code, priceCents] of [
      ['BRC-001', 8990],
      ['CAM-001-PRE-M', 4990],
      ['COL-001', 29900],
    ] as const) {
      const written = product({
        key: code,
        title: code,
        description: null,
        brand: null,
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
      if (!written) throw new Error(`product ${code} was not written`);
      sku({
        sku: code,
        productId: written.id,
        gtin: null,
        gtinExempt: null,
        gtinStatus: 'missing',
        priceCents,
        salePriceCents: null,
        stock: 20,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: null,
        active: true,
      });
    }
  })();
}

test('import → ship → export: the spreadsheet holds the shipped order and a formula-like buyer name as text', async ({
  page,
  services,
  desktop,
  openApp,
  keepScreenshot,
}) => {
  await seed(services);
  await openApp('orders');
  await expect(page.getByRole('heading', { name: 'Pedidos', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Importar pedidos' }).click();
  await expect(page.getByText(/Importação concluída — novos: \d+/)).toBeVisible();
  const formulaRow = page.locator('tr', { hasText: '=HYPERLINK(' });
  await expect(formulaRow).toHaveCount(1);
  const formulaOrderId = (await formulaRow.getAttribute('data-order-id')) ?? '';
  const allRows = await page.locator('tr[data-order-id]').count();
  await page.getByLabel('Buscar').fill('HYPERLINK');
  await expect(page.locator('tr[data-order-id]')).toHaveCount(1);
  await page.getByLabel('Buscar').fill('');
  await expect(page.locator('tr[data-order-id]')).toHaveCount(allRows);

  // An order the seller ships (Amazon picks Delivery by Amazon orders up: those have no "Confirmar envio").
  const unshipped = page.locator('tr', { hasText: 'Não enviado' }).filter({ hasText: 'Envio próprio' }).first();
  const shippedOrderId = (await unshipped.getAttribute('data-order-id')) ?? '';
  await unshipped.getByRole('link').click();
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: `Pedido ${shippedOrderId}` })).toBeVisible();
  await detail.getByLabel('Código de rastreio').fill('BR123456789BR');
  await detail.getByRole('button', { name: 'Confirmar envio na Amazon' }).click();
  await expect(detail.locator('.status-badge')).toHaveText('Enviado');
  await expect(detail.getByText('Correios · BR123456789BR')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Atividade recente' })).toContainText(
    `Pedido ${shippedOrderId} confirmado como enviado (Correios BR123456789BR).`,
  );
  await keepScreenshot('orders-shipped');

  // "Save as…": the seller picks a folder and types a name without the extension.
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-orders-'));
  desktop.dialogs.willSave(null).willSave(join(dir, 'meus pedidos'));
  await page.getByRole('button', { name: 'Exportar para Excel…' }).click();
  await expect.poll(() => desktop.dialogs.requests).toEqual([{ kind: 'save', defaultName: 'pedidos.xlsx', format: 'xlsx' }]);
  await expect(page.getByRole('status').filter({ hasText: 'exportados' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Exportar para Excel…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'pedidos exportados' })).toHaveText(/^\d+ pedidos exportados para meus pedidos\.xlsx$/);
  const file = join(dir, 'meus pedidos.xlsx');
  await keepScreenshot('orders-exported');
  await page.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect.poll(() => desktop.revealer.shown).toEqual([file]);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const [orders, items] = workbook.worksheets;
  expect(orders?.name).toBe('Pedidos');
  expect(items?.name).toBe('Itens');
  const header = (orders?.getRow(1).values as unknown[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  const rows = new Map<string, ExcelJS.Row>();
  orders?.eachRow((row, n) => void (n > 1 && rows.set(String(row.getCell(1).value), row)));
  const formula = rows.get(formulaOrderId);
  expect(formula?.getCell(col('Comprador')).value).toBe(`'=HYPERLINK("http://example.invalid","Clique aqui")`);
  const shipped = rows.get(shippedOrderId);
  expect(shipped?.getCell(col('Situação')).value).toBe('Enviado');
  expect(shipped?.getCell(col('Código de rastreio')).value).toBe('BR123456789BR');
  expect(shipped?.getCell(col('Data da compra')).value).toBeInstanceOf(Date);
  expect(typeof shipped?.getCell(col('Total')).value).toBe('number');
  expect(orders?.rowCount).toBe(rows.size + 1);
  expect(items?.rowCount).toBeGreaterThan(1);
});
