import type { Db } from '../connection';

export type ShipmentState = 'sending' | 'unknown' | 'confirmed' | 'failed';

export interface ShipmentRow {
  readonly id: number;
  readonly orderRowId: number;
  readonly packageReferenceId: string;
  readonly carrierCode: string;
  readonly carrierName: string | null;
  readonly shippingMethod: string | null;
  readonly trackingNumber: string;
  readonly shipDate: string;
  readonly state: ShipmentState;
  readonly attempts: number;
  readonly error: string | null;
}

const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ','now')`;
const COLUMNS = `id, order_id AS orderRowId, package_reference_id AS packageReferenceId, carrier_code AS carrierCode, carrier_name AS carrierName,
  shipping_method AS shippingMethod, tracking_number AS trackingNumber, ship_date AS shipDate, state, attempts, error`;

/**
 * Records a confirmation about to be sent, before it is sent: if the app dies mid-call the row
 * says "sending", and the next attempt reconciles with Amazon instead of confirming blindly.
 * The package reference is the row id (Amazon wants a positive numeric string, unique per order).
 */
export function createShipment(db: Db, input: Omit<ShipmentRow, 'id' | 'packageReferenceId' | 'state' | 'attempts' | 'error'>): ShipmentRow {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO order_shipments (order_id, package_reference_id, carrier_code, carrier_name, shipping_method, tracking_number, ship_date, state, attempts, created_at, updated_at)
           VALUES (@orderRowId, '0', @carrierCode, @carrierName, @shippingMethod, @trackingNumber, @shipDate, 'sending', 1, ${NOW}, ${NOW})`,
        )
        .run(input).lastInsertRowid,
    );
    db.prepare('UPDATE order_shipments SET package_reference_id = ? WHERE id = ?').run(String(id), id);
    return getShipment(db, id) as ShipmentRow;
  })();
}

export function getShipment(db: Db, id: number): ShipmentRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM order_shipments WHERE id = ?`).get(id) as ShipmentRow | undefined;
}

/** The shipment whose outcome is not known yet (sending / unknown), if any. */
export function openShipment(db: Db, orderRowId: number): ShipmentRow | undefined {
  return db
    .prepare(`SELECT ${COLUMNS} FROM order_shipments WHERE order_id = ? AND state IN ('sending', 'unknown') ORDER BY id DESC LIMIT 1`)
    .get(orderRowId) as ShipmentRow | undefined;
}

export function setShipmentState(db: Db, id: number, state: ShipmentState, error: unknown = null, retry = false): void {
  db.prepare(`UPDATE order_shipments SET state = ?, error = ?, attempts = attempts + ?, updated_at = ${NOW} WHERE id = ?`).run(
    state,
    error === null ? null : JSON.stringify(error),
    retry ? 1 : 0,
    id,
  );
}

/** Attempts whose outcome is still open, with the status their order has now. */
export function listOpenShipments(db: Db): { readonly id: number; readonly orderRowId: number; readonly orderStatus: string }[] {
  return db
    .prepare(
      `SELECT s.id, s.order_id AS orderRowId, o.status AS orderStatus FROM order_shipments s JOIN orders o ON o.id = s.order_id WHERE s.state IN ('sending', 'unknown')`,
    )
    .all() as { id: number; orderRowId: number; orderStatus: string }[];
}
