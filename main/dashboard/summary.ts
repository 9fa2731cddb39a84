import type { Db } from '../db/connection';
import { readDashboardCounters, readOrdersByDay, readSendTimes } from '../db/tables/dashboard';

/** Início's counters, last and next send, and the last 30 days of orders (contract arrays are mutable). */
export function dashboardSummary(db: Db, now: number) {
  const ordersByDay = readOrdersByDay(db, now);
  return {
    ...readDashboardCounters(db),
    ...readSendTimes(db),
    ordersByDay: {
      days: [...ordersByDay.days],
      orders: [...ordersByDay.orders],
      sales: ordersByDay.sales.map((s) => ({ currency: s.currency, cents: [...s.cents] })),
    },
  };
}
