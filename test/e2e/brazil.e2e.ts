import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { brazilServiceFor } from '../../main/brazil/service';
import { listFbaStock } from '../../main/db/tables/fba-inventory';
import { getOrderRow, listOrderItems, listOrders } from '../../main/db/tables/orders';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import { buildNfe, OTHER_CNPJ } from '../fixtures/nfe/build';
import { expect, test, type Page } from './fixtures';

/** The demo account (embedded simulator) and the SKUs its seeded listings sell, with weights and sizes. */
async function seed(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  services.db.transaction(() => {
    for (const [code, priceCents] of [
      ['BRC-001', 8990],
      ['CAM-001-PRE-M', 4990],
      ['COL-001', 29900],
      ['PUL-002', 12990],
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
        weightG: 180,
        lengthMm: 160,
        widthMm: 110,
        heightMm: 40,
        variation: null,
        active: true,
      });
    }
  })();
}

/** The NF-e the seller's ERP would issue for an imported order (its items at the prices Amazon charged). */
function nfeFor(services: Services, orderRowId: number, number: number, mentionIn: 'xPed' | 'infCpl' = 'xPed', cnpj?: string): string {
  const order = getOrderRow(services.db, orderRowId);
  const items = listOrderItems(services.db, orderRowId).map((i) => ({ sku: i.sellerSku ?? '', quantity: i.quantity, unitCents: i.unitPriceCents ?? 0 }));
  return buildNfe({ orderId: order?.amazonOrderId ?? '', number, items, mentionIn, issuedAt: new Date().toISOString(), ...(cnpj ? { cnpj } : {}) });
}

/** Files dropped on the drop zone, the way the browser hands them to the page. */
async function dropFiles(page: Page, files: readonly { name: string; content: string }[]): Promise<void> {
  const transfer = await page.evaluateHandle((list) => {
    // The page's DataTransfer (this file is typed for Node, without the DOM's types).
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } }).DataTransfer();
    for (const f of list) dt.items.add(new File([f.content], f.name, { type: 'text/xml' }));
    return dt;
  }, files);
  await page.getByTestId('nfe-drop').dispatchEvent('drop', { dataTransfer: transfer });
}

test.describe.configure({ timeout: 180_000 });

