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

/** `{"sku":…}` → `{"messageId":7,"sku":…}` without serialising the message again. */
function withMessageId(messageId: number, json: Buffer): Buffer[] {
  return [Buffer.from(`{"messageId":${messageId},`), json.subarray(1)];
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
  const comma = Buffer.from(',');
  const fixed = prefix.length + suffix.length;
  let parts: Buffer[] = [];
  let packed: PackedMessage[] = [];
  let bytes = fixed;
  for (const plan of plans) {
    const single = fixed + plan.json.length + `"messageId":1,`.length;
    if (single > limits.maxBytes) throw new Error(`message for ${plan.sku} alone exceeds the document size limit`);
    let messageId = packed.length + 1;
    let size = `"messageId":${messageId},`.length + plan.json.length + (packed.length > 0 ? 1 : 0);
    if (packed.length >= limits.maxMessages || bytes + size > limits.maxBytes) {
      yield { messages: packed, content: Buffer.concat([prefix, ...parts, suffix]) };
      parts = [];
      packed = [];
      bytes = fixed;
      messageId = 1;
      size = `"messageId":1,`.length + plan.json.length;
    }
    if (packed.length > 0) parts.push(comma);
    parts.push(...withMessageId(messageId, plan.json));
    packed.push({ plan, messageId });
    bytes += size;
  }
  if (packed.length > 0) yield { messages: packed, content: Buffer.concat([prefix, ...parts, suffix]) };
}
