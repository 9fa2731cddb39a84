import type { Db } from '../connection';

/** How an order is fulfilled: the seller ships it, Amazon picks it up (Easy Ship / DBA), or Amazon ships its own stock (FBA). */
export type FulfillmentProgram = 'self_ship' | 'easy_ship' | 'fba';

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;

/** Prepared upsert of an order's program and Amazon's invoice status (once per import page). */
export function prepareOrderProgramUpsert(
  db: Db,
): (orderRowId: number, program: FulfillmentProgram, programs: readonly string[], invoiceStatus: string | null) => void {
  const upsert = db.prepare(
    `INSERT INTO order_programs (order_id, program, programs, invoice_status, updated_at) VALUES (?, ?, ?, ?, ${NOW})
     ON CONFLICT (order_id) DO UPDATE SET program = excluded.program, programs = excluded.programs,
       invoice_status = COALESCE(excluded.invoice_status, invoice_status), updated_at = excluded.updated_at`,
  );
  return (orderRowId, program, programs, invoiceStatus) => void upsert.run(orderRowId, program, JSON.stringify(programs), invoiceStatus);
}

export interface OrderProgramRow {
  readonly program: FulfillmentProgram;
  readonly programs: readonly string[];
  readonly invoiceStatus: string | null;
}

export function getOrderProgram(db: Db, orderRowId: number): OrderProgramRow | undefined {
  const row = db.prepare('SELECT program, programs, invoice_status AS invoiceStatus FROM order_programs WHERE order_id = ?').get(orderRowId) as
    { program: FulfillmentProgram; programs: string; invoiceStatus: string | null } | undefined;
  return row ? { ...row, programs: JSON.parse(row.programs) as string[] } : undefined;
}

/** SQL condition on `o` (orders) for one program; an order imported before programs were known is self-ship unless FBA. */
export function programCondition(param: string): string {
  return `COALESCE((SELECT p.program FROM order_programs p WHERE p.order_id = o.id), CASE WHEN o.fulfilled_by = 'AMAZON' THEN 'fba' ELSE 'self_ship' END) = ${param}`;
}

/** What the order list shows per order: program, the latest NF-e's state and number, the pickup. */
export interface OrderBrazilFacts {
  readonly orderRowId: number;
  readonly program: FulfillmentProgram;
  readonly invoiceStatus: string | null;
  readonly nfeState: string | null;
  readonly nfeNumber: string | null;
  readonly nfeAccessKey: string | null;
  readonly pickupState: string | null;
  readonly pickupStart: string | null;
}

export function orderBrazilFacts(db: Db, orderRowIds: readonly number[]): Map<number, OrderBrazilFacts> {
  const rows = db
    .prepare(
      `SELECT o.id AS orderRowId,
         COALESCE(p.program, CASE WHEN o.fulfilled_by = 'AMAZON' THEN 'fba' ELSE 'self_ship' END) AS program,
         p.invoice_status AS invoiceStatus, n.state AS nfeState, n.number AS nfeNumber, n.access_key AS nfeAccessKey,
         e.state AS pickupState, e.slot_start AS pickupStart
       FROM orders o
       LEFT JOIN order_programs p ON p.order_id = o.id
       LEFT JOIN nfe_documents n ON n.id = (SELECT MAX(z.id) FROM nfe_documents z WHERE z.order_id = o.id AND z.state <> 'replaced')
       LEFT JOIN easy_ship_packages e ON e.order_id = o.id
       WHERE o.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(orderRowIds)) as OrderBrazilFacts[];
  return new Map(rows.map((r) => [r.orderRowId, r]));
}
