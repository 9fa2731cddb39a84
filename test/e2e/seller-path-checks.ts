import { DEMO_PRODUCTS } from '../../main/amazon/simulator/demo-catalog';
import { catalogMatchesOf } from '../../main/db/tables/catalog-matches';
import { getProduct } from '../../main/db/tables/products';
import { getSkuByCode } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import type { SelectionItem, SyncStatusRow, VitrineApi } from '../../preload/contract';
import { findLeaks, forbiddenFor } from '../unit/i18n/leaks';
import { expect, type Page } from './fixtures';

const BR = 'A2Q3Y263D00KWC';
const DEMO = 'demo';

export interface PathOutcome {
  readonly services: Services;
  readonly page: Page;
}

type Api = VitrineApi;

/** Every SKU's row on Sincronização for Amazon.com.br, as main answers the screen. */
async function syncRows(page: Page): Promise<Map<string, SyncStatusRow>> {
  const out = new Map<string, SyncStatusRow>();
  for (let offset = 0; ; offset += 500) {
    const answer = await page.evaluate(
      ([accountId, marketplaceId, from]) =>
        (globalThis as unknown as { vitrine: Api }).vitrine.syncStatus({ accountId, marketplaceId, offset: from, limit: 500 }),
      [DEMO, BR, offset] as const,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    for (const row of answer.value.items) out.set(row.sku, row);
    if (offset + 500 >= answer.value.total) return out;
  }
}

/** Every product as "Incluir produtos" judges it for Amazon.com.br: ready or not, and why not. */
export async function selectionItems(page: Page): Promise<SelectionItem[]> {
  const out: SelectionItem[] = [];
  for (let offset = 0; ; offset += 100) {
    const answer = await page.evaluate(
      ([accountId, marketplaceId, from]) =>
        (globalThis as unknown as { vitrine: Api }).vitrine.mappingSelection({ accountId, marketplaceId, offset: from, limit: 100 }),
      [DEMO, BR, offset] as const,
    );
    if (!answer.ok) throw new Error(answer.error.message);
    out.push(...answer.value.items);
    if (offset + 100 >= answer.value.total) return out;
  }
}

/** The demo products' SKUs Amazon.com.br already had, as main's background matching attached them. */
function matchedSkus(services: Services): Set<string> {
  const codes = DEMO_PRODUCTS.flatMap((p) => p.skus.map((s) => s.sku));
  const ids = new Map(codes.map((code) => [getSkuByCode(services.db, code)?.id ?? 0, code] as const));
  const matches = catalogMatchesOf(services.db, [...ids.keys()], BR);
  return new Set([...matches].filter(([, m]) => m.outcome === 'matched' && m.attached).map(([id]) => ids.get(id) ?? ''));
}

/**
 * The definition of done: every product Amazon already had (a single SKU offered on its ASIN) and
 * every product of the category whose characteristics were filled is live on Amazon.com.br; every
 * other product is not ready, and says why in the seller's language.
 */
export async function expectMatchedAndCompletedLive(
  { services, page }: PathOutcome,
  { filled, locale }: { filled: string; locale: 'pt-BR' | 'en' },
): Promise<SelectionItem[]> {
  const rows = await syncRows(page);
  const live = (sku: string) => rows.get(sku)?.status === 'live';
  const matched = matchedSkus(services);

  const singles = DEMO_PRODUCTS.filter((p) => !p.family && p.skus.every((s) => matched.has(s.sku)));
  expect(singles.length, 'most of the sample store is on the demo Amazon').toBeGreaterThan(100);
  const items = await selectionItems(page);
  expect(items).toHaveLength(DEMO_PRODUCTS.length);
  const itemOf = new Map(items.map((i) => [getProduct(services.db, i.id)?.key ?? '', i]));
  // Amazon restricts a few of them for this seller (a brand or category that needs approval): those
  // stay out, saying so with Amazon's reason; every other product Amazon already had is live.
  const restricted = (key: string) => itemOf.get(key)?.problems.some((p) => p.code === 'restricted') === true;
  const describe = (key: string) =>
    `${key}: ${DEMO_PRODUCTS.find((x) => x.key === key)
      ?.skus.map((s) => `${s.sku}=${rows.get(s.sku)?.status ?? 'none'} ${rows.get(s.sku)?.reason ?? ''}`)
      .join(', ')} | ${JSON.stringify(itemOf.get(key)?.problems)}`;
  expect(
    singles.filter((p) => !p.skus.every((s) => live(s.sku)) && !restricted(p.key)).map((p) => describe(p.key)),
    'matched products not live',
  ).toEqual([]);
  expect(singles.filter((p) => restricted(p.key)).length, "only a few products need Amazon's approval").toBeLessThan(10);
  const completed = DEMO_PRODUCTS.filter((p) => p.category === filled);
  expect(
    completed.filter((p) => !p.skus.every((s) => live(s.sku))).map((p) => p.key),
    `products of ${filled} not live`,
  ).toEqual([]);

  const skusOf = new Map(DEMO_PRODUCTS.map((p) => [p.key, p.skus.map((s) => s.sku)]));
  const notLive = items.filter((item) => !(skusOf.get(getProduct(services.db, item.id)?.key ?? '') ?? [item.firstSku]).every(live));
  for (const item of notLive) {
    expect(item.status, `${item.title} is not live: it must not be ready`).not.toBe('ready');
    expect(item.problems.length, `${item.title} says what is missing`).toBeGreaterThan(0);
  }
  // Every ready product went out and is live.
  for (const item of items.filter((i) => i.status === 'ready')) expect(notLive.map((i) => i.title)).not.toContain(item.title);

  // In the seller's language: no string of the other catalog in any reason (Amazon's names quoted).
  const other = locale === 'pt-BR' ? ['en'] : ['pt-BR'];
  const reasons = notLive.flatMap((i) => i.problems.map((p) => p.message));
  const titles = DEMO_PRODUCTS.map((p) => p.title);
  expect(findLeaks(reasons, forbiddenFor(locale, other), titles)).toEqual([]);
  return notLive;
}
