import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ACCESS_KEY_PATTERN, accessKeyCheckDigit, accessKeyParts, isCnpj, normalizeCnpj } from './digits';
import type { NfeFacts } from '../../db/tables/nfe-documents';

/**
 * Reads one NF-e file (an `nfeProc`: the note as signed plus SEFAZ's authorization protocol) and
 * checks what the file alone can tell: well-formed XML, no DTD, a model-55 note authorized in
 * production (cStat 100 or 150), a 44-character access key whose check digit is right and which
 * is the note's Id, the protocol's chNFe and the key's own fields (CNPJ, model, series, number),
 * and an emitter CNPJ with valid check digits. The order-dependent checks live in verify.ts.
 */

/** An NF-e is a few dozen KB; a file far bigger is not one (and is not read into memory whole). */
export const MAX_NFE_BYTES = 2 * 1024 * 1024;

export type NfeProblemCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'NOT_TEXT'
  | 'DOCTYPE'
  | 'NOT_XML'
  | 'NOT_NFE'
  | 'NO_PROTOCOL'
  | 'NOT_AUTHORIZED'
  | 'HOMOLOGATION'
  | 'NOT_MODEL_55'
  | 'MISSING_FIELD'
  | 'BAD_VALUE'
  | 'KEY_FORMAT'
  | 'KEY_CHECK_DIGIT'
  | 'KEY_ID_MISMATCH'
  | 'KEY_FIELD_MISMATCH'
  | 'CNPJ_INVALID';

/** What is wrong with a file: a code explained in the seller's language, the XML field at fault, its parameters. */
export interface NfeProblem {
  readonly code: NfeProblemCode | VerifyProblemCode;
  /** The XML path of the field (`protNFe/infProt/cStat`), when one field is at fault. */
  readonly field?: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Codes of verify.ts, declared here so one NfeProblem type covers both stages. */
export type VerifyProblemCode =
  | 'DUPLICATE'
  | 'OTHER_CNPJ'
  | 'ORDER_NOT_FOUND'
  | 'ORDER_FBA'
  | 'ORDER_NOT_PRICED'
  | 'ORDER_CANCELED'
  | 'ORDER_HAS_ACCEPTED'
  | 'TOTAL_MISMATCH'
  | 'ITEM_MISSING'
  | 'ITEM_EXTRA'
  | 'ITEM_QUANTITY';

export interface NfeItem {
  /** cProd: the seller's product code (usually the SKU). */
  readonly code: string;
  /** cEAN, or null for "SEM GTIN". */
  readonly ean: string | null;
  readonly description: string;
  /** qCom, in the commercial unit. */
  readonly quantity: number;
  readonly totalCents: number;
}

export type MentionSource = 'xPed' | 'infCpl' | 'infAdic';

/** An Amazon order id the note names, and where. */
export interface OrderMention {
  readonly orderId: string;
  readonly source: MentionSource;
}

export type ParsedNfe = NfeFacts &
  Readonly<{
    /** vFrete: freight on the note (Amazon's order total does not include it); vNF (`totalCents`) is what the buyer was invoiced. */
    freightCents: number;
    items: readonly NfeItem[];
    mentions: readonly OrderMention[];
  }>;

export type ParseOutcome = { readonly ok: true; readonly nfe: ParsedNfe } | { readonly ok: false; readonly problem: NfeProblem };

type Node = Record<string, unknown>;

/** The kinds of error the XML validator reports, each explained in the seller's language (brazil.nfe.xmlErrors). */
export type XmlErrorKind = 'char' | 'tag' | 'unclosed' | 'attribute' | 'document' | 'other';

function xmlErrorKind(code: string): XmlErrorKind {
  switch (code) {
    case 'InvalidChar':
      return 'char';
    case 'InvalidTag':
      return 'tag';
    case 'InvalidAttr':
      return 'attribute';
    case 'InvalidXml':
      return 'document';
    default:
      return 'other';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Keys, CNPJs and codes keep their leading zeros: nothing is turned into a number here.
  parseTagValue: false,
  parseAttributeValue: false,
  // An NF-e has no DTD; a file declaring one is refused before parsing, and nothing is expanded.
  processEntities: false,
  isArray: (name) => name === 'det' || name === 'obsCont' || name === 'xPed',
});

const fail = (code: NfeProblemCode, params: Record<string, string | number> = {}, field?: string): ParseOutcome => ({
  ok: false,
  problem: field === undefined ? { code, params } : { code, field, params },
});

function child(node: unknown, name: string): Node | undefined {
  const value = node && typeof node === 'object' ? (node as Node)[name] : undefined;
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

function text(node: unknown, name: string): string | undefined {
  const value = node && typeof node === 'object' ? (node as Node)[name] : undefined;
  if (typeof value === 'string') return value.trim();
  // An element with attributes keeps its text under "#text".
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as Node)['#text'] === 'string')
    return ((value as Node)['#text'] as string).trim();
  return undefined;
}

