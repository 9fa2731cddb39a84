import { AccountsService } from '../../main/accounts/service';
import { listingsReport } from '../../main/amazon/simulator/reports';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { selectedProductIds } from '../../main/db/tables/listing-rules';
import { getSkuByCode, prepareSkuUpsert } from '../../main/db/tables/skus';
import { prepareCharacteristicWriter } from '../../main/db/tables/characteristics';
import { linkTreatment, readAndLinkListings, type LinkingClient } from '../../main/linking';
import { systemClock } from '../../main/amazon/clock';
import type { Services } from '../../main/services';
import { addCatalog, BR, listingRecord } from '../integration/linking/fixtures';
import { expect, test } from './fixtures';

const scope = { accountId: 'demo', marketplaceId: BR };

/**
 * A listings report served as Amazon would (the simulator's own report writer), without the
 * minute Amazon takes to build it: the read → match path is the production one.
 */
function reportClient(tsv: string): LinkingClient {
  const report = {
    reportId: 'R1',
    reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA',
    createdTime: '2026-11-22T10:00:00Z',
    processingStatus: 'DONE' as const,
    reportDocumentId: 'D1',
  };
  return {
    createReport: async () => ({ reportId: 'R1' }),
    getReport: async () => report,
    getReportDocument: async () => ({ reportDocumentId: 'D1', url: 'https://example.invalid/D1' }),
    downloadReportDocument: async () => Buffer.from(tsv),
    searchCatalogItems: async () => ({ numberOfResults: 0, items: [] }),
  } as unknown as LinkingClient;
}

async function seedLinking(services: Services): Promise<void> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  addCatalog(services.db, [
    { sku: 'CAMISA-AZUL', priceCents: 8990, stock: 4 },
    { sku: 'CANECA', asin: 'B0E2E00002' },
    { sku: 'CHAVEIRO', priceCents: 1500 },
    { sku: 'SO-NO-CATALOGO' },
  ]);
  const now = Date.now();
  const offers = [
    { sku: 'CAMISA-AZUL', asin: 'B0E2E00001', ean: '', price: 99.9, quantity: 7 },
    { sku: 'AMZ-CANECA', asin: 'B0E2E00002', ean: '', price: 29.9, quantity: 3 },
    { sku: 'CHAVEIRO', asin: 'B0E2E00003', ean: '', price: 15, quantity: 0 },
    { sku: 'SO-NA-AMAZON', asin: 'B0E2E00004', ean: '', price: 45.5, quantity: 9 },
  ].map((o) => listingRecord(o, now));
  await readAndLinkListings(services.db, reportClient(listingsReport(offers)), scope, { clock: systemClock });
}

test('existing offers: three lists, nothing sent until the seller decides, import', async ({ page, services, openApp, keepScreenshot }) => {
  await seedLinking(services);
  await openApp('linking');
  await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

  await expect(page.getByRole('heading', { level: 1, name: 'Anúncios existentes na Amazon' })).toBeVisible();
  await expect(page.getByTestId('linking-count-linked')).toHaveText('3');
  await expect(page.getByTestId('linking-count-amazon-only')).toHaveText('1');
  await expect(page.getByTestId('linking-count-catalog-only')).toHaveText('1');
  await expect(page.getByTestId('linking-last-read')).toContainText('4 anúncios');
  await expect(page.getByTestId('linking-decision')).toContainText('3 anúncios vinculados aguardam sua decisão.');
  const linked = page.getByTestId('linking-linked-table');
  await expect(linked.locator('tbody tr')).toHaveCount(3);
  await expect(linked.locator('tr[data-amazon-sku="AMZ-CANECA"]')).toContainText('ASIN');
  await expect(linked.locator('tr[data-amazon-sku="CAMISA-AZUL"]')).toContainText('R$ 99,90');
  await keepScreenshot('linking-pt-BR');

  await linked.getByRole('checkbox', { name: 'Selecionar CAMISA-AZUL' }).check();
  await page.getByRole('button', { name: 'Manter valores da Amazon (1)' }).click();
  await expect(page.getByTestId('linking-notice')).toHaveText('1 anúncio mantém os valores da Amazon.');
  await expect(linked.locator('tr[data-amazon-sku="CAMISA-AZUL"]')).toContainText('Mantém os valores da Amazon');
  expect(linkTreatment(services.db, getSkuByCode(services.db, 'CAMISA-AZUL')?.id ?? -1, BR)).toBe('keep-amazon');
  expect(linkTreatment(services.db, getSkuByCode(services.db, 'CANECA')?.id ?? -1, BR)).toBe('unconfirmed');

  await page.getByRole('button', { name: 'Deixar o Vitrine cuidar de todos' }).click();
  await expect(page.getByTestId('linking-decision')).toHaveCount(0);
  expect(linkTreatment(services.db, getSkuByCode(services.db, 'CANECA')?.id ?? -1, BR)).toBe('vitrine-manages');
  expect(linkTreatment(services.db, getSkuByCode(services.db, 'CAMISA-AZUL')?.id ?? -1, BR)).toBe('keep-amazon');

  await page.getByRole('tab', { name: /Só no catálogo/ }).click();
  await expect(page.getByTestId('linking-catalog-only-table').locator('tbody tr')).toHaveText([/SO-NO-CATALOGO/]);

  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: /Só na Amazon/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Só na Amazon/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('linking-amazon-only-table').locator('tbody tr')).toHaveText([/SO-NA-AMAZON/]);
  await page.getByRole('button', { name: 'Importar todos' }).click();
  await expect(page.getByTestId('linking-notice')).toContainText('1 anúncio importado como produto');
  await expect(page.getByTestId('linking-count-amazon-only')).toHaveText('0');
  expect(getSkuByCode(services.db, 'SO-NA-AMAZON')).toMatchObject({ priceCents: 4550, stock: 9, asin: 'B0E2E00004' });
});

