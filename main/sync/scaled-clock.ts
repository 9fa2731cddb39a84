import type { Clock } from '../amazon/clock';

/**
 * Real time sped up `scale` times around a shared anchor, so two processes (the CLI under test and
 * a simulator in the test runner) agree on "now" while Amazon's minutes pass in milliseconds.
 * Only for tests: the CLI builds it from VITRINE_CLOCK_SCALE / VITRINE_CLOCK_ANCHOR.
 */
export function scaledClock(scale: number, anchor: number): Clock {
  return {
    now: () => anchor + (Date.now() - anchor) * scale,
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const timer = setTimeout(resolve, Math.max(0, ms / scale));
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
      }),
  };
}

export function clockFromEnv(env: NodeJS.ProcessEnv): Clock | undefined {
  const scale = Number(env.VITRINE_CLOCK_SCALE);
  const anchor = Number(env.VITRINE_CLOCK_ANCHOR);
  return Number.isFinite(scale) && scale > 0 && Number.isFinite(anchor) ? scaledClock(scale, anchor) : undefined;
}
