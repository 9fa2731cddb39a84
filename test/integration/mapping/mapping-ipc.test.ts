import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCategories } from '../../../main/db/tables/categories';
import { createHandlers } from '../../../main/ipc/handlers';
import { dispatch } from '../../../main/ipc/register';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { BR, cacheSchema, seedAccount, seedCatalog, shirtSchema } from './mapping-helpers';

let services: Services;
let dir: string;
const call = (channel: string, input?: unknown) => dispatch(createHandlers(services), services.translator, channel, input, true);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitrine-mapping-ipc-'));
  services = createServices({ dbFile: join(dir, 'm.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'en' });
  seedAccount(services.db);
});

afterEach(async () => {
  await services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mapping IPC', () => {
  it('refuses a product type that is not an Amazon name before any handler runs', async () => {
    const result = await call('mapping:map-category', { accountId: 'acc', marketplaceId: BR, categoryId: 1, productType: 'shirt; drop', variationTheme: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('lists unmapped categories, saves an attribute mapping and answers why a product cannot be included', async () => {
    const ids = seedCatalog(services.db, [{ key: 'C1', title: 'Camiseta', category: 'Roupas' }]);
    cacheSchema(services.db, 'SHIRT', shirtSchema());

    const categories = await call('mapping:categories', { marketplaceId: BR });
    const saved = await call('mapping:save-attribute', {
      marketplaceId: BR,
      productType: 'SHIRT',
      attribute: 'country_of_origin',
      characteristic: null,
      valueMap: {},
      unit: null,
      defaultValue: 'BR',
    });
    const include = await call('mapping:include', { accountId: 'acc', marketplaceId: BR, productIds: [ids.get('C1')] });

    expect(categories).toMatchObject({ ok: true, value: { unmapped: 1 } });
    expect(saved).toEqual({ ok: true, value: undefined });
    expect(include).toMatchObject({ ok: true, value: { included: [], rejected: [{ status: 'blocked', reasons: [expect.stringMatching(/Categories/)] }] } });
  });

  it('an unknown marketplace is a localized, expected failure', async () => {
    seedCatalog(services.db, [{ key: 'C1', title: 'Camiseta', category: 'Roupas' }]);
    const categoryId = listCategories(services.db)[0]?.id ?? 0;

    const result = await call('mapping:preview', { accountId: 'acc', marketplaceId: 'NOPE', productId: categoryId });

    expect(result).toMatchObject({ ok: false, error: { code: 'MAPPING_MARKETPLACE_UNKNOWN', message: expect.stringContaining('NOPE') } });
  });
});
