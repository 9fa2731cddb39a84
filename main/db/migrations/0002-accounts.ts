import type { Migration } from './registry';

export const migration0002: Migration = {
  version: 2,
  name: 'accounts',
  up() {
    // Reserved slot: filled by the accounts feature.
  },
};
