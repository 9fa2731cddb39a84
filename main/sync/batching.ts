import type { PlannedMessage } from './delta';

/** JSON_LISTINGS_FEED limits (REFERENCE §6): 25,000 messages, and under 10 MiB per document. */
export const MAX_MESSAGES = 25_000;
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024 - 1;

export interface FeedHeader {
  readonly sellerId: string;
  readonly version: '2.0';
  readonly issueLocale?: string;
  readonly report?: { readonly includedData: readonly string[]; readonly apiVersion: '2021-08-01' };
}

export interface PackedMessage {
  readonly plan: PlannedMessage;
  readonly messageId: number;
}

export interface PackedDocument {
  readonly messages: readonly PackedMessage[];
  /** Exactly the bytes to upload (uploads cannot be gzipped). */
  readonly content: Buffer;
}

/**
 * Writes the document straight into one buffer of its exact size, each `{"sku":…}` becoming
 * `{"messageId":7,"sku":…}` without serialising the message again (two small buffers per
 * message and a concat of thousands of parts cost more than the copy itself).
 */
function assemble(prefix: Buffer, suffix: Buffer, messages: readonly PackedMessage[], bytes: number): Buffer {
  const out = Buffer.allocUnsafe(bytes);
  let at = prefix.copy(out, 0);
  messages.forEach((m, i) => {
    if (i > 0) at += out.write(',', at, 'latin1');
    at += out.write(`{"messageId":${m.messageId},`, at, 'latin1');
    at += m.plan.json.copy(out, at, 1);
  });
  at += suffix.copy(out, at);
  if (at !== bytes) throw new Error(`feed document is ${at} bytes, expected ${bytes}`);
  return out;
}

/**
 * Packs messages, already in priority order, into as few documents as the limits allow: the
 * count of documents is what Amazon's 5-per-5-minutes submission cap and its serial processing
 * turn into time. Messages arrive serialised (UTF-8 bytes), so sizes are exact and nothing is
 * stringified twice; documents are yielded one at a time so a caller can write each and let it go.
 */
export function* packDocuments(
  header: FeedHeader,
  plans: Iterable<PlannedMessage>,
  limits = { maxMessages: MAX_MESSAGES, maxBytes: MAX_DOCUMENT_BYTES },
): Generator<PackedDocument> {
  const prefix = Buffer.from(`{"header":${JSON.stringify(header)},"messages":[`);
  const suffix = Buffer.from(']}');
  const fixed = prefix.length + suffix.length;
  let packed: PackedMessage[] = [];
  let bytes = fixed;
  for (const plan of plans) {
    const single = fixed + plan.json.length + `"messageId":1,`.length;
    if (single > limits.maxBytes) throw new Error(`message for ${plan.sku} alone exceeds the document size limit`);
    let messageId = packed.length + 1;
    let size = `"messageId":${messageId},`.length + plan.json.length + (packed.length > 0 ? 1 : 0);
    if (packed.length >= limits.maxMessages || bytes + size > limits.maxBytes) {
      yield { messages: packed, content: assemble(prefix, suffix, packed, bytes) };
      packed = [];
      bytes = fixed;
      messageId = 1;
      size = `"messageId":1,`.length + plan.json.length;
    }
    packed.push({ plan, messageId });
    bytes += size;
  }
  if (packed.length > 0) yield { messages: packed, content: assemble(prefix, suffix, packed, bytes) };
}
