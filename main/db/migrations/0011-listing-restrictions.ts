import type { Migration } from './registry';

/**
 * Cached listing restrictions (getListingsRestrictions) per ASIN × condition × marketplace.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'listing-restrictions',
  up() {
    // Reserved: filled by the change that introduces this schema.
  },
};
