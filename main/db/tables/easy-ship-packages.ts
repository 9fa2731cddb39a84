import type { Db } from '../connection';

export type PickupState = 'scheduling' | 'scheduled' | 'rescheduling' | 'failed';

export interface PickupRow {
  readonly orderRowId: number;
  readonly state: PickupState;
  readonly packageId: string | null;
  readonly slotId: string | null;
  readonly slotStart: string | null;
  readonly slotEnd: string | null;
  readonly handoverMethod: string | null;
  readonly packageStatus: string | null;
  readonly trackingId: string | null;
  readonly weightG: number;
  readonly lengthCm: number;
  readonly widthCm: number;
  readonly heightCm: number;
  readonly hasLabel: number;
  readonly labelAt: string | null;
  readonly error: string | null;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
const COLUMNS = `order_id AS orderRowId, state, package_id AS packageId, slot_id AS slotId, slot_start AS slotStart, slot_end AS slotEnd,
  handover_method AS handoverMethod, package_status AS packageStatus, tracking_id AS trackingId, weight_g AS weightG, length_cm AS lengthCm,
  width_cm AS widthCm, height_cm AS heightCm, label_pdf IS NOT NULL AS hasLabel, label_at AS labelAt, error`;

export function getPickup(db: Db, orderRowId: number): PickupRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM easy_ship_packages WHERE order_id = ?`).get(orderRowId) as PickupRow | undefined;
}

export interface SlotFields {
  readonly slotId: string;
  readonly slotStart: string | null;
  readonly slotEnd: string | null;
  readonly handoverMethod: string | null;
}

/** Written before createScheduledPackageBulk goes out (the persisted step of a pickup). */
export function startScheduling(
  db: Db,
  orderRowId: number,
  slot: SlotFields,
  size: { weightG: number; lengthCm: number; widthCm: number; heightCm: number },
): void {
  db.prepare(
    `INSERT INTO easy_ship_packages (order_id, state, slot_id, slot_start, slot_end, handover_method, weight_g, length_cm, width_cm, height_cm, updated_at)
     VALUES (@orderRowId, 'scheduling', @slotId, @slotStart, @slotEnd, @handoverMethod, @weightG, @lengthCm, @widthCm, @heightCm, ${NOW})
     ON CONFLICT (order_id) DO UPDATE SET state = 'scheduling', slot_id = excluded.slot_id, slot_start = excluded.slot_start, slot_end = excluded.slot_end,
       handover_method = excluded.handover_method, weight_g = excluded.weight_g, length_cm = excluded.length_cm, width_cm = excluded.width_cm,
       height_cm = excluded.height_cm, error = NULL, updated_at = excluded.updated_at`,
  ).run({ orderRowId, ...slot, ...size });
}

export function markRescheduling(db: Db, orderRowId: number): void {
  db.prepare(`UPDATE easy_ship_packages SET state = 'rescheduling', error = NULL, updated_at = ${NOW} WHERE order_id = ?`).run(orderRowId);
}

/** Amazon's package as it answered (scheduled, rescheduled or read back). */
export function savePackage(
  db: Db,
  orderRowId: number,
  pkg: SlotFields & { packageId: string | null; packageStatus: string | null; trackingId: string | null },
): void {
  db.prepare(
    `UPDATE easy_ship_packages SET state = 'scheduled', package_id = COALESCE(@packageId, package_id), slot_id = @slotId, slot_start = @slotStart,
       slot_end = @slotEnd, handover_method = @handoverMethod, package_status = @packageStatus, tracking_id = COALESCE(@trackingId, tracking_id),
       error = NULL, updated_at = ${NOW}
     WHERE order_id = @orderRowId`,
  ).run({ orderRowId, ...pkg });
}

export function failPickup(db: Db, orderRowId: number, state: PickupState, error: unknown): void {
  db.prepare(`UPDATE easy_ship_packages SET state = ?, error = ?, updated_at = ${NOW} WHERE order_id = ?`).run(state, JSON.stringify(error), orderRowId);
}

/** Forgets a pickup Amazon never made (a refused scheduling), so the seller can pick a slot again. */
export function deletePickup(db: Db, orderRowId: number): void {
  db.prepare(`DELETE FROM easy_ship_packages WHERE order_id = ? AND state IN ('scheduling', 'failed')`).run(orderRowId);
}

export function saveLabel(db: Db, orderRowId: number, pdf: Buffer): void {
  db.prepare(`UPDATE easy_ship_packages SET label_pdf = ?, label_at = ${NOW} WHERE order_id = ?`).run(pdf, orderRowId);
}

export function labelOf(db: Db, orderRowId: number): Buffer | undefined {
  return (db.prepare('SELECT label_pdf FROM easy_ship_packages WHERE order_id = ?').pluck().get(orderRowId) as Buffer | null | undefined) ?? undefined;
}

/** Packages caught mid-call by a crash (reconciled with getScheduledPackage). */
export function pickupsInFlight(db: Db): { orderRowId: number; state: PickupState }[] {
  return db.prepare(`SELECT order_id AS orderRowId, state FROM easy_ship_packages WHERE state IN ('scheduling', 'rescheduling')`).all() as {
    orderRowId: number;
    state: PickupState;
  }[];
}

/** Catalog sizes of an order's items (grams, millimetres), for the package. */
export function orderItemSizes(
  db: Db,
  orderRowId: number,
): { sku: string | null; quantity: number; weightG: number | null; lengthMm: number | null; widthMm: number | null; heightMm: number | null }[] {
  return db
    .prepare(
      `SELECT i.seller_sku AS sku, i.quantity, s.weight_g AS weightG, s.length_mm AS lengthMm, s.width_mm AS widthMm, s.height_mm AS heightMm
       FROM order_items i LEFT JOIN skus s ON s.sku = i.seller_sku WHERE i.order_id = ? ORDER BY i.id`,
    )
    .all(orderRowId) as {
    sku: string | null;
    quantity: number;
    weightG: number | null;
    lengthMm: number | null;
    widthMm: number | null;
    heightMm: number | null;
  }[];
}
