import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AccountsService } from '../../main/accounts/service';
import { withCheckDigit } from '../../main/amazon/simulator/seed';
import { setEnabledMarketplaces } from '../../main/db/tables/accounts';
import { selectProducts } from '../../main/db/tables/listing-selections';
import { saveSchema } from '../../main/db/tables/product-type-schemas';
import { prepareProductUpsert } from '../../main/db/tables/products';
import { saveMatchedAsins } from '../../main/db/tables/sku-gtins';
import { prepareSkuUpsert } from '../../main/db/tables/skus';
import type { Services } from '../../main/services';
import { saveSyncSettings } from '../../main/sync/settings';
import { expect, test } from './fixtures';

const BR = 'A2Q3Y263D00KWC';
const APPROVAL_URL = 'https://sellercentral.amazon.com.br/hz/approvalrequest/restrictions/approve?asin=B0SEED0009&itemcondition=new';

/**
 * The demo account on Amazon.com.br with one selected product matched to the simulator's Som Puro
 * headphones (B0SEED0009), a brand that needs Amazon's approval. Returns the product's id.
 */
async function seed(services: Services): Promise<number> {
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  setEnabledMarketplaces(services.db, 'demo', [BR]);
  const home = JSON.parse(readFileSync(join(import.meta.dirname, '../../main/amazon/simulator/product-types/HOME.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const now = Date.now();
  saveSchema(services.db, {
    marketplaceId: BR,
    productType: 'HOME',
    locale: 'pt_BR',
    displayName: 'Casa',
    version: '1',
    checksum: 'e2e',
    propertyGroups: {},
    fetchedAt: now,
    checkedAt: now,
    schema: home,
  });
  saveSyncSettings(services.db, 'demo', BR, {
    defaultProductType: 'HOME',
    defaultAttributes: {
      country_of_origin: 'BR',
      supplier_declared_dg_hz_regulation: 'not_applicable',
      item_type_keyword: 'vases',
      material: 'Ceramic',
      room_type: 'Living Room',
      color: 'Beige',
    },
  });
  const p = prepareProductUpsert(services.db)({
    key: 'FONE-BT',
    title: 'Fone de ouvido bluetooth',
    description: 'Fone sem fio',
    brand: 'Som Puro',
    manufacturer: null,
    bulletPoints: ['Bateria de 20 horas'],
    imageUrls: null,
    categoryId: null,
  });
  if (!p) throw new Error('product not written');
  prepareSkuUpsert(services.db)({
    sku: 'FONE-BT',
    productId: p.id,
    gtin: withCheckDigit('789100000009'),
    gtinExempt: null,
    gtinStatus: 'valid',
    priceCents: 19990,
    salePriceCents: null,
    stock: 8,
    weightG: 200,
    lengthMm: 150,
    widthMm: 100,
    heightMm: 60,
    variation: null,
    active: true,
  });
  saveMatchedAsins(services.db, [{ sku: 'FONE-BT', asin: 'B0SEED0009' }]);
  selectProducts(services.db, { accountId: 'demo', marketplaceId: BR }, [p.id], 0);
  return p.id;
}

test.use({ viewport: { width: 1366, height: 768 }, locale: 'pt-BR' });
test.setTimeout(120_000);

test('Sincronização in pt-BR: a product Amazon restricts shows why, with the approval link that opens in the browser; the product screen too', async ({
  page,
  services,
  openApp,
  keepScreenshot,
}) => {
  const productId = await seed(services);
  await openApp('sync');
  await page.getByRole('button', { name: 'Sincronizar agora' }).click();

  const causes = page.getByRole('region', { name: 'Precisa da sua atenção' });
  const cause = causes.getByTestId('sync-cause').filter({ hasText: 'A Amazon exige aprovação ou não permite o produto' });
  await expect(cause).toContainText('1 produto', { timeout: 90_000 });
  const restriction = cause.getByTestId('restriction');
  await expect(restriction).toHaveAttribute('data-sku', 'FONE-BT');
  await expect(restriction).toContainText('A Amazon exige aprovação para esta marca/categoria');
  await expect(restriction).toContainText('Fone de ouvido bluetooth · FONE-BT');
  await expect(restriction).toContainText('ASIN B0SEED0009');
  // Amazon's words verbatim beside ours.
  await expect(restriction.locator('blockquote')).toContainText('Você precisa de aprovação para anunciar produtos da marca Som Puro.');
  await expect(restriction).toContainText('Peça a aprovação na página da Amazon');
  const link = restriction.getByRole('link', { name: 'Abrir página de aprovação na Amazon' });
  await expect(link).toHaveAttribute('href', APPROVAL_URL);
  // A new window is refused by the app and its https address handed to the system browser.
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noreferrer');
  await expect(restriction.getByRole('button', { name: 'Verificar de novo' })).toBeEnabled();
  await keepScreenshot('sync-restricted');

  // "Ver o produto": the row says it was not sent, and why.
  await cause.getByRole('button', { name: 'Ver o produto' }).click();
  const row = page.locator('tr[data-sku="FONE-BT"]');
  await expect(row).toContainText('Não enviado');
  await expect(row).toContainText('a Amazon restringe este produto para a sua conta');

  // The product's "Na Amazon" card shows the same link.
  await openApp(`products/${productId}`);
  const card = page.getByTestId('product-amazon');
  await expect(card.getByTestId('restriction')).toContainText('A Amazon exige aprovação para esta marca/categoria');
  await expect(card.getByRole('link', { name: 'Abrir página de aprovação na Amazon' })).toHaveAttribute('href', APPROVAL_URL);
  await keepScreenshot('product-restricted');
});
