import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { sampleSheetPath } from '../../main/catalog-match/sample-sheet';
import { listAccounts, setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { getCachedSchema, listCachedSchemas } from '../../main/db/tables/product-type-schemas';
import type { Services } from '../../main/services';
import type { Locale, VitrineApi } from '../../preload/contract';
import { catalogStrings, findLeaks, forbiddenFor, type Forbidden, type Leak } from '../unit/i18n/leaks';
import { expect, test, type Page } from './fixtures';
import type { DesktopDoubles } from './harness';

/**
 * No other language on a seller's screen. Every route is opened at 1366×768 with a realistic
 * store (Vitrine's 202-product sample sheet imported through the real handlers, categories matched
 * to Amazon's suggestions, ready products included, one "Send now" and the demo orders imported on
 * the demo account), first in pt-BR, then in Spanish and Swedish. What each screen shows — its
 * text, titles, labels, placeholders and options — is compared with the strings of the other
 * languages' catalogs that differ from the screen's own (see test/unit/i18n/leaks.ts); Amazon's
 * words marked with their own `lang` and anything marked `translate="no"` are left out. The es
 * and sv screens must also ask for no key their catalogs lack.
 */

const BR = 'A2Q3Y263D00KWC';
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DEMO = 'demo';

// A Brazilian seller's machine: the browser's own widgets (date fields) speak Portuguese too.
test.use({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR' });
// One real send: the embedded simulator takes Amazon's time to process a feed.
test.setTimeout(480_000);

/** A Brazilian store's sheet with the mistakes sellers make: each row is refused for its own reason. */
const BAD_SHEET = [
  'SKU;Título;Marca;EAN;Preço;Preço promocional;Estoque;Ativo;Imagem 1;Componentes do kit',
  'ERR-01;Caneca esmaltada azul;Barro & Arte;7891234567890;39,90;;5;sim;;',
  'ERR-02;Caneca esmaltada verde;Barro & Arte;7891234567895;trinta reais;;5;sim;;',
  'ERR-02;Caneca repetida;Barro & Arte;7891234567895;39,90;;5;sim;;',
  ';Produto sem SKU;Barro & Arte;;10,00;;1;sim;;',
  'ERR-03;Vaso grande;Barro & Arte;7,89123E+12;89,90;99,90;-2;talvez;ftp://img/vaso.jpg;',
  'ERR-04;;Barro & Arte;;10,00;;1;sim;;',
  'ERR-05;Kit presente;Barro & Arte;;59,90;;1;sim;;ERR-01 x dois',
].join('\r\n');

type Api = VitrineApi;
const api = (page: Page) => page.evaluateHandle(() => (globalThis as unknown as { vitrine: Api }).vitrine);

/** The label a screen shows for a catalog key in `locale`, so the test follows wording changes. */
function label(locale: Locale, key: string): string {
  const text = catalogStrings(locale).get(key);
  if (text === undefined) throw new Error(`no string ${key} in ${locale}`);
  return text;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded');
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(400);
}

/**
 * What the screen shows now: innerText lines, accessible names and hints, options, the title.
 * Runs in the page (kept as source text: main's tsconfig has no DOM types). Subtrees in another
 * language than the page's (`lang`) or marked `translate="no"` are hidden while reading.
 */
const READ_SCREEN = `(() => {
  const pageLanguage = document.documentElement.lang.split('-')[0];
  const foreign = [...document.body.querySelectorAll('[lang], [translate="no"]')].filter(
    (el) => el.getAttribute('translate') === 'no' || (el.getAttribute('lang') || '').split('-')[0] !== pageLanguage,
  );
  const saved = foreign.map((el) => [el, el.style.getPropertyValue('display'), el.style.getPropertyPriority('display')]);
  for (const el of foreign) el.style.setProperty('display', 'none', 'important');
  try {
    const texts = document.body.innerText.split(/[\\n\\t]+/);
    const names = ['title', 'aria-label', 'placeholder', 'alt', 'aria-description', 'aria-valuetext'];
    for (const el of document.body.querySelectorAll(names.map((n) => '[' + n + ']').join(','))) {
      if (!el.checkVisibility()) continue;
      for (const name of names) {
        const value = el.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    for (const option of document.body.querySelectorAll('option')) if (option.closest('select')?.checkVisibility()) texts.push(option.text);
    texts.push(document.title);
    return texts;
  } finally {
    for (const [el, value, priority] of saved) {
      if (value) el.style.setProperty('display', value, priority);
      else el.style.removeProperty('display');
    }
  }
})()`;

async function visibleTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(READ_SCREEN)) as string[];
}

interface ScreenLeak extends Leak {
  readonly screen: string;
}

class Tour {
  readonly leaks: ScreenLeak[] = [];
  readonly screens: string[] = [];
  readonly missingKeys: string[] = [];
  /** Every text read, per screen (kept as an artifact beside the leaks). */
  readonly texts: Record<string, string[]> = {};
  constructor(
    private readonly page: Page,
    private readonly locale: Locale,
    private readonly forbidden: Forbidden,
    private readonly quoted: readonly string[],
    private readonly keep: (name: string) => Promise<string>,
  ) {}

  /** Reads the screen as it is, then each tab of its tab lists and its closed disclosures. */
  async scan(screen: string): Promise<void> {
    await settle(this.page);
    await this.read(screen);
    const tabs = this.page.locator('main [role="tab"]');
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      if ((await tab.getAttribute('aria-selected')) === 'true' || !(await tab.isVisible())) continue;
      const name = (await tab.innerText()).trim();
      await tab.click();
      await settle(this.page);
      await this.read(`${screen} › ${name}`);
    }
    const closed = this.page.locator('main details:not([open]) > summary, main button[aria-expanded="false"]');
    const disclosures = Math.min(await closed.count(), 4);
    for (let i = 0; i < disclosures; i++) {
      const toggle = closed.first();
      if (!(await toggle.isVisible())) break;
      await toggle.click();
    }
    if (disclosures > 0) {
      await settle(this.page);
      await this.read(`${screen} (expanded)`);
    }
  }

  private async read(screen: string): Promise<void> {
    this.screens.push(screen);
    const texts = await visibleTexts(this.page);
    this.texts[screen] = [...new Set(texts.map((t) => t.trim()).filter((t) => t !== ''))];
    for (const leak of findLeaks(texts, this.forbidden, this.quoted)) this.leaks.push({ screen, ...leak });
    const missing = await this.page.evaluate(() => (globalThis as unknown as { __vitrineMissingKeys?: string[] }).__vitrineMissingKeys?.splice(0) ?? []);
    for (const key of new Set(missing)) this.missingKeys.push(`${screen}: missing key ${key}`);
    await this.keep(`${this.locale}-${this.screens.length.toString().padStart(2, '0')}-${screen.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`);
  }
}

