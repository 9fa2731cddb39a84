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
 * Packs messages, already in priority order, into as few documents as the limits allow: the
 * count of documents is what Amazon's 5-per-5-minutes submission cap and its serial processing
 * turn into time. Each message is serialised once; sizes are counted in UTF-8 bytes.
 */
export function packDocuments(header: FeedHeader, plans: readonly PlannedMessage[], limits = { maxMessages: MAX_MESSAGES, maxBytes: MAX_DOCUMENT_BYTES }): PackedDocument[] {
  const prefix = `{"header":${JSON.stringify(header)},"messages":[`;
  const suffix = ']}';
  const fixed = Buffer.byteLength(prefix) + Buffer.byteLength(suffix);
  const docs: PackedDocument[] = [];
  let parts: string[] = [];
  let packed: PackedMessage[] = [];
  let bytes = fixed;
  const flush = () => {
    if (packed.length === 0) return;
    docs.push({ messages: packed, content: Buffer.from(prefix + parts.join(',') + suffix, 'utf8') });
    parts = [];
    packed = [];
    bytes = fixed;
  };
  for (const plan of plans) {
    const messageId = packed.length + 1;
    const json = JSON.stringify({ messageId, ...plan.body });
    const size = Buffer.byteLength(json) + (parts.length > 0 ? 1 : 0);
    if (fixed + Buffer.byteLength(json) > limits.maxBytes) throw new Error(`message for ${plan.sku} alone exceeds the document size limit`);
    if (packed.length >= limits.maxMessages || bytes + size > limits.maxBytes) {
      flush();
      const again = JSON.stringify({ messageId: 1, ...plan.body });
      parts.push(again);
      packed.push({ plan, messageId: 1 });
      bytes += Buffer.byteLength(again);
      continue;
    }
    parts.push(json);
    packed.push({ plan, messageId });
    bytes += size;
  }
  flush();
  return docs;
}
