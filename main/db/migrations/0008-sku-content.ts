import type { Migration } from './registry';

/**
 * Per-SKU content (title, description, characteristics) for variation families.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'sku-content',
  up() {
    // Reserved: filled by the change that introduces this schema.
  },
};
