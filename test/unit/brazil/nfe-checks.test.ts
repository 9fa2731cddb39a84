import { describe, expect, it } from 'vitest';
import { importNfeFiles } from '../../../main/brazil/nfe/import';
import { nfeProblemMessage } from '../../../main/brazil/nfe/messages';
import { parseNfe, type NfeProblem } from '../../../main/brazil/nfe/parse';
import { checkEmitter, verifyAgainstOrder, type OrderForNfe } from '../../../main/brazil/nfe/verify';
import { Translator } from '../../../main/i18n';
import { commitOrders } from '../../../main/orders/commit';
import { DEFAULT_ORDER_SETTINGS } from '../../../main/orders/settings';
import { buildNfe, OTHER_CNPJ, STORE_CNPJ, type NfeSpec } from '../../fixtures/nfe/build';
import { addSku, order, testDb } from '../orders/fixtures';

const ORDER_ID = '701-1234567-7654321';
const ITEMS = [{ sku: 'PUL-925', ean: '7891000000013', quantity: 2, unitCents: 8990 }] as const;
const pt = new Translator('pt-BR');
const file = (name: string, spec: Partial<NfeSpec> = {}) => ({ name, bytes: new TextEncoder().encode(buildNfe({ orderId: ORDER_ID, items: ITEMS, ...spec })) });

function parsed(spec: Partial<NfeSpec> = {}) {
  const result = parseNfe(new TextEncoder().encode(buildNfe({ orderId: ORDER_ID, items: ITEMS, ...spec })));
  if (!result.ok) throw new Error(`fixture did not parse: ${result.problem.code}`);
  return result.nfe;
}

const theOrder: OrderForNfe = {
  amazonOrderId: ORDER_ID,
  status: 'Unshipped',
  program: 'self_ship',
  totalCents: 17980,
  currency: 'BRL',
  items: [{ sku: 'PUL-925', gtin: '7891000000013', quantity: 2 }],
  hasAcceptedNfe: false,
};
const settings = { tolerancePercent: 5, sellerCnpj: null };
const message = (name: string, problem: NfeProblem | null) => (problem ? nfeProblemMessage(pt, name, problem) : null);

describe("the emitter: another company's note", () => {
  it("is refused naming both CNPJs, formatted, and the field, once the store's CNPJ is known", () => {
    const other = parsed({ cnpj: OTHER_CNPJ });
    const problem = checkEmitter(other, { ...settings, sellerCnpj: STORE_CNPJ });
    expect(problem).toEqual({ code: 'OTHER_CNPJ', field: 'infNFe/emit/CNPJ', params: { cnpj: OTHER_CNPJ, expected: STORE_CNPJ } });
    expect(message('nfe-99.xml', problem)).toBe(
      'nfe-99.xml: a nota foi emitida pelo CNPJ 45.997.418/0001-53 (em infNFe/emit/CNPJ), que não é o da sua loja (11.222.333/0001-81).',
    );
    expect(checkEmitter(parsed(), { ...settings, sellerCnpj: STORE_CNPJ })).toBeNull();
    // Without the store's CNPJ there is nothing to compare with.
    expect(checkEmitter(other, settings)).toBeNull();
  });
});

