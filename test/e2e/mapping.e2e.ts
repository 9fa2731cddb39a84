import { AccountsService } from '../../main/accounts/service';
import { BR, seedCatalog } from '../integration/mapping/mapping-helpers';
import { expect, test } from './fixtures';
import { importSampleSheet } from './mapping-demo-helpers';
import { DEMO_PRODUCTS } from '../../main/amazon/simulator/demo-catalog';
import { checkGtin } from '../../main/ean/gtin';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1366, height: 768 } });

interface Fill {
  /** The store characteristic that fills it. */
  readonly characteristic?: string;
  /** Store value → the label of Amazon's value, in the value map. */
  readonly values?: Readonly<Record<string, string>>;
  /** The label of the value for every product, from the list. */
  readonly choose?: string;
  /** A typed value for every product. */
  readonly text?: string;
  readonly unit?: string;
}

async function fill(page: Page, attribute: string, input: Fill) {
  const row = page.locator(`li[data-attribute="${attribute}"]`);
  if (input.characteristic) await row.getByLabel('Característica da loja').selectOption(input.characteristic);
  for (const [store, label] of Object.entries(input.values ?? {})) await row.getByLabel(`Valor Amazon para ${store}`).selectOption({ label });
  if (input.choose) await row.getByLabel('Valor padrão').selectOption({ label: input.choose });
  if (input.text) await row.getByLabel('Valor padrão').fill(input.text);
  if (input.unit) await row.getByLabel('Unidade').selectOption({ label: input.unit });
  await row.getByRole('button', { name: 'Salvar' }).click();
  await expect(row.getByRole('status')).toHaveText('Salvo');
}

test('map a category and its characteristics, fix what blocks the product, include it: ready to send', async ({ page, services, openApp, keepScreenshot }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  seedCatalog(services.db, [
    {
      key: 'CAM-AZ',
      title: 'Camiseta feminina azul',
      category: 'Moda > Camisetas',
      characteristics: { Gênero: 'Feminino', Cor: 'Azul', Tamanho: 'M', Tecido: 'Algodão' },
    },
  ]);
  await openApp('categories');
  await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);

  // Relacionar categorias: the parent has no products of its own; map it through the search.
  await expect(page.getByRole('heading', { level: 1, name: 'Relacionar categorias' })).toBeVisible();
  await expect(page.getByTestId('unmapped-count')).toHaveText('1 categoria com produtos ainda não está relacionada.');
  await page.locator('tr[data-category="Moda"]').getByRole('button', { name: 'Relacionar', exact: true }).click();
  await page.getByLabel('Pesquisar tipos de produto').fill('camiseta');
  await page.getByRole('button', { name: 'Pesquisar', exact: true }).click();
  await page
    .getByRole('button', { name: /^Camisas e camisetas/ })
    .last()
    .click();
  await page.getByRole('button', { name: 'Relacionar a Camisas e camisetas' }).click();
  await expect(page.getByTestId('unmapped-count')).toHaveText('Todas as categorias com produtos estão relacionadas.');
  await expect(page.locator('tr[data-category="Moda > Camisetas"]')).toContainText('Camisas e camisetas (de Moda)');
  await keepScreenshot('mapping-categories');

  // Relacionar características: only what blocks the product, in Portuguese, most blocking first.
  await page.locator('tr[data-category="Moda"]').getByRole('link', { name: 'Camisas e camisetas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Relacionar características' })).toBeVisible();
  await expect(page.getByTestId('characteristics-summary')).toHaveText('Camisas e camisetas: 1 produto · prontos para envio: 0 · com pendências: 1');
  const gender = page.locator('li[data-attribute="target_gender"]');
  await expect(gender).toContainText('Gênero');
  await expect(gender.getByTestId('blocking')).toHaveText('impede 1 produto');
  await expect(page.locator('li[data-attribute="color"]')).toContainText('Obrigatório quando o item não é o produto pai de uma família de variações');
  await expect(page.locator('li[data-attribute="item_name"]')).toHaveCount(0);
  await keepScreenshot('mapping-characteristics');

  await fill(page, 'target_gender', { characteristic: 'Gênero', values: { Feminino: 'Feminino' } });
  await fill(page, 'fabric_type', { characteristic: 'Tecido' });
  await fill(page, 'color', { characteristic: 'Cor' });
  await fill(page, 'size', { characteristic: 'Tamanho', values: { M: 'Médio' } });
  await fill(page, 'department', { choose: 'Feminino' });
  await fill(page, 'country_of_origin', { choose: 'Brasil' });
  await fill(page, 'supplier_declared_dg_hz_regulation', { choose: 'Não aplicável' });
  await fill(page, 'item_type_keyword', { choose: 'Camisetas' });
  await expect(page.getByRole('status').filter({ hasText: 'Nada mais impede seus produtos deste tipo.' })).toBeVisible();
  await expect(page.getByTestId('characteristics-summary')).toHaveText('Camisas e camisetas: 1 produto · prontos para envio: 1 · com pendências: 0');
  await keepScreenshot('mapping-characteristics-done');

  // Incluir produtos: ready, included; the Amazon preview shows the exact JSON and Amazon's verdict.
  await page.getByRole('link', { name: 'Incluir produtos' }).first().click();
  const product = page.locator('tr[data-product="CAM-AZ"]');
  await expect(product.getByTestId('product-status')).toHaveText('Pronto para envio');
  await product.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Incluir 1 produto' }).click();
  await expect(page.getByRole('status')).toHaveText('Incluídos: 1. Não incluídos (veja o motivo abaixo): 0.');
  await expect(product).toContainText('Incluído');
  await product.getByRole('button', { name: 'Prévia Amazon' }).click();
  const preview = page.getByRole('complementary', { name: 'Prévia Amazon' });
  await expect(preview.locator('pre')).toContainText('"value": "female"');
  await preview.getByRole('button', { name: 'Verificar com a Amazon' }).click();
  await expect(preview.getByTestId('amazon-verdict')).toContainText('Amazon: válido (nada foi salvo)');
  await keepScreenshot('mapping-ready');
});

