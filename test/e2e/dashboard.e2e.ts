import { AccountsService } from '../../main/accounts/service';
import { readDashboardCounters } from '../../main/db/tables/dashboard';
import { prepareOrderUpsert } from '../../main/db/tables/orders';
import { prepareProductUpsert } from '../../main/db/tables/products';
import type { Services } from '../../main/services';
import { expect, test } from './fixtures';

/** 1,234 products: enough to show the thousands separator of each locale. */
function seedCatalog(services: Services): void {
  const upsert = prepareProductUpsert(services.db);
  services.db.transaction(() => {
    for (let i = 1; i <= 1234; i++) {
      upsert({ key: `P${i}`, title: `Produto ${i}`, description: null, brand: null, manufacturer: null, bulletPoints: null, imageUrls: null, categoryId: null });
    }
  })();
}

const counterOf = {
  products: 'products',
  orders: 'ordersToShip',
  categories: 'categoriesUnmapped',
  characteristics: 'characteristics',
  settings: 'accounts',
} as const;

const cases = [
  {
    locale: 'pt-BR',
    lang: 'pt-BR',
    heading: 'Início',
    nav: ['Início', 'Produtos', 'Envios', 'Pedidos', 'Anúncios existentes', 'Regras de anúncio', 'Categorias', 'Características', 'Contas Amazon', 'Configurações'],
    cards: {
      products: ['Produtos', 'Importe sua planilha', 'produtos cadastrados'],
      orders: ['Pedidos', 'Acompanhe os pedidos', 'pedidos a enviar'],
      categories: ['Categorias', 'Relacione as categorias', 'categorias sem relacionamento'],
      characteristics: ['Características', 'Cor, tamanho, voltagem', 'características'],
      settings: ['Configurações', 'Contas Amazon, idioma', 'contas Amazon conectadas'],
    },
    header: ['Conta Amazon', 'Marketplace'],
  },
  {
    locale: 'en-US',
    lang: 'en',
    heading: 'Dashboard',
    nav: ['Dashboard', 'Products', 'Sends', 'Orders', 'Existing offers', 'Listing rules', 'Categories', 'Characteristics', 'Amazon accounts', 'Settings'],
    cards: {
      products: ['Products', 'Import your spreadsheet', 'products in the catalog'],
      orders: ['Orders', 'Follow your Amazon orders', 'orders to ship'],
      categories: ['Categories', "Match your store's categories", 'categories not matched'],
      characteristics: ['Characteristics', 'Colour, size, voltage', 'characteristics'],
      settings: ['Settings', 'Amazon accounts, language', 'Amazon accounts connected'],
    },
    header: ['Amazon account', 'Marketplace'],
  },
] as const;

for (const c of cases) {
  test.describe(`dashboard with the OS in ${c.locale}`, () => {
    test.use({ systemLocale: c.locale });

    test('renders the shell and the five cards with live counters', async ({ page, services, openApp, keepScreenshot }) => {
      seedCatalog(services);
      const counters = readDashboardCounters(services.db);
      expect(counters.products).toBe(1234);
      await openApp();
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await expect(page.getByRole('heading', { level: 1, name: c.heading })).toBeVisible();

      const nav = page.getByRole('navigation');
      await expect(nav.getByRole('link')).toHaveText([...c.nav]);
      await expect(nav.getByRole('link', { name: c.nav[0] })).toHaveAttribute('aria-current', 'page');
      for (const label of c.header) await expect(page.getByRole('banner').getByLabel(label)).toBeDisabled();

      for (const [id, texts] of Object.entries(c.cards)) {
        const card = page.getByTestId(`dashboard-card-${id}`);
        for (const text of texts) await expect(card).toContainText(text);
        // main's own numbers, formatted for the locale (1.234 in pt-BR, 1,234 in en)
        const expected = new Intl.NumberFormat(c.lang).format(counters[counterOf[id as keyof typeof counterOf]]);
        await expect(page.getByTestId(`dashboard-count-${id}`)).toHaveText(expected);
      }
      await expect(page.getByTestId('dashboard-count-products')).toHaveText(c.lang === 'en' ? '1,234' : '1.234');

      await keepScreenshot(`dashboard-${c.lang}`);
    });
  });
}

