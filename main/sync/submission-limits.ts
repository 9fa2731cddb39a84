/**
 * When the next JSON_LISTINGS_FEED may be submitted, from the account's own submission history
 * (persisted, so a restart does not forget a burst and run into 429s). Two limits apply per
 * region: createFeed's usage plan (token bucket, 0.0083/s, burst 15) and the feed type's cap of
 * 5 submissions in any 5 minutes (REFERENCE §4, §6).
 */
export const WINDOW_MS = 5 * 60_000;
export const WINDOW_MAX = 5;
/** Our clock and Amazon's disagree a little; arriving a hair early costs a 429 and a back-off. */
export const SAFETY_MS = 2_000;
export const CREATE_FEED_RATE_PER_MS = 0.0083 / 1000;
export const CREATE_FEED_BURST = 15;
/** Long enough for the bucket to have refilled from empty. */
export const HISTORY_MS = Math.ceil(CREATE_FEED_BURST / CREATE_FEED_RATE_PER_MS);

export function nextSubmissionAt(history: readonly number[], now: number): number {
  const sorted = [...history].sort((a, b) => a - b);
  // Sliding window: the WINDOW_MAX-th most recent submission must have left the window.
  let at = now;
  if (sorted.length >= WINDOW_MAX) {
    const fifthLatest = sorted[sorted.length - WINDOW_MAX] ?? 0;
    at = Math.max(at, fifthLatest + WINDOW_MS + SAFETY_MS);
  }
  // Token bucket, assumed full before the first remembered submission.
  let tokens = CREATE_FEED_BURST;
  let last = sorted[0] ?? now;
  for (const t of sorted) {
    tokens = Math.min(CREATE_FEED_BURST, tokens + (t - last) * CREATE_FEED_RATE_PER_MS) - 1;
    last = t;
  }
  const tokensAt = (t: number) => Math.min(CREATE_FEED_BURST, tokens + (t - last) * CREATE_FEED_RATE_PER_MS);
  if (tokensAt(at) < 1) at = Math.max(at, last + Math.ceil((1 - tokens) / CREATE_FEED_RATE_PER_MS) + SAFETY_MS);
  return at;
}