describe('the total against the order', () => {
  it('refuses a total beyond the divergence tolerance, with both amounts, the gap and the tolerance', () => {
    const problem = verifyAgainstOrder(parsed({ totalCents: 15000 }), theOrder, settings);
    expect(problem).toEqual({
      code: 'TOTAL_MISMATCH',
      field: 'total/ICMSTot/vNF',
      params: { orderId: ORDER_ID, noteCents: 15000, orderCents: 17980, currency: 'BRL', percent: 16.6, tolerance: 5 },
    });
    expect(message('nfe-1.xml', problem)).toBe(
      `nfe-1.xml: o total da nota sem frete (R$\u00a0150,00, em total/ICMSTot/vNF) difere do pedido ${ORDER_ID} (R$\u00a0179,80) em 16,6 %, acima da tolerância de 5 %.`,
    );
  });

  it("accepts a total within the tolerance and leaves the freight out (Amazon's order total has none)", () => {
    expect(verifyAgainstOrder(parsed({ totalCents: 17980 + 800 }), theOrder, settings)).toBeNull();
    expect(verifyAgainstOrder(parsed({ freightCents: 2500 }), theOrder, settings)).toBeNull();
    expect(verifyAgainstOrder(parsed({ totalCents: 17980 + 1000 }), theOrder, settings)).toMatchObject({ code: 'TOTAL_MISMATCH' });
    expect(verifyAgainstOrder(parsed({ totalCents: 17980 + 1000 }), theOrder, { ...settings, tolerancePercent: 10 })).toBeNull();
  });

  it('checks the items too: one missing, a quantity that differs, a product the order does not have', () => {
    expect(verifyAgainstOrder(parsed({ items: [{ sku: 'OUTRO', quantity: 2, unitCents: 8990 }] }), theOrder, settings)).toMatchObject({
      code: 'ITEM_MISSING',
      field: 'infNFe/det',
    });
    expect(verifyAgainstOrder(parsed({ items: [{ sku: 'PUL-925', quantity: 1, unitCents: 17980 }] }), theOrder, settings)).toMatchObject({
      code: 'ITEM_QUANTITY',
      field: 'infNFe/det[1]/prod/qCom',
      params: { noteQuantity: 1, orderQuantity: 2 },
    });
    // Found by its EAN when the ERP writes its own product code.
    expect(verifyAgainstOrder(parsed({ items: [{ sku: 'ERP-77', ean: '7891000000013', quantity: 2, unitCents: 8990 }] }), theOrder, settings)).toBeNull();
    const extra = parsed({ items: [...ITEMS, { sku: 'BRINDE', description: 'Saquinho de presente', quantity: 1, unitCents: 0 }] });
    expect(verifyAgainstOrder(extra, theOrder, settings)).toMatchObject({
      code: 'ITEM_EXTRA',
      field: 'infNFe/det[2]/prod',
      params: { code: 'BRINDE', description: 'Saquinho de presente' },
    });
  });
});

describe('a corpus of files, imported together', () => {
  it('each bad file gets its own error naming the file and the field; only the good note is stored; a duplicate is refused, the first kept', () => {
    const db = testDb();
    addSku(db, 'PUL-925', 10);
    commitOrders(
      db,
      'acc',
      [order({ id: ORDER_ID, status: 'UNSHIPPED', updated: '2026-11-22T10:00:00Z', lines: [{ sku: 'PUL-925', quantity: 2, price: '89.90' }] })],
      DEFAULT_ORDER_SETTINGS,
    );
    const stored = () => db.prepare('SELECT file_name FROM nfe_documents ORDER BY id').pluck().all();

    const results = importNfeFiles(
      db,
      [
        file('outra-empresa.xml', { cnpj: OTHER_CNPJ, number: 10 }),
        file('total-errado.xml', { number: 11, totalCents: 9990 }),
        file('boa.xml', { number: 12 }),
        file('boa-de-novo.xml', { number: 12 }),
      ],
      { tolerancePercent: 5, sellerCnpj: STORE_CNPJ },
    );
    expect(results.map((r) => [r.file, r.ok ? 'ok' : r.problem.code, r.ok ? null : (r.problem.field ?? null)])).toEqual([
      ['outra-empresa.xml', 'OTHER_CNPJ', 'infNFe/emit/CNPJ'],
      ['total-errado.xml', 'TOTAL_MISMATCH', 'total/ICMSTot/vNF'],
      ['boa.xml', 'ok', null],
      ['boa-de-novo.xml', 'DUPLICATE', 'infNFe/@Id'],
    ]);
    expect(stored()).toEqual(['boa.xml']);
    const duplicate = results[3];
    expect(duplicate && !duplicate.ok ? nfeProblemMessage(pt, duplicate.file, duplicate.problem) : '').toMatch(
      /^boa-de-novo\.xml: esta nota \(chave \d{44}, em infNFe\/@Id\) já foi importada, do arquivo boa\.xml\. Nada foi alterado\.$/,
    );

    // The same file again, later: refused, and the stored note is untouched.
    const again = importNfeFiles(db, [file('boa.xml', { number: 12 })], { tolerancePercent: 5, sellerCnpj: STORE_CNPJ });
    expect(again).toMatchObject([{ ok: false, problem: { code: 'DUPLICATE', params: { existingFile: 'boa.xml' } } }]);
    expect(stored()).toEqual(['boa.xml']);
    expect(db.prepare(`SELECT state FROM nfe_documents`).pluck().all()).toEqual(['pending']);
  });
});