test('a card opens its screen; an unknown address says so and leads back', async ({ page, openApp }) => {
  await openApp();
  await page.getByTestId('dashboard-card-products').click();
  await expect(page).toHaveURL(/#\/products$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Produtos' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Produtos' })).toHaveAttribute('aria-current', 'page');

  await page.goto(page.url().replace(/#.*$/, '#/nada/aqui'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página não encontrada');
  await expect(page.getByText('O endereço “nada/aqui” não corresponde a nenhuma tela do Vitrine.')).toBeVisible();
  await page.getByRole('link', { name: 'Voltar ao início' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Início' })).toBeVisible();
});

test('the language chosen in Settings is saved by main and survives a reload', async ({ page, services, openApp }) => {
  await openApp('settings');
  await expect(page.getByRole('radio', { name: 'Igual ao sistema' })).toBeChecked();
  await page.getByRole('radio', { name: 'English' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Language saved.' })).toBeVisible();
  expect(services.translator.locale).toBe('en');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

  // click, not check(): the label changes language as soon as the choice applies.
  await page.getByRole('radio', { name: 'Same as the system' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Igual ao sistema' })).toBeChecked();
});

test('main can move the window to a route (app:navigate)', async ({ page, services, openApp }) => {
  await openApp();
  services.tasks.emit('app:navigate', { route: 'settings' });
  await expect(page.getByRole('heading', { level: 1, name: 'Configurações' })).toBeVisible();
});

test('Settings says plainly when the system cannot start Vitrine at login', async ({ page, openApp }) => {
  // The harness's services have no Electron login item: main reports it as unsupported.
  await openApp('settings');
  await expect(page.getByRole('checkbox', { name: 'Abrir o Vitrine ao ligar o computador' })).toBeDisabled();
  await expect(page.getByText('Este sistema não permite que o Vitrine abra sozinho ao ligar o computador.')).toBeVisible();
});

test('keyboard: the skip link is the first stop and moves focus to the content', async ({ page, openApp }) => {
  await openApp();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Pular para o conteúdo' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();
  await expect(page).toHaveURL(/#\/$/);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('dashboard-card-products')).toBeFocused();
});

test('the 30-day chart totals the orders and the sales of the period in the seller’s money format', async ({ page, services, openApp, keepScreenshot }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const upsert = prepareOrderUpsert(services.db);
  const day = 86_400_000;
  const orders = [
    { id: '701-0000001-0000001', at: Date.now() - 2 * day, cents: 8990 },
    { id: '701-0000001-0000002', at: Date.now() - day, cents: 14990 },
    { id: '701-0000001-0000003', at: Date.now() - day, cents: 1000 },
  ];
  for (const o of orders) {
    const iso = new Date(o.at).toISOString();
    upsert({
      accountId: 'demo',
      amazonOrderId: o.id,
      marketplaceId: 'A2Q3Y263D00KWC',
      status: 'Unshipped',
      fulfilledBy: 'MFN',
      createdTime: iso,
      lastUpdatedTime: iso,
      buyerName: null,
      buyerEmail: null,
      buyer: null,
      recipient: null,
      packages: null,
      shipCity: null,
      shipState: null,
      shipCountry: 'BR',
      currency: 'BRL',
      totalCents: o.cents,
      items: [],
    });
  }
  await openApp();
  const totals = page.getByTestId('dashboard-chart-totals');
  await expect(totals).toContainText('Pedidos3');
  await expect(totals).toContainText(/Vendas \(BRL\)R\$\s249,80/);
  await expect(page.getByRole('img', { name: /^3 pedidos de / })).toBeVisible();
  await keepScreenshot('dashboard-with-orders-pt-BR');
});
