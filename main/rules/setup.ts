import type { Clock } from '../amazon/clock';
import { startPeriodicTask } from '../background/periodic-task';
import type { Services } from '../services';
import { evaluateAllRules } from './apply';

/** Rules follow catalog changes within this; the send engine also evaluates them before a cycle. */
export const EVALUATE_EVERY_MS = 10 * 60_000;
const SKEW_MS = 30_000;

export interface RulesSetupOptions {
  /** The evaluation (default: every rule of every account, on the app's database). */
  readonly evaluate?: () => void;
  readonly everyMs?: number;
  readonly random?: () => number;
  readonly clock?: Clock;
}

/**
 * Start-up work of the rules feature: evaluate now, then every few minutes until quit, so what
 * rules select (and the products that stop matching) follows imports and stock changes even
 * between send cycles.
 */
export function setupRules(services: Pick<Services, 'db' | 'onClose'>, options: RulesSetupOptions = {}): void {
  const evaluate = options.evaluate ?? (() => evaluateAllRules(services.db, Date.now()));
  startPeriodicTask(services, {
    name: 'rules/evaluate',
    everyMs: options.everyMs ?? EVALUATE_EVERY_MS,
    firstAfterMs: 0,
    skewMs: SKEW_MS,
    ...(options.random ? { random: options.random } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    run: evaluate,
  });
}
