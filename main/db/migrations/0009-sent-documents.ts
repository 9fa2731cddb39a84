import type { Migration } from './registry';

/**
 * What was last sent per SKU, kept after its report so the preview can diff against it.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'sent-documents',
  up() {
    // Reserved: filled by the change that introduces this schema.
  },
};
