import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../main/accounts/service';
import { VirtualClock } from '../../../main/amazon/clock';
import { startSimulator, type SimulatorHandle } from '../../../main/amazon/simulator';
import { BrazilService } from '../../../main/brazil/service';
import { saveBrazilSettings } from '../../../main/brazil/settings';
import { nfeProblemMessage } from '../../../main/brazil/nfe/messages';
import type { NfeFileResult } from '../../../main/brazil/nfe/import';
import { MemorySecretStore } from '../../../main/secrets/memory-store';
import { OrdersService } from '../../../main/orders/service';
import { createServices, type Services } from '../../../main/services';
import { accessKey, buildNfe, OTHER_CNPJ, STORE_CNPJ } from '../../fixtures/nfe/build';

const BR = 'A2Q3Y263D00KWC';
const MINUTE = 60_000;

let dir: string;
let services: Services | undefined;
let sim: SimulatorHandle | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nfe-corpus-'));
});
afterEach(async () => {
  if (sim) {
    expect(sim.control.responseViolations()).toEqual([]);
    expect(sim.control.requestViolations()).toEqual([]);
  }
  await services?.close();
  services = undefined;
  sim = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** The app's own services on the demo account (a strict simulator, the seller's language pt-BR) with the store's CNPJ set. */
async function app(clock: VirtualClock) {
  services = createServices({
    dbFile: join(dir, 'vitrine.db'),
    secrets: new MemorySecretStore(),
    version: '0.0.0-test',
    systemLocale: 'pt-BR',
    clock,
    startSimulator: async (stateFile) => (sim = await startSimulator({ clock, stateFile, autoOrderEveryMs: 0, seedOrders: false, strictResponses: true })),
  });
  await new AccountsService(services, services.amazon).ensureDemoAccount();
  saveBrazilSettings(services.db, { sellerCnpj: STORE_CNPJ });
  return { services, brazil: new BrazilService(services, () => clock.now()) };
}

/** What the seller reads for each file, in the order the files were read (the same text the window and the CLI show). */
function readOut(s: Services, results: readonly NfeFileResult[]) {
  return results.map((r) => (r.ok ? `${r.file}: ok` : nfeProblemMessage(s.translator, r.file, r.problem)));
}

const write = (folder: string, name: string, content: string | Uint8Array) => writeFileSync(join(folder, name), content);

describe('a corpus of broken NF-e files, dropped as a folder on the real import and send', () => {
  it('each file gets its precise Portuguese error naming the file and the field; nothing of them is stored or sent to Amazon; the one good note goes out once', async () => {
    const clock = new VirtualClock();
    const { services: s, brazil } = await app(clock);
    if (!sim) throw new Error('the demo account started no simulator');
    const order = sim.control.createOrder({
      lines: [{ sku: 'BRC-001', quantity: 2 }],
      status: 'Unshipped',
      willCancel: false,
      program: 'easy_ship',
      marketplaceId: BR,
    });
    clock.advance(5 * MINUTE);
    await new OrdersService(s, { now: () => clock.now() }).import({});
    const unitCents = Math.round((order.lines[0]?.unitPrice ?? 0) * 100);
    const items = [{ sku: 'BRC-001', quantity: 2, unitCents }];
    const note = (number: number, spec: Parameters<typeof buildNfe>[0] extends infer T ? Partial<T> : never = {}) =>
      buildNfe({ orderId: order.orderId, number, items, ...spec });

    const folder = join(dir, 'notas do ERP');
    mkdirSync(folder);
    const keyOf = (number: number) => accessKey(STORE_CNPJ, 1, number);
    const wrongDigit = String((Number(keyOf(901)[43]) + 1) % 10);
    write(folder, '01-nao-e-xml.xml', '%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n');
    write(folder, '02-digito-errado.xml', note(901, { checkDigit: wrongDigit }));
    write(folder, '03-protocolo-de-outra-nota.xml', note(902, { protocolKey: keyOf(999) }));
    write(folder, '04-sem-protocolo.xml', note(903, { withProtocol: false }));
    write(folder, '05-outra-empresa.xml', note(904, { cnpj: OTHER_CNPJ }));
    write(folder, '06-total-errado.xml', note(905, { totalCents: unitCents * 2 - 5000 }));
    const whole = note(906);
    const cut = whole.slice(0, whole.indexOf('</emit>') + '</emit>'.length);
    write(folder, '07-cortada.xml', cut);
    write(folder, '08-editada.xml', note(907).replace('<vNF>', '<vNF >').replace('</ide>', '< /ide>'));

    const refused = await brazil.importPaths([folder]);
    const money = (cents: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(cents / 100);
    const percent = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(Math.round((5000 / (unitCents * 2)) * 1000) / 10);
    expect(readOut(s, refused)).toEqual([
      '01-nao-e-xml.xml: não é um XML válido (linha 1, coluna 1: há um caractere que não cabe ali; o arquivo pode não ser um XML (um PDF, um ZIP, um texto) ou estar corrompido).',
      `02-digito-errado.xml: o dígito verificador da chave de acesso ${keyOf(901).slice(0, 43)}${wrongDigit} (em infNFe/@Id) está errado (é ${wrongDigit}, deveria ser ${keyOf(901)[43]}). A chave foi digitada ou alterada à mão.`,
      `03-protocolo-de-outra-nota.xml: a chave do protocolo (${keyOf(999)}, em protNFe/infProt/chNFe) não é a chave da nota (${keyOf(902)}). O protocolo é de outra nota.`,
      '04-sem-protocolo.xml: a nota não tem o protocolo de autorização da SEFAZ (protNFe). Use o XML autorizado ("procNFe"), baixado do emissor depois da autorização.',
      '05-outra-empresa.xml: a nota foi emitida pelo CNPJ 45.997.418/0001-53 (em infNFe/emit/CNPJ), que não é o da sua loja (11.222.333/0001-81).',
      `06-total-errado.xml: o total da nota sem frete (${money(unitCents * 2 - 5000)}, em total/ICMSTot/vNF) difere do pedido ${order.orderId} (${money(unitCents * 2)}) em ${percent} %, acima da tolerância de 5 %.`,
      // A file cut short is pointed at its end.
      `07-cortada.xml: não é um XML válido (linha 2, coluna ${(cut.split('\n')[1]?.length ?? 0) + 1}: o arquivo termina com tags ainda abertas: foi cortado (um download ou uma cópia que não terminou); baixe o XML de novo).`,
      expect.stringMatching(
        /^08-editada\.xml: não é um XML válido \(linha 2, coluna \d+: uma tag está malformada ou foi fechada fora de ordem; o arquivo foi cortado ou editado à mão\)\.$/,
      ),
    ]);
    // The code and field of each, as the window and the CLI's --json carry them.
    expect(refused.map((r) => (r.ok ? null : [r.problem.code, r.problem.field ?? null]))).toEqual([
      ['NOT_XML', null],
      ['KEY_CHECK_DIGIT', 'infNFe/@Id'],
      ['KEY_ID_MISMATCH', 'protNFe/infProt/chNFe'],
      ['NO_PROTOCOL', 'protNFe'],
      ['OTHER_CNPJ', 'infNFe/emit/CNPJ'],
      ['TOTAL_MISMATCH', 'total/ICMSTot/vNF'],
      ['NOT_XML', null],
      ['NOT_XML', null],
    ]);
    // No English sentence from the XML reader reaches a pt-BR seller.
    expect(readOut(s, refused).join('\n')).not.toMatch(/expected|closing tag|Unclosed|is not/i);

    // Nothing was stored, so a send has nothing to send and Amazon receives nothing.
    expect(s.db.prepare('SELECT COUNT(*) FROM nfe_documents').pluck().get()).toBe(0);
    expect(await brazil.sendPending()).toEqual([]);
    expect(sim.control.invoices(order.orderId)).toEqual([]);

    // The good note and its copy under another name, in one drop: the copy is the duplicate.
    const good = join(dir, 'boa');
    mkdirSync(good);
    write(good, 'nfe-910.xml', note(910));
    write(good, 'nfe-910 (1).xml', note(910));
    const second = await brazil.importPaths([good]);
    expect(readOut(s, second)).toEqual([
      `nfe-910 (1).xml: ok`,
      `nfe-910.xml: esta nota (chave ${keyOf(910)}, em infNFe/@Id) já foi importada, do arquivo nfe-910 (1).xml. Nada foi alterado.`,
    ]);
    // …and the same file dropped again later.
    const third = await brazil.importPaths([join(good, 'nfe-910.xml')]);
    expect(third).toMatchObject([{ ok: false, problem: { code: 'DUPLICATE', field: 'infNFe/@Id' } }]);

    const sent = await brazil.sendPending();
    expect(sent.map((r) => [r.number, r.outcome])).toEqual([['910', 'sent']]);
    expect(await brazil.sendPending()).toEqual([]);
    expect(sim.control.invoices(order.orderId).map((i) => i.accessKey)).toEqual([keyOf(910)]);
  }, 60_000);
});
