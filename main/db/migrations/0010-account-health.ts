import type { Migration } from './registry';

/**
 * Account health: a revoked authorization stops the account's work until the seller reconnects.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'account-health',
  up() {
    // Reserved: filled by the change that introduces this schema.
  },
};