function list(node: unknown, name: string): unknown[] {
  const value = node && typeof node === 'object' ? (node as Node)[name] : undefined;
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** "89.90" → 8990, exactly (no floating point); null when the text is not an NF-e decimal. */
export function decimalToCents(raw: string | undefined): number | null {
  if (raw === undefined || !/^-?\d{1,13}(\.\d{1,10})?$/.test(raw)) return null;
  const negative = raw.startsWith('-');
  const [whole = '0', fraction = ''] = raw.replace('-', '').split('.');
  const padded = `${fraction}000`;
  const cents = Number(whole) * 100 + Number(padded.slice(0, 2)) + (Number(padded[2] ?? '0') >= 5 ? 1 : 0);
  return negative ? -cents : cents;
}

const ORDER_ID = /\b\d{3}-\d{7}-\d{7}\b/g;

function mentionsIn(value: string | undefined, source: MentionSource): OrderMention[] {
  return [...(value ?? '').matchAll(ORDER_ID)].map((m) => ({ orderId: m[0], source }));
}

/** Decodes the bytes: UTF-8 (an XML declaration may name another encoding, which SEFAZ does not accept). */
function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

type Failure = Extract<ParseOutcome, { ok: false }>;

/** A refused note, thrown by the reading steps below and answered by `parseNfe` as its outcome. */
class Refusal {
  constructor(readonly failure: Failure) {}
}

function refuse(code: NfeProblemCode, params: Record<string, string | number> = {}, field?: string): never {
  throw new Refusal(fail(code, params, field) as Failure);
}

function required(node: Node | undefined, name: string, path: string): string {
  return text(node, name) || refuse('MISSING_FIELD', { field: path }, path);
}

/** The bytes as an XML tree: UTF-8 text, no entity declarations, well formed (errors point at line and column). */
function readXml(bytes: Uint8Array): Node {
  if (bytes.length === 0) refuse('EMPTY');
  if (bytes.length > MAX_NFE_BYTES) refuse('TOO_LARGE', { size: bytes.length, max: MAX_NFE_BYTES });
  const xml = decode(bytes);
  if (xml === null || xml.includes('\u0000')) refuse('NOT_TEXT');
  // Entity declarations are how "billion laughs" and external-entity files attack a reader.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) refuse('DOCTYPE');
  const valid = XMLValidator.validate(xml);
  // The XML library's own sentence is English: only its kind of error and the position are kept, the seller reads them in their language.
  if (valid !== true) {
    // Tags still open when the text ends: the file was cut (an interrupted download or copy); the place to point at is its end.
    if (/^(Unclosed tag|Invalid '\[)/.test(valid.err.msg)) {
      const lines = xml.trimEnd().split(/\r\n|\r|\n/);
      refuse('NOT_XML', { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1, xmlError: 'unclosed' });
    }
    refuse('NOT_XML', { line: valid.err.line, column: valid.err.col ?? 1, xmlError: xmlErrorKind(valid.err.code) });
  }
  try {
    return parser.parse(xml) as Node;
  } catch {
    return refuse('NOT_XML', { line: 1, column: 1, xmlError: 'other' });
  }
}

/** SEFAZ's authorization (100, or 150 out of time) in production, of a model-55 note. */
function authorization(infProt: Node, ide: Node | undefined): { protocol: string; model: string } {
  const cStat = required(infProt, 'cStat', 'protNFe/infProt/cStat');
  // 100: authorized; 150: authorized out of time. Anything else is not a valid note.
  if (cStat !== '100' && cStat !== '150') refuse('NOT_AUTHORIZED', { cStat, reason: text(infProt, 'xMotivo') ?? '' }, 'protNFe/infProt/cStat');
  const protocol = required(infProt, 'nProt', 'protNFe/infProt/nProt');
  if (text(infProt, 'tpAmb') === '2' || text(ide, 'tpAmb') === '2') refuse('HOMOLOGATION', {}, 'ide/tpAmb');
  const model = required(ide, 'mod', 'infNFe/ide/mod');
  if (model !== '55') refuse('NOT_MODEL_55', { model }, 'infNFe/ide/mod');
  return { protocol, model };
}

/** The 44-digit access key of `infNFe/@Id`, its check digit right and the protocol's `chNFe` the same. */
function accessKeyOf(inf: Node, infProt: Node): string {
  const id = typeof inf['@Id'] === 'string' ? inf['@Id'].trim() : '';
  const key = id.replace(/^NFe/, '');
  if (!id.startsWith('NFe') || !ACCESS_KEY_PATTERN.test(key)) refuse('KEY_FORMAT', { id }, 'infNFe/@Id');
  const expected = accessKeyCheckDigit(key.slice(0, 43));
  if (String(expected) !== key[43]) refuse('KEY_CHECK_DIGIT', { key, expected, found: key[43] ?? '' }, 'infNFe/@Id');
  const chNFe = text(infProt, 'chNFe') ?? '';
  if (chNFe !== key) refuse('KEY_ID_MISMATCH', { key, chNFe }, 'protNFe/infProt/chNFe');
  return key;
}

function emitterCnpj(emit: Node | undefined): string {
  const rawCnpj = text(emit, 'CNPJ');
  if (!rawCnpj) refuse('MISSING_FIELD', { field: 'infNFe/emit/CNPJ' }, 'infNFe/emit/CNPJ');
  const cnpj = normalizeCnpj(rawCnpj);
  if (!isCnpj(cnpj)) refuse('CNPJ_INVALID', { cnpj: rawCnpj }, 'infNFe/emit/CNPJ');
  return cnpj;
}

/** The key repeats the emitter, model, series and number: each must match the note's own field. */
function checkKeyFields(key: string, note: { cnpj: string; model: string; series: string; number: string }): void {
  const parts = accessKeyParts(key);
  const mismatch = (
    [
      ['infNFe/emit/CNPJ', parts.cnpj, note.cnpj],
      ['infNFe/ide/mod', parts.model, note.model],
      ['infNFe/ide/serie', parts.series, note.series.padStart(3, '0')],
      ['infNFe/ide/nNF', parts.number, note.number.padStart(9, '0')],
    ] as const
  ).find(([, inKey, inNote]) => inKey !== inNote);
  if (mismatch) refuse('KEY_FIELD_MISMATCH', { field: mismatch[0], inKey: mismatch[1], inNote: mismatch[2] }, mismatch[0]);
}

function totalsOf(icmsTot: Node | undefined): { total: number; freight: number } {
  const total = decimalToCents(text(icmsTot, 'vNF'));
  if (total === null)
    refuse(
      text(icmsTot, 'vNF') === undefined ? 'MISSING_FIELD' : 'BAD_VALUE',
      { field: 'total/ICMSTot/vNF', value: text(icmsTot, 'vNF') ?? '' },
      'total/ICMSTot/vNF',
    );
  return { total, freight: decimalToCents(text(icmsTot, 'vFrete') ?? '0') ?? 0 };
}

/** The note's items, with the order ids their `xPed` mention. */
function itemsOf(inf: Node): { items: NfeItem[]; mentions: OrderMention[] } {
  const items: NfeItem[] = [];
  const mentions: OrderMention[] = [];
  for (const [index, det] of list(inf, 'det').entries()) {
    const prod = child(det, 'prod');
    const path = `infNFe/det[${index + 1}]/prod`;
    const quantity = Number(text(prod, 'qCom'));
    const itemTotal = decimalToCents(text(prod, 'vProd'));
    if (!prod || !Number.isFinite(quantity) || quantity <= 0 || itemTotal === null)
      refuse('BAD_VALUE', { field: `${path}/qCom`, value: text(prod, 'qCom') ?? '' }, `${path}/qCom`);
    const ean = text(prod, 'cEAN');
    items.push({
      code: text(prod, 'cProd') ?? '',
      ean: ean && /^\d{8,14}$/.test(ean) ? ean : null,
      description: text(prod, 'xProd') ?? '',
      quantity,
      totalCents: itemTotal,
    });
    for (const x of list(prod, 'xPed')) mentions.push(...mentionsIn(typeof x === 'string' ? x : undefined, 'xPed'));
  }
  if (items.length === 0) refuse('MISSING_FIELD', { field: 'infNFe/det' }, 'infNFe/det');
  return { items, mentions };
}

/** Order ids the note mentions outside its items: the purchase, the additional information and the taxpayer's notes. */
function noteMentions(inf: Node): OrderMention[] {
  const mentions: OrderMention[] = [];
  for (const x of list(child(inf, 'compra'), 'xPed')) mentions.push(...mentionsIn(typeof x === 'string' ? x : undefined, 'xPed'));
  const infAdic = child(inf, 'infAdic');
  mentions.push(...mentionsIn(text(infAdic, 'infCpl'), 'infCpl'));
  mentions.push(...mentionsIn(text(infAdic, 'infAdFisco'), 'infAdic'));
  for (const obs of list(infAdic, 'obsCont')) mentions.push(...mentionsIn(text(obs, 'xTexto'), 'infAdic'));
  return mentions;
}

function readNfe(bytes: Uint8Array): ParsedNfe {
  const root = readXml(bytes);
  const proc = child(root, 'nfeProc');
  const inf = child(child(proc ?? root, 'NFe'), 'infNFe');
  if (!inf) refuse('NOT_NFE');
  const infProt = child(child(proc, 'protNFe'), 'infProt');
  if (!infProt) refuse('NO_PROTOCOL', {}, 'protNFe');
  const ide = child(inf, 'ide');
  const emit = child(inf, 'emit');
  const { protocol, model } = authorization(infProt, ide);
  const key = accessKeyOf(inf, infProt);
  const cnpj = emitterCnpj(emit);
  const number = required(ide, 'nNF', 'infNFe/ide/nNF');
  const series = required(ide, 'serie', 'infNFe/ide/serie');
  checkKeyFields(key, { cnpj, model, series, number });
  const { total, freight } = totalsOf(child(child(inf, 'total'), 'ICMSTot'));
  const { items, mentions: itemMentions } = itemsOf(inf);
  const mentions = [...itemMentions, ...noteMentions(inf)];
  return {
    accessKey: key,
    number,
    series,
    issuedAt: text(ide, 'dhEmi') ?? null,
    emitterCnpj: cnpj,
    emitterName: text(emit, 'xNome') ?? null,
    totalCents: total,
    freightCents: freight,
    protocol,
    items,
    mentions: mentions.filter((m, i) => mentions.findIndex((o) => o.orderId === m.orderId) === i),
  };
}

/** Reads an authorized NF-e (model 55) the seller issued, or says in one problem why it is refused. */
export function parseNfe(bytes: Uint8Array): ParseOutcome {
  try {
    return { ok: true, nfe: readNfe(bytes) };
  } catch (err) {
    if (err instanceof Refusal) return err.failure;
    throw err;
  }
}
