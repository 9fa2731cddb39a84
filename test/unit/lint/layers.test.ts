import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Layers point one way: IPC handlers → feature modules → db/tables, and the send engine (sync/)
 * builds on mapping/, the "Incluir produtos" selection (selection/) on both. The rules live in eslint.config.mjs; this checks that they fire and that the
 * tree as it is keeps them.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

describe('layer boundaries', () => {
  it.each([
    ["import { getAccount } from '../../db/tables/accounts';", 'main/ipc/handlers/example.ts'],
    ["import type { SelectionScope } from '../../db/tables/listing-selections';", 'main/ipc/handlers/example.ts'],
    ["import type { OrderStatus } from '../../orders/status';", 'main/db/tables/orders.ts'],
    ["import { readSyncSettings } from '../sync/settings';", 'main/db/example.ts'],
    ["import { planSendable } from '../sync/delta';", 'main/mapping/example.ts'],
    ["export { sendablesOf } from '../sync/catalog-source';", 'main/mapping/example.ts'],
    ["import { previewProduct } from '../selection/preview';", 'main/mapping/example.ts'],
    // No file of mapping/ is an exception any more: the selection's readiness moved to selection/.
    ["import { mappingLookupFor } from '../sync/catalog-source';", 'main/mapping/product-checks.ts'],
    ["import { readSyncSettings } from '../sync/settings';", 'main/mapping/listing-inputs.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await restrictedImports(`${code}\n`, file)).toHaveLength(1);
  });

  it.each([
    ["import { linkingOverview } from '../../linking/views';", 'main/ipc/handlers/example.ts'],
    ["import type { OrderStatus } from '../../../preload/contract/orders';", 'main/db/tables/orders.ts'],
    ["import { AppError } from '../../errors';", 'main/db/tables/example.ts'],
    ["import { createMappingResolver } from '../mapping/resolver';", 'main/sync/example.ts'],
    ["import { STORE_FILLED } from './attributes';", 'main/mapping/example.ts'],
    ["import { mappingLookupFor } from '../sync/catalog-source';", 'main/selection/example.ts'],
    ["import { marketplaceOf } from '../mapping/service';", 'main/selection/example.ts'],
  ])('allows %s in %s', async (code, file) => {
    expect(await restrictedImports(`${code}\n`, file)).toEqual([]);
  });

  it('holds for every handler, table and mapping module as they are', async () => {
    const files = [...tsFiles('main/ipc/handlers'), ...tsFiles('main/db'), ...tsFiles('main/mapping')];
    expect(files.length).toBeGreaterThan(60);
    const results = await eslint.lintFiles(files);
    const broken = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(broken).toEqual([]);
  });
});
