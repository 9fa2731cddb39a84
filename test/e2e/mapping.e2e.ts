import { AccountsService } from '../../main/accounts/service';
import { BR, seedCatalog } from '../integration/mapping/mapping-helpers';
import { expect, test } from './fixtures';
import { importSampleSheet } from './mapping-demo-helpers';
import type { Page } from '@playwright/test';

async function mapAttribute(page: Page, attribute: string, input: { characteristic?: string; defaultValue?: string; values?: Record<string, string> }) {
  const row = page.locator(`li[data-attribute="${attribute}"]`);
  if (input.characteristic) await row.getByLabel('Característica da loja').selectOption(input.characteristic);
  for (const [store, amazon] of Object.entries(input.values ?? {})) await row.getByLabel(`Valor Amazon para ${store}`).selectOption(amazon);
  if (input.defaultValue) await row.getByLabel('Valor padrão').fill(input.defaultValue);
  await row.getByRole('button', { name: 'Salvar' }).click();
  await expect(page.locator(`li[data-attribute="${attribute}"]`).getByText('Salvo')).toBeVisible();
}

test('map a category and its characteristics, fix the errors shown, include the product: ready to send', async ({ page, services, openApp, keepScreenshot }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  seedCatalog(services.db, [
    { key: 'CAM-AZ', title: 'Camiseta feminina azul', category: 'Moda > Camisetas', characteristics: { Gênero: 'Feminino', Cor: 'Azul', Tamanho: 'M', Tecido: 'Algodão' } },
  ]);
  await openApp('categories');
  await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

  // Relacionar categorias: the parent is unmapped; map it through Amazon's product type search.
  await expect(page.getByRole('heading', { level: 1, name: 'Relacionar categorias' })).toBeVisible();
  await expect(page.getByTestId('unmapped-count')).toHaveText('1 categoria com produtos ainda não está relacionada.');
  await page.locator('tr[data-category="Moda"]').getByRole('button', { name: 'Relacionar', exact: true }).click();
  await page.getByLabel('Pesquisar tipos de produto').fill('camiseta');
  await page.getByRole('button', { name: 'Pesquisar', exact: true }).click();
  await page.getByRole('button', { name: /^Camisas e camisetas/ }).last().click();
  await page.getByRole('button', { name: 'Relacionar a Camisas e camisetas' }).click();
  await expect(page.getByTestId('unmapped-count')).toHaveText('Todas as categorias com produtos estão relacionadas.');
  await expect(page.locator('tr[data-category="Moda > Camisetas"]')).toContainText('Camisas e camisetas (de Moda)');
  await keepScreenshot('mapping-categories');

  // Relacionar características: required and conditional attributes, a value mapping.
  await page.locator('tr[data-category="Moda"]').getByRole('link', { name: 'Camisas e camisetas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relacionar características' })).toBeVisible();
  await expect(page.locator('li[data-attribute="item_name"]')).toContainText('Preenchido pela loja: Título');
  await expect(page.locator('li[data-attribute="color"]')).toContainText('condicional');
  await mapAttribute(page, 'target_gender', { characteristic: 'Gênero', values: { Feminino: 'female' } });
  await mapAttribute(page, 'fabric_type', { characteristic: 'Tecido' });
  await mapAttribute(page, 'color', { characteristic: 'Cor' });
  await mapAttribute(page, 'size', { characteristic: 'Tamanho' });
  await keepScreenshot('mapping-characteristics');

  // Incluir produtos: still invalid, and it says why.
  await page.getByRole('link', { name: 'Incluir produtos' }).click();
  const product = page.locator('tr[data-product="CAM-AZ"]');
  await expect(product.getByTestId('product-status')).toHaveText('Inválido');
  await expect(product.getByRole('list', { name: 'Por que não está pronto' })).toContainText('Departamento não preenchido');
  await product.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Incluir 1 produto' }).click();
  await expect(page.getByRole('status')).toHaveText('Incluídos: 0. Não incluídos (veja o motivo abaixo): 1.');
  await keepScreenshot('mapping-selection-invalid');

  // Fix what was shown with per-product-type defaults.
  await page.getByRole('link', { name: 'Características' }).first().click();
  await mapAttribute(page, 'department', { defaultValue: 'Womens' });
  await mapAttribute(page, 'country_of_origin', { defaultValue: 'BR' });
  await mapAttribute(page, 'supplier_declared_dg_hz_regulation', { defaultValue: 'not_applicable' });
  await mapAttribute(page, 'item_type_keyword', { defaultValue: 't-shirts' });

  await page.getByRole('link', { name: 'Incluir produtos' }).click();
  await expect(product.getByTestId('product-status')).toHaveText('Pronto para envio');
  await product.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Incluir 1 produto' }).click();
  await expect(page.getByRole('status')).toHaveText('Incluídos: 1. Não incluídos (veja o motivo abaixo): 0.');
  await expect(product).toContainText('Incluído');

  // Amazon preview: the exact JSON, then Amazon's own verdict (VALIDATION_PREVIEW, nothing saved).
  await product.getByRole('button', { name: 'Prévia Amazon' }).click();
  const preview = page.getByRole('complementary', { name: 'Prévia Amazon' });
  await expect(preview.locator('pre')).toContainText('"value": "female"');
  await expect(preview).toContainText('Ainda não enviado');
  await preview.getByRole('button', { name: 'Verificar com a Amazon' }).click();
  await expect(preview.getByTestId('amazon-verdict')).toContainText('Amazon: válido (nada foi salvo)');
  await keepScreenshot('mapping-ready');
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en' });

  test('the mapping screens speak the seller\'s language and list unmatched categories', async ({ page, services, openApp }) => {
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    seedCatalog(services.db, [{ key: 'MUG-1', title: 'Mug', category: 'Home > Kitchen' }]);
    await openApp('categories');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

    await expect(page.getByRole('heading', { level: 1, name: 'Match categories' })).toBeVisible();
    await expect(page.getByTestId('unmapped-count')).toHaveText('1 category with products is not matched yet.');
    await page.getByRole('link', { name: 'Include products' }).click();
    const product = page.locator('tr[data-product="MUG-1"]');
    await expect(product.getByTestId('product-status')).toHaveText('Needs mapping');
    await expect(product).toContainText("The product's category is not matched to an Amazon product type yet");
  });
});

