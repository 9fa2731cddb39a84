import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceAmazonListings, startListingRead } from '../../../main/db/tables/amazon-listings';
import { insertLinks } from '../../../main/db/tables/listing-links';
import { AccountsService } from '../../../main/accounts/service';
import { linkingHandlers } from '../../../main/ipc/handlers/linking';
import { rulesHandlers } from '../../../main/ipc/handlers/rules';
import { dispatch } from '../../../main/ipc/register';
import { linkTreatment } from '../../../main/linking';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices, type Services } from '../../../main/services';
import { channels, type Channel } from '../../../preload/contract';
import { addCatalog, BR } from './fixtures';

const scope = { accountId: 'demo', marketplaceId: BR };

describe('linking and rules IPC', () => {
  let services: Services;
  let call: (channel: Channel, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  beforeEach(() => {
    services = createServices({
      dbFile: join(mkdtempSync(join(tmpdir(), 'vitrine-linking-ipc-')), 'v.db'),
      secrets: new MemorySecretStore(),
      version: 'test',
      systemLocale: 'pt-BR',
    });
    const handlers = { ...linkingHandlers(services), ...rulesHandlers(services) };
    call = async (channel, input) => {
      const result = await dispatch(handlers, services.translator, channel, input, true);
      if (result.ok) channels[channel].output.parse(result.value);
      return result;
    };
  });
  afterEach(() => services.close());

  it('lists the three groups with totals and confirms a treatment', async () => {
    const ids = addCatalog(services.db, [{ sku: 'A' }, { sku: 'B' }]);
    const readId = startListingRead(services.db, scope, 1);
    const offer = {
      asin: null,
      gtin14: null,
      title: 'x',
      price: '10.00',
      quantity: 1,
      status: 'Active',
      fulfillment: 'DEFAULT',
      openedAt: null,
      unmatchedReason: null,
    };
    replaceAmazonListings(services.db, scope, readId, [
      { ...offer, sku: 'A' },
      { ...offer, sku: 'Z' },
    ]);
    insertLinks(services.db, scope, [{ amazonSku: 'A', skuId: ids.get('A') as number, matchedBy: 'sku' }], 1);

    const linked = await call('linking:linked', { ...scope, treatment: 'unconfirmed' });
    const amazonOnly = await call('linking:amazon-only', scope);
    const catalogOnly = await call('linking:catalog-only', scope);
    const confirmed = await call('linking:confirm', { ...scope, amazonSkus: null, treatment: 'keep-amazon' });

    expect(linked.value).toMatchObject({ total: 1, items: [{ amazonSku: 'A', sku: 'A', treatment: 'unconfirmed' }] });
    expect(amazonOnly.value).toMatchObject({ total: 1, items: [{ sku: 'Z' }] });
    expect(catalogOnly.value).toMatchObject({ total: 1, items: [{ sku: 'B' }] });
    expect(confirmed.value).toMatchObject({ changed: 1, overview: { counts: { keepAmazon: 1, unconfirmed: 0 } } });
    expect(linkTreatment(services.db, ids.get('A') as number, BR)).toBe('keep-amazon');
  });

  it("refuses to read offers for a marketplace the account has not enabled, in the seller's language", async () => {
    await new AccountsService(services, services.amazon).ensureDemoAccount();

    const result = await call('linking:read', { accountId: 'demo', marketplaceId: 'A1PA6795UKMFR9' });

    expect(result.error?.code).toBe('LINKING_MARKETPLACE_NOT_ENABLED');
    expect(result.error?.message).toContain('não está ativado');
  });

  it('saves a rule, lists it with its matches and previews a draft', async () => {
    addCatalog(services.db, [
      { sku: 'A', stock: 3 },
      { sku: 'B', stock: 20 },
    ]);

    const saved = await call('rules:save', {
      ...scope,
      rule: { name: 'Estoque', enabled: true, conditions: [{ kind: 'stock', min: 10 }], onExit: 'zero-quantity' },
    });
    const listed = await call('rules:list', scope);
    const preview = await call('rules:preview', { conditions: [{ kind: 'stock', min: 5 }] });
    const invalid = await call('rules:preview', { conditions: [{ kind: 'price', minCents: 500, maxCents: 100 }] });

    expect(saved.value).toMatchObject({ name: 'Estoque', matched: 1 });
    expect(listed.value).toHaveLength(1);
    expect(preview.value).toMatchObject({ total: 2, included: 1, failing: [1], excludedPage: [{ key: 'A', failed: [{ kind: 'stock', actual: '3' }] }] });
    expect(invalid.error?.code).toBe('INVALID_INPUT');
  });
});
