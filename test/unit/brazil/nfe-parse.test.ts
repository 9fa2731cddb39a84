import { describe, expect, it } from 'vitest';
import { accessKeyCheckDigit, formatCnpj, isAccessKey, isCnpj } from '../../../main/brazil/nfe/digits';
import { decimalToCents, MAX_NFE_BYTES, parseNfe } from '../../../main/brazil/nfe/parse';
import { accessKey, buildNfe, OTHER_CNPJ, STORE_CNPJ } from '../../fixtures/nfe/build';

const ORDER = '701-1234567-7654321';
const bytes = (xml: string) => new TextEncoder().encode(xml);
const WRONG_DIGIT = String((Number(accessKey(STORE_CNPJ, 1, 1234)[43]) + 1) % 10);
const ITEMS = [{ sku: 'PUL-925', ean: '7891000000013', quantity: 2, unitCents: 8990 }];

describe('check digits', () => {
  it('knows right and wrong CNPJs, alphanumeric ones included', () => {
    expect(isCnpj(STORE_CNPJ)).toBe(true);
    expect(isCnpj(OTHER_CNPJ)).toBe(true);
    expect(isCnpj('11222333000182')).toBe(false);
    expect(isCnpj('00000000000000')).toBe(false);
    // Receita Federal's published example of the 2026 alphanumeric CNPJ.
    expect(isCnpj('12ABC34501DE35')).toBe(true);
    expect(isCnpj('12ABC34501DE36')).toBe(false);
    expect(formatCnpj(STORE_CNPJ)).toBe('11.222.333/0001-81');
  });

  it('computes the access key digit by mod 11 (a published key)', () => {
    // Worked by hand (weights 2..9 from the right): 43 digits of a São Paulo note of 2026-11.
    expect(accessKeyCheckDigit('3526111122233300018155001000001234100009772')).toBe(3);
    const key = accessKey(STORE_CNPJ, 1, 1234);
    expect(isAccessKey(key)).toBe(true);
    const wrong = key.slice(0, 43) + String((Number(key[43]) + 1) % 10);
    expect(isAccessKey(wrong)).toBe(false);
  });

  it('turns NF-e decimals into cents without floating point', () => {
    expect(decimalToCents('89.90')).toBe(8990);
    expect(decimalToCents('0.1')).toBe(10);
    expect(decimalToCents('1234567.995')).toBe(123456800);
    expect(decimalToCents('12,50')).toBeNull();
  });
});

describe('parseNfe', () => {
  it('reads an authorized note: key, number, emitter, total, items and the order it names', () => {
    const result = parseNfe(bytes(buildNfe({ orderId: ORDER, items: ITEMS, freightCents: 1500, number: 77 })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.nfe).toMatchObject({
      accessKey: accessKey(STORE_CNPJ, 1, 77),
      number: '77',
      series: '1',
      emitterCnpj: STORE_CNPJ,
      totalCents: 2 * 8990 + 1500,
      freightCents: 1500,
      mentions: [{ orderId: ORDER, source: 'xPed' }],
      items: [{ code: 'PUL-925', ean: '7891000000013', quantity: 2, totalCents: 17980 }],
    });
  });

  it('finds the order id in infCpl and in obsCont', () => {
    const cpl = parseNfe(bytes(buildNfe({ orderId: ORDER, items: ITEMS, mentionIn: 'infCpl' })));
    const obs = parseNfe(bytes(buildNfe({ orderId: ORDER, items: ITEMS, mentionIn: 'obsCont' })));
    expect(cpl.ok && cpl.nfe.mentions).toEqual([{ orderId: ORDER, source: 'infCpl' }]);
    expect(obs.ok && obs.nfe.mentions).toEqual([{ orderId: ORDER, source: 'infAdic' }]);
  });

  const broken: readonly [string, string | Uint8Array, string, string | undefined][] = [
    ['not XML', 'PK\u0003\u0004 isto é um zip', 'NOT_XML', undefined],
    ['an unclosed tag', '<nfeProc><NFe></nfeProc>', 'NOT_XML', undefined],
    ['binary garbage', new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'NOT_TEXT', undefined],
    ['an empty file', '', 'EMPTY', undefined],
    ['another XML document', '<?xml version="1.0"?><pedido><id>1</id></pedido>', 'NOT_NFE', undefined],
    ['a wrong key digit', buildNfe({ orderId: ORDER, items: ITEMS, checkDigit: WRONG_DIGIT }), 'KEY_CHECK_DIGIT', 'infNFe/@Id'],
    [
      'a protocol for another key',
      buildNfe({ orderId: ORDER, items: ITEMS, protocolKey: accessKey(STORE_CNPJ, 1, 999) }),
      'KEY_ID_MISMATCH',
      'protNFe/infProt/chNFe',
    ],
    ['no protocol', buildNfe({ orderId: ORDER, items: ITEMS, withProtocol: false }), 'NO_PROTOCOL', 'protNFe'],
    ['a rejected note', buildNfe({ orderId: ORDER, items: ITEMS, cStat: '204' }), 'NOT_AUTHORIZED', 'protNFe/infProt/cStat'],
    ['a test-environment note', buildNfe({ orderId: ORDER, items: ITEMS, tpAmb: '2' }), 'HOMOLOGATION', 'ide/tpAmb'],
  ];
  it.each(broken)('refuses %s with its precise problem', (_, content, code, field) => {
    const result = parseNfe(typeof content === 'string' ? bytes(content) : content);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe(code);
    expect(result.problem.field).toBe(field);
  });

  it('refuses an emitter CNPJ whose digits are wrong even when the key agrees with it', () => {
    // The builder computes the key's digit from this CNPJ, so only the CNPJ's own digits are wrong.
    const result = parseNfe(bytes(buildNfe({ orderId: ORDER, items: ITEMS, cnpj: '11222333000182' })));
    expect(!result.ok && result.problem).toMatchObject({ code: 'CNPJ_INVALID', field: 'infNFe/emit/CNPJ' });
  });

  it("refuses a key whose CNPJ is not the emitter's", () => {
    const xml = buildNfe({ orderId: ORDER, items: ITEMS }).replace(`<CNPJ>${STORE_CNPJ}</CNPJ>`, `<CNPJ>${OTHER_CNPJ}</CNPJ>`);
    const result = parseNfe(bytes(xml));
    expect(!result.ok && result.problem).toMatchObject({ code: 'KEY_FIELD_MISMATCH', field: 'infNFe/emit/CNPJ' });
  });

  it('never expands entities: an XML bomb is refused before parsing, quickly', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')}]><nfeProc>&lol9;</nfeProc>`;
    const started = performance.now();
    const result = parseNfe(bytes(bomb));
    expect(!result.ok && result.problem.code).toBe('DOCTYPE');
    expect(performance.now() - started).toBeLessThan(200);
    const external = parseNfe(bytes('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><nfeProc>&xxe;</nfeProc>'));
    expect(!external.ok && external.problem.code).toBe('DOCTYPE');
  });

  it('refuses a huge file without parsing it', () => {
    const huge = new Uint8Array(MAX_NFE_BYTES + 1).fill(0x20);
    const result = parseNfe(huge);
    expect(!result.ok && result.problem).toMatchObject({ code: 'TOO_LARGE', params: { max: MAX_NFE_BYTES } });
  });
});