test.describe('the sample store, as a new seller', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('relates categories by what their products are on Amazon, in Portuguese, and finds product types by Portuguese words', async ({ page, services, openApp, keepScreenshot }) => {
    test.setTimeout(120_000);
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    await importSampleSheet(services);
    await openApp('categories');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

    // Empty parents ("Joias", "Moda") do not count: only the 16 categories holding products.
    await expect(page.getByTestId('unmapped-count')).toHaveText('16 categorias com produtos ainda não estão relacionadas.');
    await expect(page.locator('tr[data-category="Joias"]')).toContainText('Sem produtos próprios');
    const pulseiras = page.locator('tr[data-category="Joias > Pulseiras"]');
    await expect(pulseiras.getByTestId('category-suggestion')).toHaveText(/^\d+ dos 32 produtos desta categoria são Pulseira na Amazon$/);
    await keepScreenshot('categories-suggestions');

    await pulseiras.getByRole('button', { name: 'Aceitar: Pulseira' }).click();
    await expect(pulseiras.getByRole('link', { name: 'Pulseira' })).toBeVisible();
    await expect(page.getByTestId('unmapped-count')).toHaveText('15 categorias com produtos ainda não estão relacionadas.');

    // A family category: the accepted suggestion brings the theme that fits "Cor" and "Tamanho".
    const camisetas = page.locator('tr[data-category="Moda > Camisetas"]');
    await camisetas.getByRole('button', { name: 'Aceitar: Camisas e camisetas' }).click();
    await expect(camisetas.getByRole('link')).toHaveText('Camisas e camisetas · Tamanho e cor');

    // Searching in Portuguese, with or without accents.
    const decoracao = page.locator('tr[data-category="Casa > Decoração"]');
    await decoracao.getByRole('button', { name: 'Relacionar', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Escolha o tipo de produto da Amazon' });
    await editor.getByLabel('Pesquisar tipos de produto').fill('xyzqw');
    await editor.getByRole('button', { name: 'Pesquisar', exact: true }).click();
    await expect(editor.getByRole('status')).toHaveText('Nenhum tipo de produto encontrado para “xyzqw”. Tente outra palavra, de preferência no singular (ex.: “pulseira”).');
    await editor.getByLabel('Pesquisar tipos de produto').fill('decoracao');
    await editor.getByRole('button', { name: 'Pesquisar', exact: true }).click();
    await editor.getByRole('button', { name: /^Casa/ }).last().click();
    await keepScreenshot('categories-search');
    await editor.getByRole('button', { name: 'Relacionar a Casa' }).click();
    await expect(decoracao.getByRole('link', { name: 'Casa' })).toBeVisible();
  });
});
