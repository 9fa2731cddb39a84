import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { runProductImport } from '../../main/catalog/service';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { prepareOrderUpsert } from '../../main/db/tables/orders';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { storedLocale, type Services } from '../../main/services';
import { expect, test } from './fixtures';

/** 1,234 products: enough to show the thousands separator of each locale. */
function seedCatalog(services: Services): void {
  const upsert = prepareProductUpsert(services.db);
  services.db.transaction(() => {
    for (let i = 1; i <= 1234; i++) {
      upsert({
        key: `P${i}`,
        title: `Produto ${i}`,
        description: null,
        brand: null,
        manufacturer: null,
        bulletPoints: null,
        imageUrls: null,
        categoryId: null,
      });
    }
  })();
}

const cases = [
  {
    locale: 'pt-BR',
    lang: 'pt-BR',
    heading: 'Início',
    nav: [
      'Início',
      'Produtos',
      'Sincronização',
      'Pedidos',
      'Anúncios existentes',
      'Regras de anúncio',
      'Categorias',
      'Características',
      'Contas Amazon',
      'Configurações',
    ],
    checklist: 'Primeiros passos',
    steps: ['Conectar conta', 'Importar produtos', 'Relacionar categorias', 'Relacionar características', 'Incluir produtos', 'Acompanhar a sincronização'],
    products: '1.234 produtos no catálogo.',
    uncategorized: '1.234 produtos sem categoria',
    header: ['Conta Amazon', 'Marketplace'],
  },
  {
    locale: 'en-US',
    lang: 'en',
    heading: 'Dashboard',
    nav: ['Dashboard', 'Products', 'Sync', 'Orders', 'Existing offers', 'Listing rules', 'Categories', 'Characteristics', 'Amazon accounts', 'Settings'],
    checklist: 'Getting started',
    steps: ['Connect account', 'Import products', 'Match categories', 'Match characteristics', 'Include products', 'Follow the sync'],
    products: '1,234 products in the catalog.',
    uncategorized: '1,234 products have no category',
    header: ['Amazon account', 'Marketplace'],
  },
] as const;

for (const c of cases) {
  test.describe(`dashboard with the OS in ${c.locale}`, () => {
    test.use({ systemLocale: c.locale, viewport: { width: 1366, height: 768 } });

    test('renders the shell and the getting-started checklist in the Tray order, with live numbers', async ({ page, services, openApp, keepScreenshot }) => {
      await new AccountsService(services, services.amazon).ensureDemoAccount();
      seedCatalog(services);
      await openApp();
      await expect(page.locator('html')).toHaveAttribute('lang', c.lang);
      await expect(page.getByRole('heading', { level: 1, name: c.heading })).toBeVisible();

      const nav = page.getByRole('navigation');
      await expect(nav.getByRole('link')).toHaveText([...c.nav]);
      await expect(nav.getByRole('link', { name: c.nav[0] })).toHaveAttribute('aria-current', 'page');
      for (const label of c.header) await expect(page.getByRole('banner').getByLabel(label)).toBeEnabled();

      const checklist = page.getByTestId('checklist');
      await expect(checklist.getByRole('heading', { name: c.checklist })).toBeVisible();
      await expect(checklist.locator('.checklist__name')).toHaveText([...c.steps]);
      // The demo account counts as connected; products are imported, none has a category yet: that is next.
      const states = await checklist
        .locator('[data-step]')
        .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-state')}`));
      expect(states).toEqual(['account:done', 'products:done', 'categories:current', 'characteristics:todo', 'selection:todo', 'sync:todo']);
      await expect(checklist.locator('[data-step="products"]')).toContainText(c.products);
      await expect(checklist.locator('[data-step="categories"]')).toContainText(c.uncategorized);
      await keepScreenshot(`dashboard-${c.lang}`);
    });
  });
}

test('each step leads to its screen; an unknown address says so and leads back', async ({ page, services, openApp }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  await openApp();
  const steps = page.getByTestId('checklist');
  await expect(steps.locator('[data-step="products"]')).toHaveAttribute('aria-current', 'step');
  await expect(steps.getByRole('link', { name: 'Conectar minha conta' })).toHaveAttribute('href', '#/accounts/connect');
  await expect(steps.getByRole('link', { name: 'Relacionar categorias' })).toHaveAttribute('href', '#/categories');
  await expect(steps.getByRole('link', { name: 'Incluir produtos' })).toHaveAttribute('href', '#/categories/include');
  await expect(steps.getByRole('link', { name: 'Ver sincronização' })).toHaveAttribute('href', '#/sync');
  await steps.getByRole('link', { name: 'Importar planilha' }).click();
  await expect(page).toHaveURL(/#\/products\/import$/);
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
  // click, not check(): the choice is disabled while main saves it, so its state changes a moment later.
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Language saved.' })).toBeVisible();
  // Saved by the core, in the database the next start reads.
  expect(storedLocale(services.db)).toBe('en');

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

test('keyboard: the skip link is the first stop and moves focus to the content', async ({ page, services, openApp }) => {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  await openApp();
  await expect(page.getByTestId('checklist')).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Pular para o conteúdo' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#content')).toBeFocused();
  await expect(page).toHaveURL(/#\/$/);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('checklist').getByRole('link').first()).toBeFocused();
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

test.describe('at 1366×768 in pt-BR, with the demo store imported', () => {
  test.use({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR' });
  test.setTimeout(180_000);

  test('every screen keeps its header and side menu in place while it scrolls, and none runs to many screens', async ({
    page,
    services,
    openApp,
    keepScreenshot,
  }) => {
    await new AccountsService(services, services.amazon).ensureDemoAccount();
    setEnabledMarketplaces(services.db, 'demo', ['A2Q3Y263D00KWC']);
    const file = join(mkdtempSync(join(tmpdir(), 'vitrine-e2e-tour-')), 'planilha.xlsx');
    copyFileSync(join(import.meta.dirname, '../../resources/demo/planilha-exemplo-vitrine.xlsx'), file);
    const report = await runProductImport(services, { file, dryRun: false });
    expect(report.imported).toBeGreaterThan(150);

    const screens = ['', 'products', 'sync', 'orders', 'linking', 'rules', 'categories', 'categories/include', 'characteristics', 'accounts', 'settings'];
    for (const route of screens) {
      await openApp(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await keepScreenshot(`tour-${route.replace('/', '-') || 'inicio'}`);
      const height = await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement.scrollHeight,
      );
      expect(height, `#/${route} is ${height}px tall`).toBeLessThanOrEqual(768 * 2.5);
      await page.mouse.wheel(0, 2000);
      await page.evaluate(
        () => new Promise((r) => (globalThis as unknown as { requestAnimationFrame: (f: () => void) => void }).requestAnimationFrame(() => r(null))),
      );
      expect((await page.getByRole('banner').boundingBox())?.y, `#/${route} header`).toBeCloseTo(0, 0);
      expect((await page.getByRole('navigation', { name: 'Menu principal' }).boundingBox())?.y, `#/${route} menu`).toBeCloseTo(0, 0);
    }
  });
});
