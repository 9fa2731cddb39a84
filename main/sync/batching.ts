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
 * Packs messages as they come, into as few documents as the limits allow: the count of documents
 * is what Amazon's 5-per-5-minutes submission cap and its serial processing turn into time.
 * Messages arrive serialised (UTF-8 bytes), so sizes are exact and nothing is stringified twice.
 * `add` returns a document as soon as the next message would not fit in it.
 */
export class DocumentPacker {
  private readonly prefix: Buffer;
  private readonly suffix: Buffer;
  private readonly fixed: number;
  private packed: PackedMessage[] = [];
  private bytes: number;

  constructor(
    header: FeedHeader,
    private readonly limits = { maxMessages: MAX_MESSAGES, maxBytes: MAX_DOCUMENT_BYTES },
  ) {
    this.prefix = Buffer.from(`{"header":${JSON.stringify(header)},"messages":[`);
    this.suffix = Buffer.from(']}');
    this.fixed = this.prefix.length + this.suffix.length;
    this.bytes = this.fixed;
  }

  add(plan: PlannedMessage): PackedDocument | undefined {
    const single = this.fixed + plan.json.length + `"messageId":1,`.length;
    if (single > this.limits.maxBytes) throw new Error(`message for ${plan.sku} alone exceeds the document size limit`);
    const size = `"messageId":${this.packed.length + 1},`.length + plan.json.length + (this.packed.length > 0 ? 1 : 0);
    let full: PackedDocument | undefined;
    if (this.packed.length >= this.limits.maxMessages || this.bytes + size > this.limits.maxBytes) full = this.flush();
    const messageId = this.packed.length + 1;
    this.bytes += `"messageId":${messageId},`.length + plan.json.length + (this.packed.length > 0 ? 1 : 0);
    this.packed.push({ plan, messageId });
    return full;
  }

  /** The messages added since the last document, not yet in one. */
  pending(): PlannedMessage[] {
    return this.packed.map((m) => m.plan);
  }

  /** The messages added since the last document, as a document (undefined when there are none). */
  flush(): PackedDocument | undefined {
    if (this.packed.length === 0) return undefined;
    const doc = { messages: this.packed, content: assemble(this.prefix, this.suffix, this.packed, this.bytes) };
    this.packed = [];
    this.bytes = this.fixed;
    return doc;
  }
}

/** Packs messages, already in priority order; documents are yielded one at a time so a caller can write each and let it go. */
export function* packDocuments(
  header: FeedHeader,
  plans: Iterable<PlannedMessage>,
  limits = { maxMessages: MAX_MESSAGES, maxBytes: MAX_DOCUMENT_BYTES },
): Generator<PackedDocument> {
  const packer = new DocumentPacker(header, limits);
  for (const plan of plans) {
    const full = packer.add(plan);
    if (full) yield full;
  }
  const last = packer.flush();
  if (last) yield last;
}