/**
 * Words the screens show as they came: Amazon's product type names and attribute titles,
 * descriptions and value names (in the marketplace's language), and account names.
 */
function quotedWords(services: Services): string[] {
  const words = listAccounts(services.db).map((a) => a.label);
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'title' || key === 'description') && typeof value === 'string') words.push(value);
        else if (key === 'enumNames' && Array.isArray(value)) words.push(...value.filter((v): v is string => typeof v === 'string'));
        else collect(value);
      }
    }
  };
  for (const info of listCachedSchemas(services.db, BR)) {
    words.push(info.displayName, ...Object.values(info.propertyGroups).flatMap((g) => (g.title ? [g.title] : [])));
    collect(getCachedSchema(services.db, info)?.schema);
  }
  return words;
}

/** The store a seller has after the first day: catalog, matched categories, a send, orders. */
async function seedStore(page: Page): Promise<void> {
  const handle = await api(page);
  const summary = await handle.evaluate(
    async (vitrine, { marketplaceId, accountId }) => {
      const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
        if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
        return r.value;
      };
      const sheet = unwrap(await vitrine.eanSampleSheet());
      const imported = unwrap(await vitrine.catalogImportCommit({ fileToken: sheet.fileToken }));
      const categories = unwrap(await vitrine.mappingCategories({ marketplaceId })).items;
      let mapped = 0;
      for (const category of categories.filter((c) => c.products > 0 && c.effectiveProductType === null)) {
        if (mapped >= 2) break;
        const [best] = unwrap(await vitrine.mappingSuggest({ accountId, marketplaceId, categoryId: category.id }));
        if (!best) continue;
        unwrap(await vitrine.mappingMapCategory({ accountId, marketplaceId, categoryId: category.id, productType: best.productType, variationTheme: null }));
        mapped++;
      }
      const included = unwrap(await vitrine.mappingIncludeAll({ accountId, marketplaceId }));
      const sent = unwrap(await vitrine.syncRunNow());
      const orders = unwrap(await vitrine.ordersImport({ accountId }));
      return { imported, mapped, included, sent, orders };
    },
    { marketplaceId: BR, accountId: DEMO },
  );
  expect(summary.mapped, 'two categories matched to Amazon suggestions').toBe(2);
}

