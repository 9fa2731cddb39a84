import { AccountsService } from '../../main/accounts/service';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import { prepareBuiltWriter, saveRecheck } from '../../main/db/tables/sync-listings';
import type { Services } from '../../main/services';
import { expect, test } from './fixtures';

const BR = 'A2Q3Y263D00KWC';
const MESSAGE = "The attribute 'brand' is required but was not supplied.";

/** The demo account on Amazon.com.br; a vase in two sizes, the small one rejected by Amazon, the big one never planned. */
async function seed(services: Services): Promise<number> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  const product = prepareProductUpsert(services.db)({
    key: 'VASO',
    title: 'Vaso de cerâmica',
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const sku = prepareSkuUpsert(services.db);
  for (const code of ['VASO-P', 'VASO-G']) {
    sku({
      sku: code,
      productId: product.id,
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
  prepareBuiltWriter(services.db, 'demo', BR, Date.UTC(2026, 11, 4, 12))({ sku: 'VASO-P', stamp: 'e2e', status: 'live', reason: null, productType: 'HOME' });
  saveRecheck(
    services.db,
    'demo',
    BR,
    'VASO-P',
    { asin: 'B0VASOP001', issues: [{ code: '90220', message: MESSAGE, severity: 'ERROR', attributeName: 'brand' }] },
    Date.UTC(2026, 11, 4, 13),
  );
  return product.id;
}

test('the product screen shows what happened on Amazon: status, Amazon’s words, our explanation, and a live change', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  const productId = await seed(services);

  await openApp(`products/${productId}`);

  const card = page.getByTestId('product-amazon');
  await expect(card.getByRole('heading', { name: 'Na Amazon' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Ver em Sincronização' })).toHaveAttribute('href', '#/sync');
  const rejected = card.locator('tr[data-sku="VASO-P"][data-marketplace="A2Q3Y263D00KWC"]');
  await expect(rejected.locator('.sync-status--error')).toHaveText('Erro');
  await expect(rejected).toContainText('B0VASOP001');
  const issues = card.getByRole('region', { name: /O que a Amazon disse sobre VASO-P/ });
  await expect(issues.locator('.sync-issue__message')).toHaveText(MESSAGE);
  await expect(issues.locator('code').first()).toHaveText('90220');
  await expect(issues.locator('.sync-issue__explanation')).toContainText('A Amazon precisa de um valor');
  await expect(card.locator('tr[data-sku="VASO-G"]')).toContainText('Ainda não enviado');
  await keepScreenshot('product-amazon-status');

  // The engine sends the big vase: the card follows main's push for one of its SKUs.
  prepareBuiltWriter(services.db, 'demo', BR, Date.UTC(2026, 11, 4, 14))({ sku: 'VASO-G', stamp: 'e2e', status: 'pending', reason: null, productType: 'HOME' });
  services.tasks.emit('sync:status-changed', { accountId: 'demo', counts: { error: 1, pending: 1 }, skus: ['VASO-G'], last: null, next: null });
  await expect(card.locator('tr[data-sku="VASO-G"] .sync-status--pending')).toBeVisible();
});
