import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/run';
import { openDatabase } from '../../../main/db/connection';
import { getOrderProgram } from '../../../main/db/tables/order-programs';
import { listOrderItems, listOrders } from '../../../main/db/tables/orders';
import { buildNfe } from '../../fixtures/nfe/build';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'brazil-cli-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

/** The CLI on one database (the demo account's simulator keeps its state beside it), in a language. */
function cli(locale: string) {
  const db = join(dir, 'vitrine.db');
  const env = { VITRINE_LOG_DIR: join(dir, 'logs'), VITRINE_LOCALE: locale };
  return async (...argv: string[]) => {
    const c = capture();
    const code = await runCli([...argv, '--db', db], c.io, env);
    return { code, out: c.out, err: c.err };
  };
}

/** The demo store's first Delivery by Amazon order waiting for its note, with its items at the prices Amazon charged. */
function firstDbaOrder(): { orderId: string; items: { sku: string; quantity: number; unitCents: number }[] } {
  const db = openDatabase(join(dir, 'vitrine.db'));
  try {
    const order = listOrders(db, {}, { offset: 0, limit: 100 }).rows.find(
      (o) => getOrderProgram(db, o.id)?.program === 'easy_ship' && o.status === 'Unshipped',
    );
    if (!order) throw new Error('the demo store has no DBA order');
    return {
      orderId: order.amazonOrderId,
      items: listOrderItems(db, order.id).map((i) => ({ sku: i.sellerSku ?? '', quantity: i.quantity, unitCents: i.unitPriceCents ?? 0 })),
    };
  } finally {
    db.close();
  }
}

describe('the Brazil CLI twins', () => {
  it('a DBA order from the command line: nfe import (a folder, one file refused) → nfe send → easyship slots → schedule → label; fba stock', async () => {
    // Amazon validates a note in about 20 s: the clock (Vitrine's and the in-process simulator's) is moved instead of waited for.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const run = cli('pt-BR');
    expect((await run('import-orders', '--json')).code).toBe(0);
    const dba = firstDbaOrder();

    const folder = join(dir, 'notas');
    mkdirSync(folder);
    const good = buildNfe({ orderId: dba.orderId, number: 901, items: dba.items, issuedAt: new Date().toISOString() });
    writeFileSync(join(folder, 'nfe-901.xml'), good);
    writeFileSync(join(folder, 'nfe-901-copia.txt'), good);
    writeFileSync(join(folder, 'nfe-902.xml'), good.replace(/<vNF>[^<]*<\/vNF>/, '<vNF>1.00</vNF>'));
    const imported = await run('nfe', 'import', folder);
    expect(imported.code).toBe(1);
    expect(imported.out).toEqual([`nfe-901.xml: importada (nota 901, pedido ${dba.orderId}).`]);
    expect(imported.err).toHaveLength(1);
    expect(imported.err[0]).toMatch(/^nfe-902\.xml: /);

    const again = await run('nfe', 'import', join(folder, 'nfe-901.xml'), '--json');
    expect(again.code).toBe(1);
    expect(JSON.parse(again.out[0] ?? '[]')).toEqual([expect.objectContaining({ file: 'nfe-901.xml', ok: false, code: 'DUPLICATE', field: 'infNFe/@Id' })]);

    const blocked = await run('easyship', 'slots', '--order', dba.orderId);
    expect(blocked.code).toBe(1);
    expect(blocked.err.join('\n')).toContain('ainda não foi enviada à Amazon');

    const sent = await run('nfe', 'send', '--order', dba.orderId);
    expect(sent).toMatchObject({ code: 0, out: ['Nota 901: enviada à Amazon (a Amazon ainda vai validar).'], err: [] });
    expect((await run('nfe', 'send', '--order', dba.orderId)).err).toEqual([`O pedido ${dba.orderId} não tem nota esperando envio.`]);

    vi.setSystemTime(Date.now() + 60_000);
    const slots = await run('easyship', 'slots', '--order', dba.orderId, '--weight', '450', '--json');
    expect(slots.code).toBe(0);
    const listed = JSON.parse(slots.out[0] ?? '{}') as { package: { weightG: number }; slots: { index: number; slotId: string }[] };
    expect(listed.package.weightG).toBe(450);
    expect(listed.slots.length).toBeGreaterThan(1);

    const text = await run('easyship', 'slots', '--order', dba.orderId);
    expect(text.out[0]).toMatch(/^Pacote: [\d,]+ × [\d,]+ × [\d,]+ cm, \d+ g\.$/);
    expect(text.out[1]).toMatch(/^1\. \d{2}\/\d{2}\/\d{4}/);

    expect((await run('easyship', 'schedule', '--order', dba.orderId, '--slot', '99')).err[0]).toMatch(/^--slot 99: a Amazon ofereceu \d+ horários/);
    const scheduled = await run('easyship', 'schedule', '--order', dba.orderId, '--slot', '1', '--weight', '450');
    expect(scheduled.code).toBe(0);
    expect(scheduled.out[0]).toMatch(/^Coleta agendada para \d{2}\/\d{2}\/\d{4}/);

    const label = await run('easyship', 'label', '--order', dba.orderId, join(dir, 'etiqueta'));
    expect(label).toMatchObject({ code: 0, out: [`Etiqueta salva em ${join(dir, 'etiqueta.pdf')}.`] });
    expect(readFileSync(join(dir, 'etiqueta.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const fba = await run('fba', 'stock', '--json');
    expect(fba.code).toBe(0);
    const stock = JSON.parse(fba.out[0] ?? '{}') as { read: { skus: number }[]; stock: { sku: string; fulfillable: number }[] };
    expect(stock.read[0]?.skus).toBeGreaterThan(0);
    expect(stock.stock).toEqual([expect.objectContaining({ sku: 'PUL-002', fulfillable: expect.any(Number) })]);
    const fbaText = await run('fba', 'stock');
    expect(fbaText.out[1]).toMatch(/^PUL-002: disponível \d+, a caminho \d+, reservado \d+, indisponível \d+, total \d+$/);
  }, 90_000);

  it('refuses an option another verb takes, a verb it does not know, a file that is not there and a bad size, naming each', async () => {
    const run = cli('pt-BR');
    const foreign = await run('nfe', 'import', '--order', '702-1', join(dir, 'x.xml'));
    expect(foreign).toMatchObject({ code: 2, err: ['nfe import: opção desconhecida --order.', expect.stringMatching(/^Uso: nfe import/)] });
    expect((await run('easyship', 'ship', '--order', '702-1')).code).toBe(2);
    expect(await run('nfe', 'import', join(dir, 'nada.xml'))).toMatchObject({ code: 2, err: [`${join(dir, 'nada.xml')}: arquivo ou pasta não encontrado.`] });
    expect(await run('nfe', 'import', dir)).toMatchObject({ code: 1, err: [`Nenhum arquivo .xml em ${dir}.`] });
    expect((await run('import-orders')).code).toBe(0);
    const dba = firstDbaOrder();
    expect(await run('easyship', 'slots', '--order', dba.orderId, '--weight', '0,5')).toMatchObject({
      code: 2,
      err: ['--weight: "0,5" não é um valor válido (gramas, de 11 a 100000).'],
    });
    expect(await run('easyship', 'slots', '--order', '999-0000000-0000000')).toMatchObject({
      code: 1,
      err: ['O pedido 999-0000000-0000000 não está no banco de dados do Vitrine. Importe os pedidos primeiro.'],
    });
    expect((await run('easyship', 'schedule', '--order', dba.orderId)).code).toBe(2);
  }, 60_000);
});
