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
const US = 'ATVPDKIKX0DER';
const DEFAULT_ATTRIBUTES = {
  country_of_origin: 'BR',
  supplier_declared_dg_hz_regulation: 'not_applicable',
  item_type_keyword: 'vases',
  material: 'Ceramic',
  room_type: 'Living Room',
  color: 'Beige',
};

/**
 * The demo account on Amazon.com.br and Amazon.com, HOME as the fallback product type, two good
 * vases and one without a brand, selected for Brazil only. Vitrine's cached HOME schema predates
 * Amazon's `brand` requirement, so the brandless vase goes out and Amazon itself refuses it.
 */
async function seed(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR, US]);
  const home = JSON.parse(readFileSync(join(import.meta.dirname, '../../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const schema = { ...home, required: (home['required'] as string[]).filter((a) => a !== 'brand') };
  const now = Date.now();
  saveSchema(services.db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'e2e',
    propertyGroups: {},
    fetchedAt: now,
    checkedAt: now,
    schema,
  });
  saveSyncSettings(services.db, 'demo', BR, { defaultProductType: 'HOME', defaultAttributes: DEFAULT_ATTRIBUTES });
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  for (const [code, brand] of [
    ['VASO-1', 'Barro & Arte'],
    ['VASO-2', 'Barro & Arte'],
    ['VASO-SEM-MARCA', null],
  ] as const) {
    const p = product({
      key: code,
      title: `Vaso ${code}`,
      description: 'Vaso de cerâmica',
      brand,
      manufacturer: null,
      bulletPoints: ['Feito à mão'],
      imageUrls: ['https://img.example/v.jpg'],
      categoryId: null,
    });
    if (!p) throw new Error(`product ${code} not written`);
    selectProducts(services.db, { accountId: 'demo', marketplaceId: BR }, [p.id], 0);
    sku({
      sku: code,
      productId: p.id,
      gtin: null,
      gtinExempt: true,
      gtinStatus: 'exempt',
      priceCents: 4990,
      salePriceCents: null,
      stock: 5,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: true,
    });
  }
}

/** Main's own answer for the rejected vase, to compare the screen with Amazon's words verbatim. */
async function rejectedRow(page: Page): Promise<SyncStatusRow | undefined> {
  const outcome = await page.evaluate(() =>
    (globalThis as unknown as { vitrine: VitrineApi }).vitrine.syncStatus({ accountId: 'demo', statuses: ['error'], offset: 0, limit: 10 }),
  );
  return outcome.ok ? outcome.value.items[0] : undefined;
}

/** Nothing on the screen is wider than the window (wide tables scroll inside their card). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const width = await page.evaluate(
    () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
  );
  expect(width).toBeLessThanOrEqual(1366);
}

test.use({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR' });
// The embedded simulator runs on real time here: one feed takes Amazon's 30 s to process.
test.setTimeout(240_000);

test('Sincronização: one marketplace at a time, the refusal grouped by cause with its fix, product names, plain history with technical details folded', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  await seed(services);
  await openApp('sync');
  await expect(page.getByRole('heading', { level: 1, name: 'Sincronização com a Amazon' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Sincronização' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('tab')).toHaveText(['Produtos', 'Histórico']);
  // No marketplace picker of its own: the header's decides.
  await expect(page.locator('#content').getByLabel('Marketplace')).toHaveCount(0);
  await expect(page.getByTestId('sync-count-live')).toHaveText('0');
  await expect(page.getByText(/Nada foi enviado para a Amazon neste marketplace/)).toBeVisible();
  await keepScreenshot('sync-empty');

  const syncNow = page.getByRole('button', { name: 'Sincronizar agora' });
  await syncNow.click();
  await expect(page.getByRole('button', { name: 'Sincronizando…' })).toBeDisabled();
  await expect(page.getByRole('progressbar', { name: 'Sincronizando…' })).toBeVisible();
  const summary = page.getByTestId('sync-summary');
  await expect(summary).toContainText('Sincronização concluída, mas a Amazon recusou 1 produto. Veja abaixo o que corrigir.', { timeout: 150_000 });
  await expect(summary).toHaveAttribute('data-tone', 'warning');
  await expect(summary).toContainText('Enviados3');
  await expect(syncNow).toBeEnabled();
  await expect(page.getByTestId('sync-count-live')).toHaveText('2');
  await expect(page.getByTestId('sync-count-error')).toHaveText('1');
  await expect(page.getByTestId('sync-last')).toContainText('Última sincronização: ');

  // The refusal, by cause: "1 produto · Falta preencher: Marca", fixed on Produtos, Amazon's words folded.
  const causes = page.getByRole('region', { name: 'Precisa da sua atenção' });
  const cause = causes.getByTestId('sync-cause').filter({ hasText: 'Falta preencher: Marca' });
  await expect(cause).toContainText('1 produto');
  await expect(cause.getByRole('link', { name: 'Corrigir em Produtos' })).toHaveAttribute('href', '#/products');
  const expected = await rejectedRow(page);
  const issue = expected?.issues.find((i) => i.code === '90220');
  expect(issue).toMatchObject({ attributeName: 'brand' });
  await cause.getByText('Mensagem da Amazon (nas palavras dela)').click();
  await expect(cause.locator('blockquote')).toHaveText(issue?.message ?? 'missing');
  await keepScreenshot('sync-refused-cause');

  // "Ver o produto": the list narrows to that cause, rows named by product.
  await cause.getByRole('button', { name: 'Ver o produto' }).click();
  await expect(page.getByTestId('sync-cause-filter')).toContainText('Mostrando só: Falta preencher: Marca');
  const rows = page.locator('tr[data-sku]');
  await expect(rows).toHaveCount(1);
  const bad = page.locator('tr[data-sku="VASO-SEM-MARCA"]');
  await expect(bad.getByRole('link', { name: 'Vaso VASO-SEM-MARCA' })).toHaveAttribute('href', /#\/products\/\d+$/);
  await expect(bad).toContainText('SKU VASO-SEM-MARCA');
  await expect(bad).toContainText('Erro');
  await bad.getByRole('button', { name: 'Mostrar as mensagens da Amazon sobre Vaso VASO-SEM-MARCA' }).click();
  const issues = page.getByTestId('sync-issues-VASO-SEM-MARCA');
  await expect(issues.locator('code', { hasText: '90220' })).toBeVisible();
  await expect(issues.locator('.sync-issue__message').first()).toHaveText(issue?.message ?? 'missing');
  await expect(issues.locator('.sync-issue__explanation').first()).toContainText('Preencha o campo');
  await keepScreenshot('sync-refused-product');
  await expectNoSideScroll(page);

  await page.getByRole('button', { name: 'Mostrar todos' }).click();
  await expect(rows).toHaveCount(3);
  const chips = page.getByRole('group', { name: 'Filtrar por situação' });
  await expect(chips.getByRole('button', { name: /Publicado/ })).toHaveText('Publicado2');
  await chips.getByRole('button', { name: /Erro/ }).click();
  await expect(rows).toHaveCount(1);
  await chips.getByRole('button', { name: 'Todos' }).click();
  await page.getByLabel('Buscar').fill('vaso-2');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-sku', 'VASO-2');
  await page.getByLabel('Buscar').fill('');
  await expect(rows).toHaveCount(3);

  // The failure notification's click: main pushes app:navigate to /sync?status=error.
  services.tasks.emit('app:navigate', { route: '/sync?status=error' });
  await expect(page).toHaveURL(/#\/sync\?status=error$/);
  await expect(rows).toHaveCount(1);
  await expect(chips.getByRole('button', { name: /Erro/ })).toHaveAttribute('aria-pressed', 'true');

  // Histórico: plain words first; feed ids and Amazon's processing codes only behind the toggle.
  await page.getByRole('tab', { name: 'Histórico' }).click();
  const run = page.locator('article.sync-run').first();
  await expect(run).toContainText('Envio completo');
  await expect(run).toContainText('Iniciada por você (Sincronizar agora)');
  await expect(run).toContainText('Concluída');
  await expect(run.locator('.sync-run__facts')).toContainText('Recusados1');
  const technical = run.locator('details.sync-run__technical');
  await expect(technical).not.toHaveAttribute('open');
  await expect(run.getByText('DONE', { exact: true })).toBeHidden();
  await keepScreenshot('sync-history');
  await technical.locator('summary').click();
  const feed = run.locator('tr[data-feed-id]').first();
  await expect(feed).toContainText('Processado DONE');
  await expect(feed).toContainText('aceitos: 2, com erro: 1');
  await feed.getByRole('button', { name: /Ver o arquivo/ }).click();
  const dialog = page.getByRole('dialog', { name: /Arquivo/ });
  await expect(dialog.getByTestId('sync-document')).toContainText('"sku": "VASO-SEM-MARCA"');
  await keepScreenshot('sync-history-technical');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Nothing changed: the next sync sends nothing and says so, in a success style.
  await page.getByRole('tab', { name: 'Produtos' }).click();
  await syncNow.click();
  await expect(summary).toHaveText(/nada mudou desde a última vez/, { timeout: 120_000 });
  await expect(summary).toHaveAttribute('data-tone', 'success');

  // The header's marketplace decides what is counted: nothing was selected for Amazon.com.
  await page.getByRole('banner').getByLabel('Marketplace').selectOption({ label: 'Estados Unidos · USD' });
  await expect(page.getByRole('heading', { level: 1, name: 'Sincronização com a Amazon' })).toBeVisible();
  await expect(page.getByText(/Amazon Estados Unidos:/)).toBeVisible();
  await expect(page.getByTestId('sync-count-live')).toHaveText('0');
  await expect(page.getByTestId('sync-count-error')).toHaveText('0');
  await expect(page.getByRole('region', { name: 'Precisa da sua atenção' })).toHaveCount(0);
  await keepScreenshot('sync-other-marketplace');
});

test('Configurações holds the send settings of the header marketplace: a bound explained before saving, the fallback product type picked from Amazon\'s list, "Não enviar preço" explained', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  await seed(services);
  await openApp('settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Envio para a Amazon Brasil' })).toBeVisible();
  const form = page.getByRole('form', { name: 'O que é enviado e como' });
  await expect(form.getByLabel('Atualizar o preço das ofertas que já estão na Amazon')).toBeChecked();
  await expect(form.getByText(/Ofertas novas sempre levam o preço da loja/)).toBeVisible();

  const handling = form.getByLabel('Prazo de manuseio (dias)');
  await expect(handling).toHaveValue('2');
  await handling.fill('45');
  await expect(form.getByText('Informe um número inteiro de dias, de 0 a 30.')).toBeVisible();
  await expect(handling).toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(form.getByRole('alert')).toHaveText('Corrija os campos indicados abaixo para salvar.');
  await expect(handling).toBeFocused();
  await handling.fill('5');
  await form.getByLabel('Estoque de segurança').fill('3');
  await form.getByLabel('Final do preço').selectOption({ label: 'Terminar em ,90' });

  // The fallback product type: shown by its name, changed by searching Amazon's own list.
  const picker = form.getByTestId('default-product-type');
  await expect(picker).toContainText('HOME');
  await picker.getByLabel('Buscar tipo de produto').fill('pulseira');
  await picker.getByRole('button', { name: 'Buscar', exact: true }).click();
  const options = picker.getByRole('radio');
  await expect(options.first()).toBeVisible();
  const chosen = (await options.first().locator('xpath=..').locator('code').textContent()) ?? '';
  await options.first().check();
  await expect(picker.locator('.product-type-picker__current code')).toHaveText(chosen);
  await keepScreenshot('settings-send');

  await form.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(page.getByTestId('send-settings-saved')).toHaveText('Configurações salvas. A próxima sincronização envia seus produtos com elas.');
  await expect(page.getByTestId('send-settings-saved')).toHaveClass(/notice--success/);
  const stored = await page.evaluate(() =>
    (globalThis as unknown as { vitrine: VitrineApi }).vitrine.syncGetSettings({ accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' }),
  );
  expect(stored).toMatchObject({
    ok: true,
    value: { safetyStock: 3, handlingTimeDays: 5, priceRule: { rounding: 'cents_90' }, defaultProductType: chosen, defaultAttributes: DEFAULT_ATTRIBUTES },
  });
  await expect(form.getByRole('button', { name: 'Salvar configurações' })).toBeDisabled();

  // Removing it is saved as "none".
  await picker.getByRole('button', { name: 'Remover tipo padrão' }).click();
  await expect(picker.locator('.product-type-picker__current')).toHaveText('Nenhum');
  await form.getByRole('button', { name: 'Salvar configurações' }).click();
  await expect(page.getByTestId('send-settings-saved')).toBeVisible();
  const cleared = await page.evaluate(() =>
    (globalThis as unknown as { vitrine: VitrineApi }).vitrine.syncGetSettings({ accountId: 'demo', marketplaceId: 'A2Q3Y263D00KWC' }),
  );
  expect(cleared.ok && cleared.value.defaultProductType).toBeUndefined();

  // Another marketplace in the header: its own settings.
  await page.getByRole('banner').getByLabel('Marketplace').selectOption({ label: 'Estados Unidos · USD' });
  await expect(page.getByRole('heading', { name: 'Envio para a Amazon Estados Unidos' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'O que é enviado e como' }).getByLabel('Prazo de manuseio (dias)')).toHaveValue('2');
  await expectNoSideScroll(page);
});
