import type { Migration } from './registry';

/**
 * Amazon Brazil: how each order is fulfilled, its NF-e, its Easy Ship pickup, and the stock
 * Amazon holds (FBA).
 *
 * - `order_programs`: one row per order, written by the order import: self-ship, Easy Ship
 *   (Delivery by Amazon) or FBA, Amazon's `programs` verbatim, and Amazon's own word on the order's
 *   invoice (`tax.taxInvoicing.invoiceStatus`: NOT_REQUIRED, NOT_FOUND, PROCESSING, ERRORED, ACCEPTED).
 * - `nfe_documents`: every NF-e XML the seller imported that passed the checks, kept byte for byte
 *   (what is sent is the file as the ERP wrote it). The access key is unique: the same note imported
 *   twice is one row. `state` is the send pipeline's persisted step: `sending` is written before
 *   submitInvoice goes out, so a crash leaves a row that is reconciled with getInvoiceStatus and
 *   never sent blindly again.
 * - `easy_ship_packages`: the pickup of a Delivery by Amazon order (slot, package, label PDF);
 *   `scheduling` / `rescheduling` are written before the call, as above.
 * - `fba_inventory`: getInventorySummaries per account × marketplace × SKU, as last read.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'brazil',
  up(db) {
    db.exec(`
      CREATE TABLE order_programs (
        order_id        INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        program         TEXT NOT NULL CHECK (program IN ('self_ship', 'easy_ship', 'fba')),
        programs        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(programs)),
        invoice_status  TEXT,
        updated_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX order_programs_program ON order_programs(program);

      CREATE TABLE nfe_documents (
        id              INTEGER PRIMARY KEY,
        access_key      TEXT NOT NULL UNIQUE,
        number          TEXT NOT NULL,
        series          TEXT NOT NULL,
        issued_at       TEXT,
        emitter_cnpj    TEXT NOT NULL,
        emitter_name    TEXT,
        total_cents     INTEGER NOT NULL,
        protocol        TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        xml             BLOB NOT NULL,
        -- The order ids the file names (xPed, infCpl, infAdic), JSON array.
        mentions        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mentions)),
        order_id        INTEGER REFERENCES orders(id) ON DELETE SET NULL,
        matched_by      TEXT CHECK (matched_by IS NULL OR matched_by IN ('xPed', 'infCpl', 'infAdic', 'seller')),
        state           TEXT NOT NULL DEFAULT 'pending'
                          CHECK (state IN ('pending', 'sending', 'unknown', 'sent', 'accepted', 'rejected', 'replaced')),
        program_type    TEXT CHECK (program_type IS NULL OR program_type IN ('EasyShip', 'SelfShip')),
        -- Amazon's status of the order's invoice read just before sending (reconciles a crash).
        status_before   TEXT,
        amazon_status   TEXT,
        -- Amazon's errors, verbatim (JSON array of {code, message, details}).
        amazon_errors   TEXT CHECK (amazon_errors IS NULL OR json_valid(amazon_errors)),
        attempts        INTEGER NOT NULL DEFAULT 0,
        polls           INTEGER NOT NULL DEFAULT 0,
        next_poll_at    TEXT,
        sent_at         TEXT,
        imported_at     TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        CHECK (order_id IS NOT NULL OR state = 'pending')
      ) STRICT;
      CREATE INDEX nfe_documents_order ON nfe_documents(order_id);
      CREATE INDEX nfe_documents_poll ON nfe_documents(next_poll_at) WHERE state IN ('sent', 'sending', 'unknown');

      CREATE TABLE easy_ship_packages (
        order_id         INTEGER PRIMARY KEY REFERENCES orders(id) ON DELETE CASCADE,
        state            TEXT NOT NULL CHECK (state IN ('scheduling', 'scheduled', 'rescheduling', 'failed')),
        package_id       TEXT,
        slot_id          TEXT,
        slot_start       TEXT,
        slot_end         TEXT,
        handover_method  TEXT,
        package_status   TEXT,
        tracking_id      TEXT,
        weight_g         INTEGER NOT NULL CHECK (weight_g > 0),
        length_cm        REAL NOT NULL CHECK (length_cm > 0),
        width_cm         REAL NOT NULL CHECK (width_cm > 0),
        height_cm        REAL NOT NULL CHECK (height_cm > 0),
        label_pdf        BLOB,
        label_at         TEXT,
        error            TEXT CHECK (error IS NULL OR json_valid(error)),
        updated_at       TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fba_inventory (
        account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        marketplace_id  TEXT NOT NULL,
        sku             TEXT NOT NULL,
        asin            TEXT,
        fn_sku          TEXT,
        fulfillable     INTEGER NOT NULL DEFAULT 0,
        inbound         INTEGER NOT NULL DEFAULT 0,
        reserved        INTEGER NOT NULL DEFAULT 0,
        unfulfillable   INTEGER NOT NULL DEFAULT 0,
        total           INTEGER NOT NULL DEFAULT 0,
        amazon_updated  TEXT,
        read_at         TEXT NOT NULL,
        PRIMARY KEY (account_id, marketplace_id, sku)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX fba_inventory_sku ON fba_inventory(sku);
    `);
  },
};
