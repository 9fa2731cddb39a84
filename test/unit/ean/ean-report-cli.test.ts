import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eanReport } from '../../../main/cli/commands/ean-report';
import type { CliContext } from '../../../main/cli/context';
import { prepareProductUpsert } from '../../../main/db/tables/products';
import { prepareSkuUpsert } from '../../../main/db/tables/skus';
import { Translator } from '../../../main/i18n';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { createServices } from '../../../main/services';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A database file holding one product with the given SKU codes, and a CLI context opening it. */
async function setup(gtins: readonly (string | null)[]) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-ean-'));
  dirs.push(dir);
  const open = () => createServices({ dbFile: join(dir, 'v.db'), secrets: new MemorySecretStore(), version: 'test', systemLocale: 'en' });
  const seeded = open();
  const product = prepareProductUpsert(seeded.db)({
    key: 'P',
    title: 'Mug',
    description: null,
    brand: null,
    manufacturer: null,
    bulletPoints: null,
    imageUrls: null,
    categoryId: null,
  });
  if (!product) throw new Error('product not written');
  const upsert = prepareSkuUpsert(seeded.db);
  gtins.forEach((gtin, i) =>
    upsert({
      sku: `SKU-${i}`,
      productId: product.id,
      gtin,
      gtinExempt: null,
      gtinStatus: null,
      priceCents: null,
      salePriceCents: null,
      stock: null,
      weightG: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      variation: null,
      active: null,
    }),
  );
  await seeded.close();
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    argv: [],
    io: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    env: {},
    dbFile: ':memory:',
    translator: new Translator('en'),
    openServices: () => open(),
  };
  return { ctx, out, err };
}

describe('ean-report', () => {
  it('prints counts and the SKUs to fix, exiting 1 when Amazon would reject one', async () => {
    const { ctx, out } = await setup(['4006381333931', '4006381333932', null]);

    const code = await eanReport.run([], ctx);

    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('3 SKUs: 1 with a code Amazon accepts, 0 GTIN-exempt.');
    expect(text).toMatch(/SKU-1\s+4006381333932\s+check digit/);
    expect(text).toMatch(/SKU-2\s+—\s+missing/);
  });

  it('prints the whole report as JSON and exits 0 for a clean catalog', async () => {
    const { ctx, out } = await setup(['4006381333931', '036000291452']);

    const code = await eanReport.run(['--json'], ctx);

    expect(code).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ total: 2, valid: 2, findings: [] });
  });

  it('limits the list and says how many were left out', async () => {
    const { ctx, out } = await setup([null, null, null]);

    await eanReport.run(['--limit', '1'], ctx);

    expect(out.join('\n')).toContain('… and 2 more');
  });

  it('refuses an unknown option', async () => {
    const { ctx, err } = await setup([]);

    const code = await eanReport.run(['--bogus'], ctx);

    expect(code).toBe(2);
    expect(err.join('\n')).toContain('--bogus');
  });
});