/** Every route, each detail screen a seller opens from a list, and the wizards' steps. */
async function tour(
  page: Page,
  tourer: Tour,
  locale: Locale,
  openApp: (route?: string) => Promise<void>,
  desktop: DesktopDoubles,
  badSheet: string,
): Promise<void> {
  const routes: readonly string[] = [
    '',
    'products',
    'categories',
    'categories/include',
    'characteristics',
    'sync',
    'sync?status=error',
    'orders',
    'linking',
    'rules',
    'accounts',
    'settings',
    'no-such-screen',
  ];
  for (const route of routes) {
    await openApp(route);
    await tourer.scan(route || 'dashboard');
  }

  // A product, an order, a new rule, the import and connect wizards.
  await openApp('products');
  await settle(page);
  await page.locator('main a[href^="#/products/"]:not([href="#/products/import"])').first().click();
  await tourer.scan('products/:id');

  await openApp('orders');
  await settle(page);
  await page.locator('main a[href^="#/orders/"]').first().click();
  await tourer.scan('orders/:id');

  await openApp('rules');
  await settle(page);
  await page
    .getByRole('button', { name: label(locale, 'renderer:rules.json:new') })
    .first()
    .click();
  await tourer.scan('rules › new rule');
  await page.getByRole('button', { name: label(locale, 'renderer:rules.json:editor.cancel'), exact: true }).click();

  await openApp('products/import');
  await tourer.scan('products/import');
  // A sheet with a seller's usual mistakes: the preview lists each refused row in their language.
  desktop.dialogs.willOpen(badSheet);
  await page.getByRole('button', { name: label(locale, 'renderer:common.json:files.choose') }).click();
  await page.getByRole('button', { name: label(locale, 'renderer:products.json:importWizard.preview') }).click();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 30_000 });
  await tourer.scan('products/import › preview');

  await openApp('accounts/connect');
  await tourer.scan('accounts/connect');
}

function report(tourer: Tour, outputDir: string, locale: Locale): string[] {
  const { leaks } = tourer;
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, `leaks-${locale}.json`), JSON.stringify(leaks, null, 2));
  writeFileSync(join(outputDir, `texts-${locale}.json`), JSON.stringify(tourer.texts, null, 2));
  return leaks.map((l) => `${l.screen}: “${l.text}” has “${l.found}” (${l.key})`);
}

test('no English on any pt-BR screen, and no English or Portuguese on Spanish and Swedish screens', async ({
  page,
  services,
  desktop,
  openApp,
  keepScreenshot,
}, testInfo) => {
  expect(sampleSheetPath(), 'the sample sheet ships with the source tree').not.toBeNull();
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, DEMO, [BR]);
  // Product photos in the sample sheet point to the seller's store; this machine is offline.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
  await page.addInitScript(() => {
    (globalThis as unknown as { __vitrineMissingKeys: string[] }).__vitrineMissingKeys = [];
  });
  await openApp('');
  await seedStore(page);
  const badSheet = join(testInfo.outputDir, 'planilha-com-erros.csv');
  mkdirSync(testInfo.outputDir, { recursive: true });
  writeFileSync(badSheet, BAD_SHEET);

  const problems: Record<string, string[]> = {};
  for (const locale of ['pt-BR', 'es', 'sv'] as const) {
    if (locale !== 'pt-BR') {
      // As a seller would: Configurações → Idioma, the language named in its own words.
      await openApp('settings');
      // The choice is saved by main first, so the radio turns checked only when main answers.
      const choice = page.getByRole('radio', { name: label(locale, `renderer:common.json:languages.${locale}`), exact: true });
      await choice.click();
      await expect(choice).toBeChecked();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
    }
    // A Spanish or Swedish screen shows neither English nor Portuguese phrases; single words only
    // from English, since a Brazilian store's own data (characteristics such as "Cor") is Portuguese.
    const forbidden = locale === 'pt-BR' ? forbiddenFor(locale, ['en']) : forbiddenFor(locale, ['en', 'pt-BR'], { wordsFrom: ['en'] });
    // The bad sheet's headers and cells are the seller's own words too.
    const sheetWords = BAD_SHEET.split(/[\r\n;]+/);
    const tourer = new Tour(page, locale, forbidden, [...quotedWords(services), ...sheetWords], keepScreenshot);
    await tour(page, tourer, locale, openApp, desktop, badSheet);
    problems[locale] = [...report(tourer, testInfo.outputDir, locale), ...tourer.missingKeys];
    expect(tourer.screens.length, `${locale}: screens read`).toBeGreaterThanOrEqual(18);
  }
  expect(problems).toEqual({ 'pt-BR': [], es: [], sv: [] });
});
