import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../../../main/amazon/simulator/seed';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { getOrderProgram } from '../../../main/db/tables/order-programs';
import { listOrderItems, listOrders } from '../../../main/db/tables/orders';
import { buildNfe } from '../../fixtures/nfe/build';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'brazil-cli-roles-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [...argv, '--db', join(dir, 'vitrine.db')],
    { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    { VITRINE_LOG_DIR: join(dir, 'logs'), VITRINE_LOCALE: 'pt-BR' },
  );
  return { code, out, err };
}

/** The seller's app loses a role in the demo account's simulator (its state file lives beside the database). */
function withholdRole(role: string): void {
  const file = join(dir, 'simulator-state.json');
  const state = JSON.parse(readFileSync(file, 'utf8')) as { withheldRoles?: Record<string, string[]> };
  state.withheldRoles = { ...state.withheldRoles, [DEMO.sellerId]: [...(state.withheldRoles?.[DEMO.sellerId] ?? []), role] };
  writeFileSync(file, JSON.stringify(state));
}

describe('the CLI without an SP-API role', () => {
  it("nfe send and fba stock name the role to request with Amazon's 403 words, in text and --json; the note stays ready to send", async () => {
    expect((await run('import-orders')).code).toBe(0);
    const db = openDatabase(join(dir, 'vitrine.db'));
    const order = listOrders(db, {}, { offset: 0, limit: 100 }).rows.find(
      (o) => getOrderProgram(db, o.id)?.program === 'easy_ship' && o.status === 'Unshipped',
    );
    if (!order) throw new Error('the demo store has no DBA order');
    const items = listOrderItems(db, order.id).map((i) => ({ sku: i.sellerSku ?? '', quantity: i.quantity, unitCents: i.unitPriceCents ?? 0 }));
    db.close();
    writeFileSync(join(dir, 'nota.xml'), buildNfe({ orderId: order.amazonOrderId, number: 321, items, issuedAt: new Date().toISOString() }));
    expect((await run('nfe', 'import', join(dir, 'nota.xml'))).code).toBe(0);

    withholdRole('taxInvoicing');
    const text = await run('nfe', 'send', '--order', order.amazonOrderId);
    expect(text.code).toBe(1);
    expect(text.err).toHaveLength(1);
    expect(text.err[0]).toMatch(
      /^Nota 321: A Amazon recusou o envio da nota fiscal \(403: Access to requested resource is denied\.\)\. .*função restrita "Tax Invoicing"/,
    );
    const json = await run('nfe', 'send', '--order', order.amazonOrderId, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out[0] ?? '[]')).toEqual([
      { number: '321', outcome: 'failed', error: { code: 'ROLE_MISSING_TAX_INVOICING', message: expect.stringContaining('"Tax Invoicing"') } },
    ]);

    const after = openDatabase(join(dir, 'vitrine.db'));
    expect(after.prepare('SELECT number, state FROM nfe_documents').all()).toEqual([{ number: '321', state: 'pending' }]);
    after.close();

    withholdRole('fbaInventory');
    const fba = await run('fba', 'stock');
    expect(fba.code).toBe(1);
    expect(fba.err.join('\n')).toContain('"Amazon Fulfillment"');
  }, 90_000);
});