test.describe('in English', () => {
  test.use({ systemLocale: 'en' });

  test("the mapping screens speak the seller's language and list unmatched categories", async ({ page, services, openApp }) => {
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
  test('relates categories by what their products are on Amazon, in Portuguese, and finds product types by Portuguese words', async ({
    page,
    services,
    openApp,
    keepScreenshot,
  }) => {
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
    await expect(editor.getByRole('status')).toHaveText(
      'Nenhum tipo de produto encontrado para “xyzqw”. Tente outra palavra, de preferência no singular (ex.: “pulseira”).',
    );
    await editor.getByLabel('Pesquisar tipos de produto').fill('decoracao');
    await editor.getByRole('button', { name: 'Pesquisar', exact: true }).click();
    await editor.getByRole('button', { name: /^Casa/ }).last().click();
    await keepScreenshot('categories-search');
    await editor.getByRole('button', { name: 'Relacionar a Casa' }).click();
    await expect(decoracao.getByRole('link', { name: 'Casa' })).toBeVisible();
  });

  test('fills what blocks the bracelets in a few minutes: only the products without a valid EAN stay out', async ({
    page,
    services,
    openApp,
    keepScreenshot,
  }) => {
    test.setTimeout(180_000);
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    await importSampleSheet(services);
    await openApp('categories');
    await page.getByRole('banner').getByLabel('Marketplace').selectOption(BR);
    const pulseiras = page.locator('tr[data-category="Joias > Pulseiras"]');
    await pulseiras.getByRole('button', { name: 'Aceitar: Pulseira' }).click();
    await pulseiras.getByRole('link', { name: 'Pulseira' }).click();

    // Products already on Amazon are offers on their ASIN: ready without the product's facts.
    const bracelets = DEMO_PRODUCTS.filter((p) => p.category === 'Joias > Pulseiras');
    const withoutCode = bracelets.filter((p) => p.skus.some((s) => s.ean === null || !checkGtin(s.ean).valid)).length;
    const summary = page.getByTestId('characteristics-summary');
    // The first check of a large product type compiles its schema (BRACELET: 1.3 MB), which takes a while.
    await expect(summary).toHaveText(new RegExp(`^Pulseira: ${bracelets.length} produtos · prontos para envio: \\d+ · com pendências: \\d+$`), {
      timeout: 60_000,
    });
    await expect(page.locator('li[data-attribute="country_of_origin"]').getByTestId('blocking')).toHaveText(/^impede \d+ produtos$/);
    await keepScreenshot('characteristics-bracelets');

    await fill(page, 'country_of_origin', { choose: 'Brasil' });
    await fill(page, 'item_type_keyword', { choose: 'Roupas, Calçados e Joias > Feminino > Joias > Pulseiras > Elos' });
    await fill(page, 'supplier_declared_dg_hz_regulation', { choose: 'Não aplicável' });
    await fill(page, 'cpsia_cautionary_statement', { choose: 'Nenhuma advertência se aplica' });
    await fill(page, 'jewelry_material_categorization', { choose: 'Bijuteria' });
    await fill(page, 'department', { characteristic: 'Gênero', values: { Feminino: 'Feminino', Masculino: 'Masculino', Unissex: 'Unissex' } });
    await fill(page, 'color', { characteristic: 'Cor' });
    await fill(page, 'material', { characteristic: 'Material' });
    await fill(page, 'gem_type', { choose: 'Sem pedra' });
    await fill(page, 'size', { choose: 'Tamanho único' });
    await fill(page, 'clasp_type', { choose: 'Lagosta' });
    await fill(page, 'item_length', { text: '19', unit: 'Centímetros' });
    await fill(page, 'part_number', { text: 'Sem número' });

    await expect(summary).toHaveText(
      `Pulseira: ${bracelets.length} produtos · prontos para envio: ${bracelets.length - withoutCode} · com pendências: ${withoutCode}`,
    );
    const ean = page.locator('li[data-attribute="externally_assigned_product_identifier"]');
    await expect(ean.getByTestId('blocking')).toHaveText(`impede ${withoutCode} produtos`);
    await expect(ean).toContainText('Vem do catálogo (EAN): preencha nos produtos, em Produtos.');
    await keepScreenshot('characteristics-bracelets-done');
  });
});