test('DBA order: import → NF-e dropped → sent → accepted → pickup scheduled → label saved; self-ship order: NF-e chosen in the dialog and shipment confirmed', async ({
  page,
  services,
  desktop,
  openApp,
  keepScreenshot,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seed(services);
  await openApp('orders');
  await page.getByRole('button', { name: 'Importar pedidos' }).click();
  await expect(page.getByText(/Importação concluída — novos: \d+/)).toBeVisible();

  // Only the Delivery by Amazon orders, each saying its NF-e is missing.
  await page.getByLabel('Forma de envio', { exact: true }).selectOption({ label: 'Envios pela Amazon (DBA)' });
  const dbaRows = page.locator('tr[data-order-id]');
  await expect(dbaRows).toHaveCount(2);
  await expect(dbaRows.first()).toContainText('NF-e: falta');
  const dbaOrderId = (await dbaRows.first().getAttribute('data-order-id')) ?? '';
  const dbaRowId = listOrders(services.db, { text: dbaOrderId }, { offset: 0, limit: 1 }).rows[0]?.id ?? -1;

  // The store's CNPJ, so that another company's note is refused (a wrong one is refused first).
  const panel = page.getByRole('region', { name: 'Notas fiscais (NF-e)' });
  await panel.getByText('Configurações de NF-e e coleta').click();
  await panel.getByLabel('CNPJ da loja').fill('11.222.333/0001-82');
  await panel.getByRole('button', { name: 'Salvar' }).click();
  await expect(panel.getByRole('alert')).toContainText('"11.222.333/0001-82" não é um CNPJ válido: confira os dígitos.');
  await panel.getByLabel('CNPJ da loja').fill('11.222.333/0001-81');
  await panel.getByRole('button', { name: 'Salvar' }).click();
  await expect(panel.getByText('Configurações salvas.')).toBeVisible();
  await panel.getByText('Configurações de NF-e e coleta').click();

  // The seller drops the note, a hand-edited copy whose key digit is wrong and another company's note.
  const good = nfeFor(services, dbaRowId, 501);
  const broken = good.replace(/(NFe\d{43})(\d)/, (_, head: string, digit: string) => `${head}${(Number(digit) + 1) % 10}`);
  await dropFiles(page, [
    { name: 'nfe-501.xml', content: good },
    { name: 'nfe-501-editada.xml', content: broken },
    { name: 'nfe-fornecedor.xml', content: nfeFor(services, dbaRowId, 77, 'xPed', OTHER_CNPJ) },
  ]);
  const results = page.getByRole('status').filter({ hasText: 'arquivos lidos' });
  await expect(results).toContainText('3 arquivos lidos: importados: 1, recusados: 2.');
  await expect(results).toContainText(`nfe-501.xml: nota 501 → pedido ${dbaOrderId}`);
  const refused = page.getByRole('list', { name: 'Arquivos recusados' });
  await expect(refused).toContainText('nfe-501-editada.xml: o dígito verificador da chave de acesso');
  await expect(refused).toContainText(
    'nfe-fornecedor.xml: a nota foi emitida pelo CNPJ 45.997.418/0001-53 (em infNFe/emit/CNPJ), que não é o da sua loja (11.222.333/0001-81).',
  );
  // The list keeps every column on screen; the activity says what was imported.
  await expect(page.getByRole('region', { name: 'Atividade recente' })).toContainText('1 nota fiscal importada.');
  await keepScreenshot('brazil-nfe-imported');

  await dbaRows.first().getByRole('link').click();
  const detail = page.getByRole('complementary');
  await expect(detail.getByRole('heading', { name: `Pedido ${dbaOrderId}` })).toBeVisible();
  await expect(detail.getByText('Coleta bloqueada: envie a nota fiscal à Amazon primeiro.')).toBeVisible();
  // Amazon's carrier picks a DBA order up: there is no shipment for the seller to confirm.
  await expect(detail.getByRole('button', { name: 'Confirmar envio na Amazon' })).toHaveCount(0);
  await expect(detail.getByLabel('Código de rastreio')).toHaveCount(0);
  // At 1366 px (and down to 1280, where the detail still opens beside it) the list shows every column, the program badges included.
  const list = page.locator('.orders-list');
  for (const width of [1280, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await expect(detail).toBeVisible();
    expect([width, await list.evaluate((el) => el.scrollWidth - el.clientWidth)]).toEqual([width, 0]);
  }
  await expect(dbaRows.first().locator('.program-badge')).toBeInViewport({ ratio: 1 });
  await detail.getByRole('button', { name: 'Enviar nota à Amazon' }).click();
  await expect(detail.locator('.brazil-nfe .nfe-badge')).toHaveText('enviada');
  await expect(detail.getByText('Coleta bloqueada até a Amazon aceitar a nota fiscal')).toBeVisible();
  // Amazon validates the note in ~20 s on the simulator.
  await page.waitForTimeout(21_000);
  await detail.getByRole('button', { name: 'Atualizar situação' }).click();
  await expect(detail.locator('.brazil-nfe .nfe-badge')).toHaveText('aceita');
  await expect(page.getByRole('region', { name: 'Atividade recente' })).toContainText(`A Amazon aceitou a nota fiscal 501 do pedido ${dbaOrderId}.`);

  await expect(detail.getByLabel('Peso (g)')).toHaveValue(/\d+/);
  await detail.getByRole('button', { name: 'Ver horários de coleta' }).click();
  const slots = detail.getByRole('group', { name: 'Escolha o horário' });
  await slots.getByRole('radio').first().check();
  await keepScreenshot('brazil-pickup-slots');
  await slots.getByRole('button', { name: 'Agendar coleta' }).click();
  await expect(detail.getByText('Aguardando coleta')).toBeVisible();

  const dir = mkdtempSync(join(tmpdir(), 'vitrine-e2e-label-'));
  const labelFile = join(dir, 'etiqueta.pdf');
  desktop.dialogs.willSave(labelFile);
  await detail.getByRole('button', { name: 'Salvar etiqueta (PDF)…' }).click();
  await expect(detail.getByText('Etiqueta salva: etiqueta.pdf')).toBeVisible();
  expect(readFileSync(labelFile).subarray(0, 5).toString()).toBe('%PDF-');
  expect(readFileSync(labelFile).toString('latin1')).toContain(dbaOrderId);
  await detail.getByRole('button', { name: 'Mostrar na pasta' }).click();
  await expect.poll(() => desktop.revealer.shown).toEqual([labelFile]);
  await keepScreenshot('brazil-pickup-scheduled');

  // A self-ship order: the note is picked in the Open dialog, sent, and the shipment confirmed.
  await page.getByLabel('Forma de envio', { exact: true }).selectOption({ label: 'Envio próprio' });
  const selfRow = page.locator('tr[data-order-id]', { hasText: 'Não enviado' }).first();
  const selfOrderId = (await selfRow.getAttribute('data-order-id')) ?? '';
  const selfRowId = listOrders(services.db, { text: selfOrderId }, { offset: 0, limit: 1 }).rows[0]?.id ?? -1;
  const selfFile = join(dir, 'nfe-502.xml');
  writeFileSync(selfFile, nfeFor(services, selfRowId, 502, 'infCpl'));
  desktop.dialogs.willOpenNfe([selfFile]);
  await page.getByRole('button', { name: 'Importar XML…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'arquivo lido' })).toContainText(`nfe-502.xml: nota 502 → pedido ${selfOrderId}`);
  await selfRow.getByRole('link').click();
  await expect(detail.getByRole('heading', { name: `Pedido ${selfOrderId}` })).toBeVisible();
  await detail.getByRole('button', { name: 'Enviar nota à Amazon' }).click();
  await expect(detail.locator('.brazil-nfe .nfe-badge')).toHaveText('enviada');
  await detail.getByLabel('Código de rastreio').fill('BR987654321BR');
  await detail.getByRole('button', { name: 'Confirmar envio na Amazon' }).click();
  await expect(detail.locator('.status-badge')).toHaveText('Enviado');
  await page.waitForTimeout(21_000);
  await detail.getByRole('button', { name: 'Atualizar situação' }).click();
  await expect(detail.locator('.brazil-nfe .nfe-badge')).toHaveText('aceita');
  await keepScreenshot('brazil-self-ship');
});

test('FBA: the units Amazon holds show in the products list and on the product screen, read again on request', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await seed(services);
  // The background loop's first read, done here (the test runs no background work).
  await brazilServiceFor(services).readFba();
  const held = listFbaStock(services.db).find((r) => r.sku === 'PUL-002');
  expect(held?.fulfillable).toBeGreaterThan(0);
  const units = String(held?.fulfillable);

  await openApp('products');
  const row = page.getByTestId('product-row').filter({ hasText: 'PUL-002' });
  await expect(row.getByTestId('fba-list-stock')).toHaveText(
    new RegExp(`^FBA: ${units}Estoque na Amazon \\(FBA\\): ${units} un\\. disponíve(l|is) para venda, ${held?.total} no total$`),
  );
  await expect(page.getByTestId('product-row').filter({ hasText: 'BRC-001' }).getByTestId('fba-list-stock')).toHaveCount(0);
  await keepScreenshot('brazil-fba-list');

  await row.getByRole('link').click();
  const card = page.getByRole('region', { name: 'Estoque na Amazon (FBA)' });
  await expect(card.getByRole('row', { name: /PUL-002/ })).toContainText(units);
  await expect(card).toContainText('nunca envia quantidade para uma oferta FBA');
  await card.getByRole('button', { name: 'Ler agora' }).click();
  await expect(card.getByRole('button', { name: 'Ler agora' })).toBeEnabled();
  await expect(card.getByText(/^Lido da Amazon em \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await keepScreenshot('brazil-fba-product');
});
