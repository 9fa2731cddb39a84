import { describe, expect, it } from 'vitest';
import { packDocuments, type FeedHeader } from '../../../main/sync/batching';
import { PRIORITY, type PlannedMessage } from '../../../main/sync/delta';

const header: FeedHeader = { sellerId: 'S', version: '2.0' };

function plan(sku: string, padding = 0): PlannedMessage {
  return {
    kind: 'send',
    sku,
    stamp: null,
    priority: PRIORITY.new,
    productType: 'HOME',
    reason: null,
    operation: 'UPDATE',
    json: Buffer.from(
      JSON.stringify({ sku, operationType: 'UPDATE', productType: 'HOME', attributes: { item_name: [{ value: 'x'.repeat(padding), marketplace_id: 'M' }] } }),
    ),
  };
}

describe('packDocuments', () => {
  it('splits at the message limit and numbers messages from 1 in each document', () => {
    const docs = [
      ...packDocuments(
        header,
        ['a', 'b', 'c', 'd', 'e'].map((s) => plan(s)),
        { maxMessages: 2, maxBytes: 1_000_000 },
      ),
    ];

    expect(docs.map((d) => d.messages.map((m) => [m.plan.sku, m.messageId]))).toEqual([
      [
        ['a', 1],
        ['b', 2],
      ],
      [
        ['c', 1],
        ['d', 2],
      ],
      [['e', 1]],
    ]);
  });

  it('keeps every document under the byte limit and as full as it can be', () => {
    const limit = 2_000;
    const docs = [
      ...packDocuments(
        header,
        Array.from({ length: 20 }, (_, i) => plan(`SKU${i}`, 300)),
        { maxMessages: 25_000, maxBytes: limit },
      ),
    ];

    for (const d of docs) expect(d.content.length).toBeLessThanOrEqual(limit);
    const [first, second] = docs;
    const oneMore = (first?.content.length ?? 0) + (second?.content.length ?? 0) - JSON.stringify({ header, messages: [] }).length;
    expect(oneMore).toBeGreaterThan(limit);
    expect(docs.flatMap((d) => d.messages.map((m) => m.plan.sku))).toHaveLength(20);
  });

  it('writes valid JSON documents whose messages match the plans', () => {
    const [doc] = [...packDocuments(header, [plan('a'), plan('b')])];

    const parsed = JSON.parse(doc?.content.toString('utf8') ?? '') as { header: unknown; messages: { messageId: number; sku: string }[] };
    expect(parsed.header).toEqual(header);
    expect(parsed.messages.map((m) => [m.messageId, m.sku])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });
});
