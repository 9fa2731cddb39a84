import { createLogger } from '../log/logger';
import type { Services } from '../services';
import { evaluateAllRules } from './service';

const logger = createLogger('rules/setup');

/** Rules follow catalog changes within this; the send engine also evaluates them before a cycle. */
export const EVALUATE_EVERY_MS = 10 * 60_000;
const SKEW_MS = 30_000;

export interface RulesLoopOptions {
  readonly evaluate: () => void;
  readonly everyMs?: number;
  readonly random?: () => number;
}

/**
 * Re-evaluates listing rules periodically, so what they select (and the products that stop
 * matching) follows imports and stock changes even between send cycles. A chained setTimeout
 * with a stop flag and a little skew (STYLE.md "Background work"); a failed run is logged and
 * the loop goes on.
 */
export function startRulesLoop(options: RulesLoopOptions): () => void {
  const every = options.everyMs ?? EVALUATE_EVERY_MS;
  const random = options.random ?? Math.random;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    if (stopped) return;
    try {
      options.evaluate();
    } catch (err) {
      logger.error('listing rules evaluation failed', err);
    }
    if (stopped) return;
    timer = setTimeout(tick, every + Math.round(random() * SKEW_MS));
    timer.unref?.();
  };
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Start-up work of the rules feature: evaluate now, then every few minutes until quit. */
export function setupRules(services: Services): void {
  const stop = startRulesLoop({ evaluate: () => evaluateAllRules(services.db, Date.now()) });
  services.onClose(stop);
}
