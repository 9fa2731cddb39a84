import type { Migration } from './registry';

/**
 * What was last sent per SKU, kept after its report so the preview can diff against it. The
 * feed documents themselves stay in `sync_feeds.content` (deflated); each SKU row points at the
 * messages that make up what Amazon was last sent for it: the last full document (UPDATE), then
 * the last PARTIAL_UPDATE and the last offer PATCH sent after it, applied in feed order. Six
 * integers per SKU, so 100k SKUs cost a few megabytes, not a copy of every listing. A feed that
 * these columns point at must be kept as long as they do.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'sent-documents',
  up(db) {
    db.exec(`
      ALTER TABLE sync_listings ADD COLUMN base_feed_row_id INTEGER;
      ALTER TABLE sync_listings ADD COLUMN base_message_id INTEGER;
      ALTER TABLE sync_listings ADD COLUMN partial_feed_row_id INTEGER;
      ALTER TABLE sync_listings ADD COLUMN partial_message_id INTEGER;
      ALTER TABLE sync_listings ADD COLUMN patch_feed_row_id INTEGER;
      ALTER TABLE sync_listings ADD COLUMN patch_message_id INTEGER;
      UPDATE sync_listings SET base_feed_row_id = feed_row_id, base_message_id = message_id
        WHERE feed_row_id IS NOT NULL AND operation = 'UPDATE';
      UPDATE sync_listings SET patch_feed_row_id = feed_row_id, patch_message_id = message_id
        WHERE feed_row_id IS NOT NULL AND operation = 'PATCH';
    `);
  },
};
