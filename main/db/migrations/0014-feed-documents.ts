import type { Migration } from './registry';

/**
 * A feed's document moves out of its `sync_feeds` row into `sync_feed_documents`. SQLite writes a
 * whole record again on every UPDATE, and a document is a megabyte or two deflated: each of a
 * feed's seven steps rewrote it, and every read of the open feeds walked its overflow pages. The
 * document is written once, read when it is uploaded, and shown by the activity and diff screens.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'feed-documents',
  up(db) {
    db.exec(`
      CREATE TABLE sync_feed_documents (
        feed_row_id INTEGER PRIMARY KEY REFERENCES sync_feeds(id) ON DELETE CASCADE,
        -- The document as sent, deflated raw.
        content     BLOB NOT NULL
      ) STRICT;
      INSERT INTO sync_feed_documents (feed_row_id, content) SELECT id, content FROM sync_feeds;
      ALTER TABLE sync_feeds DROP COLUMN content;
    `);
  },
};
