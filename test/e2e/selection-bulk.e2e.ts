import { AccountsService } from '../../main/accounts/service';
import { listCategories } from '../../main/db/tables/categories';
import { setCategoryMapping } from '../../main/db/tables/category-mappings';
import { BR, cacheSchema, mapShirt, seedCatalog, shirtSchema, type SeedProduct } from '../integration/mapping/mapping-helpers';
import { expect, test } from './fixtures';

const READY_TRAITS = { Gênero: 'Feminino', Tecido: 'Algodão', Cor: 'Azul', Tamanho: 'M' };

/** 90 ready shirts and 30 mugs whose category is not matched: more than two pages of the list. */
function catalog(): SeedProduct[] {
  return Array.from({ length: 120 }, (_, i) =>
    i % 4 === 3
      ? { key: `CAN-${i}`, title: `Caneca ${i}`, category: 'Casa' }
      : { key: `CAM-${i}`, title: `Camiseta ${i}`, category: 'Moda > Camisetas', characteristics: READY_TRAITS },
  );
}

test('include all ready products of every page, see what stayed out and why, then remove them all', async ({ page, services, openApp, keepScreenshot }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  seedCatalog(services.db, catalog());
  const moda = listCategories(services.db).find((c) => c.path === 'Moda')?.id ?? 0;
  setCategoryMapping(services.db, { categoryId: moda, marketplaceId: BR, productType: 'SHIRT', variationTheme: null }, 1);
  cacheSchema(services.db, 'SHIRT', shirtSchema());
  mapShirt(services.db);

  await openApp('categories/include');
  await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);
  await expect(page.getByRole('heading', { level: 1, name: 'Incluir produtos' })).toBeVisible();
  await expect(page.getByText('Vale para os 120 produtos que atendem à pesquisa e à categoria, em todas as páginas.')).toBeVisible();

  await page.getByRole('button', { name: 'Incluir todos os prontos' }).click();

  const summary = page.getByTestId('bulk-summary');
  await expect(summary).toContainText('90 produtos incluídos.');
  await expect(summary).toContainText('30 produtos não estão prontos e ficaram de fora:');
  await expect(summary.getByRole('list', { name: 'Por que produtos ficaram de fora' })).toHaveText('30 sem categoria relacionada');
  await expect(page.locator('tr[data-product="CAM-0"]')).toContainText('Incluído');
  await expect(page.locator('tr[data-product="CAN-3"]')).not.toContainText('Incluído');
  await keepScreenshot('selection-include-all');

  // Remove all, for a category only: asks first, and "Manter" changes nothing.
  await page.getByLabel('Categoria').selectOption({ label: 'Moda > Camisetas' });
  await expect(page.getByText('Vale para os 90 produtos')).toBeVisible();
  await page.getByRole('button', { name: 'Excluir todos' }).click();
  await expect(page.getByRole('group', { name: 'Excluir todos' })).toContainText('Tirar da seleção os produtos que você escolheu entre os 90 deste filtro?');
  await page.getByRole('button', { name: 'Manter' }).click();
  await expect(page.getByRole('group', { name: 'Excluir todos' }).getByRole('button', { name: 'Tirar da seleção' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Excluir todos' }).click();
  await page.getByRole('group', { name: 'Excluir todos' }).getByRole('button', { name: 'Tirar da seleção' }).click();

  await expect(page.getByTestId('bulk-summary')).toHaveText('90 produtos tirados da seleção.');
  await expect(page.locator('tr[data-product="CAM-0"]')).not.toContainText('Incluído');
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en' });

  test('include all ready products within a search: nothing ready, grouped reasons in English', async ({ page, services, openApp }) => {
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    seedCatalog(services.db, catalog());

    await openApp('categories/include');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);
    await page.getByLabel('Search').fill('caneca');
    await expect(page.getByText('Acts on the 30 products matching the search and category, on every page.')).toBeVisible();
    await page.getByRole('button', { name: 'Include all ready products' }).click();

    const summary = page.getByTestId('bulk-summary');
    await expect(summary).toContainText('No product was included.');
    await expect(summary.getByRole('list', { name: 'Why products were left out' })).toHaveText('30 whose category is not matched');
  });
});
