import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { saveSchema } from '../../main/db/tables/product-type-schemas';
import { selectProducts } from '../../main/db/tables/listing-selections';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import { saveSyncSettings } from '../../main/sync/settings';
import type { SyncStatusRow, VitrineApi } from '../../preload/contract';
import { expect, test, type Page } from './fixtures';

const BR = 'A2Q3Y263D00KWC';
const DEFAULT_ATTRIBUTES = { country_of_origin: 'BR', supplier_declared_dg_hz_regulation: 'not_applicable', item_type_keyword: 'vases', material: 'Ceramic', room_type: 'Living Room', color: 'Beige' };

/** As sync.e2e.ts: the demo account on Amazon.com.br only, HOME defaults, two good vases and one without a brand, all selected. */
async function seed(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<string, unknown>;
  saveSchema(services.db, { marketplaceId: BR, productType: 'HOME', locale: 'pt_BR', displayName: 'Casa', version: '1', checksum: 'e2e', propertyGroups: {}, fetchedAt: 0, checkedAt: 0, schema });
  saveSyncSettings(services.db, 'demo', BR, { defaultProductType: 'HOME', defaultAttributes: DEFAULT_ATTRIBUTES });
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  for (const [code, brand] of [['VASO-1', 'Barro & Arte'], ['VASO-2', 'Barro & Arte'], ['VASO-SEM-MARCA', null]] as const) {
    const p = product({ key: code, title: `Vaso ${code}`, description: 'Vaso de cerâmica', brand, manufacturer: null, bulletPoints: ['Feito à mão'], imageUrls: ['https://img.example/v.jpg'], categoryId: null });
    if (!p) throw new Error(`product ${code} not written`);
    selectProducts(services.db, { accountId: 'demo', marketplaceId: BR }, [p.id], 0);
    sku({ sku: code, productId: p.id, gtin: null, gtinExempt: true, gtinStatus: 'exempt', priceCents: 4990, salePriceCents: null, stock: 5, weightG: null, lengthMm: null, widthMm: null, heightMm: null, variation: null, active: true });
  }
}

/** Main's own answer for the rejected vase, to compare the screen with Amazon's words verbatim. */
async function rejectedRow(page: Page): Promise<SyncStatusRow | undefined> {
  const outcome = await page.evaluate(() => (globalThis as unknown as { vitrine: VitrineApi }).vitrine.syncStatus({ accountId: 'demo', statuses: ['error'], offset: 0, limit: 10 }));
  return outcome.ok ? outcome.value.items[0] : undefined;
}