function seedRuleCatalog(services: Services): void {
  const product = prepareProductUpsert(services.db);
  const sku = prepareSkuUpsert(services.db);
  const characteristic = prepareCharacteristicWriter(services.db);
  const rows = [
    { key: 'ACME-1', brand: 'Acme', stock: 20 },
    { key: 'ACME-2', brand: 'Acme', stock: 2 },
    { key: 'OUTRA-1', brand: 'Outra', stock: 50 },
  ];
  services.db.transaction(() => {
    for (const r of rows) {
      const p = product({
        key: r.key,
        title: `Produto ${r.key}`,
        description: null,
        brand: r.brand,
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
      if (!p) throw new Error('not written');
      characteristic(p.id, 'Cor', 'Azul');
      sku({
        sku: r.key,
        productId: p.id,
        gtin: null,
        gtinExempt: null,
        gtinStatus: null,
        priceCents: 1000,
        salePriceCents: null,
        stock: r.stock,
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

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a rule previews what it selects, why a product is left out and whether a selected one would really be sent, then selects it', async ({
    page,
    services,
    openApp,
    keepScreenshot,
  }) => {
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    seedRuleCatalog(services);
    await openApp('rules');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);
    await expect(page.getByText('Nenhuma regra ainda.')).toBeVisible();

    await page.getByRole('button', { name: 'Nova regra' }).click();
    await page.getByLabel('Nome').fill('Acme com estoque');
    await page.getByTestId('rule-condition-0').getByRole('spinbutton').fill('10');
    await expect(page.getByTestId('rule-preview-summary')).toHaveText('Seleciona 2 produtos de 3.');
    await page.getByLabel('Adicionar condição').selectOption('brand');
    await page.getByTestId('rule-condition-1').getByRole('listbox').selectOption('Acme');

    await expect(page.getByTestId('rule-preview-summary')).toHaveText('Seleciona 1 produto de 3.');
    await expect(page.getByTestId('rule-preview-failing-0')).toHaveText('Estoque mínimo: exclui 1 produto');
    await expect(page.getByTestId('rule-preview-failing-1')).toHaveText('Marca: exclui 1 produto');
    const preview = page.getByTestId('rule-preview');
    await expect(preview.locator('tr[data-product-key="ACME-2"]')).toContainText('só 2 unidades em estoque');
    await expect(preview.locator('tr[data-product-key="OUTRA-1"]')).toContainText('a marca é Outra');
    // Selected is not sent: ACME-1 has no category, so "Incluir produtos" would refuse it too, and says why.
    const acme = preview.locator('tr[data-product-key="ACME-1"]');
    await expect(acme.getByTestId('rule-preview-readiness')).toContainText('Não será enviado');
    await expect(acme.getByTestId('rule-preview-readiness')).toContainText('categoria');
    await expect(page.getByTestId('rule-preview-ready')).toHaveText(
      'O produto selecionado ainda não está pronto para envio: ele só é enviado depois de corrigido.',
    );
    await keepScreenshot('rules-preview-pt-BR');

    await page.getByRole('button', { name: 'Salvar regra' }).click();
    await expect(page.getByTestId('rules-notice')).toHaveText('Regra “Acme com estoque” salva: ela seleciona 1 produto.');
    await expect(page.getByRole('list', { name: 'Regras deste marketplace' })).toContainText('seleciona 1 produto');
    const selected = [...selectedProductIds(services.db, scope)];
    expect(selected).toHaveLength(1);
    expect(selected[0]).toBe(services.db.prepare("SELECT id FROM products WHERE key = 'ACME-1'").pluck().get());
  });
});
