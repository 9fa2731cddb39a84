import type { Migration } from './registry';

/**
 * Per-SKU content for variation families. The product keeps the family's title, description,
 * images and characteristics (the parent row's, or the first row's when a file has no parent
 * row); a SKU stores its own only where it differs, NULL (or no row) meaning "same as the
 * product". Readers take `COALESCE(s.title, p.title)` and the product's characteristics with the
 * SKU's laid over them, so one SKU's words can never overwrite its siblings'.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sku-content',
  up(db) {
    db.exec(`
      ALTER TABLE skus ADD COLUMN title TEXT;
      ALTER TABLE skus ADD COLUMN description TEXT;
      ALTER TABLE skus ADD COLUMN image_urls TEXT CHECK (image_urls IS NULL OR json_valid(image_urls));

      CREATE TABLE sku_characteristics (
        sku_id            INTEGER NOT NULL REFERENCES skus(id) ON DELETE CASCADE,
        characteristic_id INTEGER NOT NULL REFERENCES characteristics(id) ON DELETE CASCADE,
        value             TEXT NOT NULL,
        PRIMARY KEY (sku_id, characteristic_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sku_characteristics_characteristic ON sku_characteristics(characteristic_id);
    `);
  },
};