/** Nothing on the screen is wider than the window at its minimum width (wide tables scroll inside their card). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(1024);
}

// The embedded simulator runs on real time here: one feed takes Amazon's 30 s to process.
test.setTimeout(150_000);

test('Envios: Send now, live statuses, the rejected vase explains itself, Error filter, activity document, send settings saved', async ({ page, services, openApp, keepScreenshot }) => {
  await seed(services);
  await openApp('sync');
  await expect(page.getByRole('heading', { level: 1, name: 'Envios' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Envios' })).toHaveAttribute('aria-current', 'page');
  // pt-BR labels in one look: the tabs, the chips and the header counters' names.
  await expect(page.getByRole('tab')).toHaveText(['Produtos', 'Atividade', 'Configurações de envio']);
  await expect(page.getByRole('group', { name: 'Filtrar por situação' }).getByRole('button')).toHaveText([
    'Todos',
    'Pendente',
    'Enviando',
    'Aguardando a Amazon',
    'Publicado',
    'Erro',
    'Pausado',
    'Não enviado',
    'Removido',
  ]);
  await expect(page.getByRole('list', { name: /Produtos por situação de envio/ })).toContainText('Aguardando a Amazon');
  await expect(page.getByTestId('sync-count-live')).toHaveText('0');
  await expect(page.getByText(/Nada foi enviado para a Amazon/)).toBeVisible();

  const sendNow = page.getByRole('button', { name: 'Enviar agora' });
  await sendNow.click();
  await expect(page.getByRole('button', { name: 'Enviando…' })).toBeDisabled();
  await expect(page.getByRole('progressbar', { name: 'Enviando…' })).toBeVisible();
  // Live pushes: the counters move while Amazon processes the feed.
  await expect(page.getByTestId('sync-count-waiting')).not.toHaveText('0', { timeout: 30_000 });
  await expect(page.getByTestId('sync-summary')).toHaveText('Envio concluído: 3 enviados, 2 aceitos, 1 com erro, 0 não enviados.', { timeout: 120_000 });
  await expect(sendNow).toBeEnabled();
  await expect(page.getByTestId('sync-count-live')).toHaveText('2');
  await expect(page.getByTestId('sync-count-error')).toHaveText('1');
  await expect(page.getByTestId('sync-last')).toContainText('Último ciclo: ');

  const rows = page.locator('tr[data-sku]');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('tr[data-sku="VASO-1"]')).toContainText('Publicado');
  const bad = page.locator('tr[data-sku="VASO-SEM-MARCA"]');
  await expect(bad).toContainText('Erro');
  await expect(bad).toContainText('Preencha o campo');

  // Expanding the row shows Amazon's issue verbatim, with our explanation below it.
  const expected = await rejectedRow(page);
  const issue = expected?.issues.find((i) => i.code === '90220');
  expect(issue).toMatchObject({ attributeName: 'brand' });
  await page.getByRole('button', { name: 'Mostrar as mensagens da Amazon sobre VASO-SEM-MARCA' }).click();
  const issues = page.getByTestId('sync-issues-VASO-SEM-MARCA');
  await expect(issues).toBeVisible();
  await expect(issues.locator('code', { hasText: '90220' })).toBeVisible();
  await expect(issues.locator('code', { hasText: 'brand' })).toBeVisible();
  await expect(issues.locator('.sync-issue__message').first()).toHaveText(issue?.message ?? 'missing');
  await expect(issues.locator('.sync-issue__explanation').first()).toContainText('Preencha o campo');
  await keepScreenshot('sync-status-error-expanded');
  await expectNoSideScroll(page);

  const chips = page.getByRole('group', { name: 'Filtrar por situação' });
  await chips.getByRole('button', { name: 'Erro', exact: true }).click();
  await expect(chips.getByRole('button', { name: 'Erro', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-sku', 'VASO-SEM-MARCA');
  await chips.getByRole('button', { name: 'Todos' }).click();
  await expect(rows).toHaveCount(3);

  // The failure notification's click: main pushes app:navigate to /sync?status=error.
  services.tasks.emit('app:navigate', { route: '/sync?status=error' });
  await expect(page).toHaveURL(/#\/sync\?status=error$/);
  await expect(rows).toHaveCount(1);
  await expect(chips.getByRole('button', { name: 'Erro', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Activity: the manual full cycle with its feed, and the document exactly as uploaded.
  await page.getByRole('tab', { name: 'Atividade' }).click();
  await expect(page.getByRole('tab', { name: 'Atividade' })).toHaveAttribute('aria-selected', 'true');
  const run = page.locator('article.sync-run').first();
  await expect(run).toContainText('Ciclo completo');
  await expect(run).toContainText('Enviar agora');
  await expect(run).toContainText('Concluído');
  const feed = run.locator('tr[data-feed-id]').first();
  await expect(feed).toContainText('Relatório lido');
  await expect(feed).toContainText('2 aceitos, 1 com erro');
  await feed.getByRole('button', { name: /Ver o documento do feed/ }).click();
  const dialog = page.getByRole('dialog', { name: /Documento do feed/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('sync-document')).toContainText('"sku": "VASO-SEM-MARCA"');
  await expect(dialog.getByTestId('sync-document')).toContainText('"messageId"');
  await keepScreenshot('sync-activity-document');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(feed.getByRole('button', { name: /Ver o documento do feed/ })).toBeFocused();
  await keepScreenshot('sync-activity');
  await expectNoSideScroll(page);

  // Send settings: a bound is explained before saving; the saved value reads back through the API.
  await page.getByRole('tab', { name: 'Configurações de envio' }).click();
  await expect(page.getByRole('heading', { name: /Configurações de envio para/ })).toBeVisible();
  const handling = page.getByLabel('Prazo de manuseio (dias)');
  await expect(handling).toHaveValue('2');
  await handling.fill('45');
  await expect(page.getByText('Informe um número inteiro de dias, de 0 a 30.')).toBeVisible();
  await expect(handling).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(page.getByRole('alert')).toHaveText('Corrija os campos indicados abaixo para salvar.');
  await expect(handling).toBeFocused();
  await handling.fill('5');
  await page.getByLabel('Estoque de segurança').fill('3');
  await page.getByLabel('Final do preço').selectOption({ label: 'Terminar em ,90' });
  await page.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(page.getByTestId('sync-settings-saved')).toHaveText('Configurações salvas. O próximo ciclo envia seus produtos com elas.');
  const stored = await page.evaluate(() => (globalThis as unknown as { vitrine: VitrineApi }).vitrine.syncGetSettings({ accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' }));
  expect(stored).toMatchObject({
    ok: true,
    value: { safetyStock: 3, handlingTimeDays: 5, priceRule: { rounding: 'cents_90' }, defaultProductType: 'HOME', defaultAttributes: DEFAULT_ATTRIBUTES },
  });
  await expect(page.getByRole('button', { name: 'Salvar configurações' })).toBeDisabled();
  await keepScreenshot('sync-settings');
  await expectNoSideScroll(page);
});
