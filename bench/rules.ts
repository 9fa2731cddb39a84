/**
 * Listing rules benchmark: `npm run -s bench:rules -- --products 100000`.
 * A real SQLite catalog (1–3 SKUs per product, brands, a category tree, a "Cor" characteristic,
 * EANs valid or not), then a five-condition rule previewed (counts + both first pages with
 * reasons) and saved (materialized). Prints one JSON object with the wall times in ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../main/db/connection';
import { prepareCategoryPaths } from '../main/db/tables/categories';
import { prepareCharacteristicWriter } from '../main/db/tables/characteristics';
import { prepareProductUpsert } from '../main/db/tables/products';
import { prepareSkuUpsert } from '../main/db/tables/skus';
import { withCheckDigit } from '../main/ean/gtin';
import { configureLogging } from '../main/log/logger';
import { evaluateRules, previewRule, saveRule } from '../main/rules';
import type { RuleCondition } from '../preload/contract/rules';

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(value) ? value : fallback;
}

const products = argNumber('--products', 100_000);
const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-rules-'));
configureLogging({ dir: join(dir, 'logs'), console: false });
const db = openDatabase(join(dir, 'bench.db'));
const scope = { accountId: 'bench', marketplaceId: 'A2Q3Y263D00KWC' };

const started = performance.now();
const category = prepareCategoryPaths(db);
const product = prepareProductUpsert(db);
const sku = prepareSkuUpsert(db);
const characteristic = prepareCharacteristicWriter(db);
const paths = [['Roupas'], ['Roupas', 'Camisetas'], ['Casa'], ['Casa', 'Cozinha'], ['Joias']];
const brands = ['Acme', 'Aurora', 'Barro & Arte', 'Som Puro'];
const colors = ['Azul', 'Preto', 'Vermelho'];
let skus = 0;
db.transaction(() => {
  for (let i = 0; i < products; i++) {
    const p = product({
      key: `P${i}`,
      title: `Produto ${i}`,
      description: null,
      brand: brands[i % brands.length] ?? null,
      manufacturer: null,
      bulletPoints: null,
      imageUrls: null,
      categoryId: category(paths[i % paths.length] ?? ['Outros']),
    });
    if (!p) throw new Error('product not written');
    characteristic(p.id, 'Cor', colors[i % colors.length] ?? 'Azul');
    for (let j = 0; j < 1 + (i % 3); j++) {
      skus += 1;
      const valid = skus % 5 !== 0;
      sku({
        sku: `P${i}-${j}`,
        productId: p.id,
        gtin: valid ? withCheckDigit(`789${String(skus).padStart(9, '0')}`) : null,
        gtinExempt: null,
        gtinStatus: valid ? 'valid' : 'missing',
        priceCents: 500 + ((i * 37 + j * 101) % 30_000),
        salePriceCents: null,
        stock: (i + j) % 15,
        weightG: null,
        lengthMm: null,
        widthMm: null,
        heightMm: null,
        variation: null,
        active: (i + j) % 10 !== 0,
      });
    }
  }
})();
const seededMs = performance.now() - started;

const roupas = db.prepare("SELECT id FROM categories WHERE path = 'Roupas'").pluck().get() as number;
const conditions: RuleCondition[] = [
  { kind: 'category', categoryIds: [roupas], includeSubcategories: true },
  { kind: 'brand', brands: ['Acme', 'Aurora'] },
  { kind: 'characteristic', name: 'Cor', values: ['Azul', 'Preto'] },
  { kind: 'price', minCents: 1_000, maxCents: 20_000 },
  { kind: 'stock', min: 5 },
];
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const value = fn();
  return [value, Math.round(performance.now() - t)];
};
const [preview, previewMs] = time(() => previewRule(db, [...conditions, { kind: 'valid-ean' }], { offset: 0, limit: 50 }));
const [rule, saveMs] = time(() => saveRule(db, scope, undefined, { name: 'bench', enabled: true, conditions, onExit: 'zero-quantity' }, Date.now()));
const [, reevaluateMs] = time(() => evaluateRules(db, scope, Date.now()));

console.log(
  JSON.stringify({
    products,
    skus,
    seededMs: Math.round(seededMs),
    preview: { ms: previewMs, included: preview.included, failing: preview.failing },
    save: { ms: saveMs, matched: rule.matched },
    reevaluateMs,
  }),
);
db.close();
rmSync(dir, { recursive: true, force: true });
