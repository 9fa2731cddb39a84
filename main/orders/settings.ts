import type { Db } from '../db/connection';
import { getSetting, setSetting } from '../db/tables/settings';

export interface OrderSettings {
  /** Pending orders hold their units, as Brazilian marketplaces do. */
  readonly reserveOnPending: boolean;
  /** An item whose price differs from the expected one by more than this percentage flags its order. */
  readonly priceTolerancePercent: number;
}

export const DEFAULT_ORDER_SETTINGS: OrderSettings = { reserveOnPending: true, priceTolerancePercent: 5 };

const KEYS = { reserveOnPending: 'orders.reserveOnPending', priceTolerancePercent: 'orders.priceTolerancePercent' } as const;

export function readOrderSettings(db: Db): OrderSettings {
  const reserve = getSetting(db, KEYS.reserveOnPending);
  const raw = getSetting(db, KEYS.priceTolerancePercent);
  const tolerance = raw === undefined || raw.trim() === '' ? Number.NaN : Number(raw);
  return {
    reserveOnPending: reserve === undefined ? DEFAULT_ORDER_SETTINGS.reserveOnPending : reserve === '1',
    priceTolerancePercent: Number.isFinite(tolerance) && tolerance >= 0 ? tolerance : DEFAULT_ORDER_SETTINGS.priceTolerancePercent,
  };
}

export function saveOrderSettings(db: Db, settings: Partial<OrderSettings>): OrderSettings {
  if (settings.reserveOnPending !== undefined) setSetting(db, KEYS.reserveOnPending, settings.reserveOnPending ? '1' : '0');
  if (settings.priceTolerancePercent !== undefined) setSetting(db, KEYS.priceTolerancePercent, String(settings.priceTolerancePercent));
  return readOrderSettings(db);
}
