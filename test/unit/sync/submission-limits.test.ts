import { describe, expect, it } from 'vitest';
import { nextSubmissionAt, SAFETY_MS, WINDOW_MS } from '../../../main/sync/submission-limits';

describe('nextSubmissionAt', () => {
  it('allows five submissions at once, then waits for the first to leave the 5-minute window', () => {
    const t = 1_000_000;
    expect(nextSubmissionAt([t, t, t, t], t)).toBe(t);

    expect(nextSubmissionAt([t, t, t, t, t], t)).toBe(t + WINDOW_MS + SAFETY_MS);
  });

  it('after 15 submissions follows createFeed’s refill rate (about one per two minutes)', () => {
    const history = [0, 0, 0, 0, 0, 302_000, 302_000, 302_000, 302_000, 302_000, 604_000, 604_000, 604_000, 604_000, 604_000].map((x) => x + 1_000_000);
    const last = 1_604_000;

    const next = nextSubmissionAt(history, last);

    // Window allows 906 000; the bucket had refilled ~5 tokens over 604 s and spent 15, so it is short.
    expect(next).toBeGreaterThan(last + WINDOW_MS);
    expect(next - last).toBeLessThan(15 * 60_000);
  });
});
