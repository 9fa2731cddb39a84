import type { SimStore } from './state';

const DAY = 24 * 3600_000;
/** Feeds (and their reports) are kept 90 days (REFERENCE.md §6). */
export const FEED_RETENTION_MS = 90 * DAY;
/** An uploaded feed document must be used by createFeed within 2 days. */
export const UNUSED_DOCUMENT_RETENTION_MS = 2 * DAY;

/**
 * Forgets what Amazon forgets, so the embedded simulator's state file does not grow without
 * bound while the app runs for months: old feeds with their documents, unused uploads, old reports.
 */
export function pruneExpired(store: SimStore, now: number): void {
  const { feeds, documents, reports } = store.data;
  let changed = false;
  const referenced = new Set<string>();
  for (const [id, feed] of Object.entries(feeds)) {
    if (feed.createdAt < now - FEED_RETENTION_MS) {
      delete feeds[id];
      changed = true;
      continue;
    }
    referenced.add(feed.inputFeedDocumentId);
    if (feed.resultFeedDocumentId) referenced.add(feed.resultFeedDocumentId);
  }
  for (const [id, report] of Object.entries(reports)) {
    if (report.createdAt < now - FEED_RETENTION_MS) {
      delete reports[id];
      changed = true;
    } else if (report.reportDocumentId) referenced.add(report.reportDocumentId);
  }
  for (const [id, doc] of Object.entries(documents)) {
    if (referenced.has(id)) continue;
    const unusedUpload = doc.kind === 'feed-input' && doc.createdAt < now - UNUSED_DOCUMENT_RETENTION_MS;
    const orphan = doc.kind !== 'feed-input';
    if (unusedUpload || orphan) {
      delete documents[id];
      changed = true;
    }
  }
  if (changed) store.markDirty();
}
