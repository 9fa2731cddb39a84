import { AccountsService } from '../../main/accounts/service';
import { NEXT_SEND_SETTING } from '../../main/db/tables/dashboard';
import { insertLinks } from '../../main/db/tables/listing-links';
import { setSetting } from '../../main/db/tables/settings';
import type { Services } from '../../main/services';
import { addCatalog, BR } from '../integration/linking/fixtures';
import { expect, test } from './fixtures';

const LAST_SEND = Date.UTC(2026, 10, 21, 18, 30);
const NEXT_SEND = Date.UTC(2026, 10, 22, 20, 30);

/** A local day `offset` days from today at noon, so the test does not depend on the hour it runs. */
function localNoon(offset: number): Date {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() + offset);
  return d;
}

async function seed(services: Services): Promise<void> {
  const { db } = services;
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  const order = db.prepare(
    `INSERT INTO orders (account_id, amazon_order_id, marketplace_id, status, created_time, last_updated_time, currency, total_cents, imported_at, updated_at)
     VALUES ('demo', ?, ?, ?, ?, ?, ?, ?, '', '')`,
  );
  const orders: [string, number, string, string, number][] = [
    ['701-1', 0, 'Unshipped', 'BRL', 8990],
    ['701-2', 0, 'Shipped', 'BRL', 1010],
    ['701-3', -3, 'Unshipped', 'BRL', 5000],
    ['701-4', -10, 'Shipped', 'USD', 1999],
    ['701-5', -2, 'Canceled', 'BRL', 77700],
    ['701-6', -40, 'Shipped', 'BRL', 99900],
  ];
  for (const [id, offset, status, currency, cents] of orders) {
    const at = localNoon(offset).toISOString();
    order.run(id, currency === 'USD' ? 'ATVPDKIKX0DER' : BR, status, at, at, currency, cents);
  }
  const listing = db.prepare('INSERT INTO sync_listings (account_id, marketplace_id, sku, status, updated_at) VALUES (?, ?, ?, ?, 0)');
  for (const [sku, marketplace, status] of [
    ['A', BR, 'live'],
    ['A', 'ATVPDKIKX0DER', 'live'],
    ['B', BR, 'live'],
    ['C', BR, 'live'],
    ['D', BR, 'error'],
    ['E', BR, 'pending'],
    ['F', BR, 'waiting'],
    ['G', BR, 'paused'],
  ] as const)
    listing.run('demo', marketplace, sku, status);
  db.prepare("INSERT INTO sync_runs (account_id, lane, trigger, state, started_at, finished_at) VALUES ('demo', 'full', 'schedule', 'done', ?, ?)").run(
    LAST_SEND - 60_000,
    LAST_SEND,
  );
  setSetting(db, NEXT_SEND_SETTING, String(NEXT_SEND));
  const ids = addCatalog(db, [{ sku: 'L1' }, { sku: 'L2' }]);
  insertLinks(
    db,
    { accountId: 'demo', marketplaceId: BR },
    [
      { amazonSku: 'L1', skuId: ids.get('L1') as number, matchedBy: 'sku' },
      { amazonSku: 'AMZ-L2', skuId: ids.get('L2') as number, matchedBy: 'ean' },
    ],
    1,
  );
}

test('the dashboard shows the seeded offers, sends, orders and sales', async ({ page, services, openApp, keepScreenshot }) => {
  await seed(services);
  const dateTime = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short' });
  const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });
  const usd = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'USD' });

  await openApp();

  await expect(page.getByTestId('dashboard-status-live')).toHaveText('3');
  await expect(page.getByTestId('dashboard-status-errors')).toHaveText('1');
  await expect(page.getByTestId('dashboard-status-waiting')).toHaveText('2');
  await expect(page.getByTestId('dashboard-status-last-send')).toHaveText(dateTime.format(LAST_SEND));
  await expect(page.getByTestId('dashboard-status-next-send')).toHaveText(dateTime.format(NEXT_SEND));
  await expect(page.getByTestId('dashboard-count-orders')).toHaveText('2');
  const chart = page.locator('.dashboard-chart');
  await expect(chart.locator('rect')).toHaveCount(30);
  const totals = page.getByTestId('dashboard-chart-totals');
  await expect(totals).toContainText('4');
  await expect(totals).toContainText(brl.format(150));
  await chart.getByLabel('Moeda').selectOption('USD');
  await expect(totals).toContainText(usd.format(19.99));
  await keepScreenshot('dashboard-figures-pt-BR');

  await page.getByTestId('dashboard-status-links').click();
  await expect(page).toHaveURL(/#\/linking$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Anúncios existentes na Amazon' })).toBeVisible();
});
