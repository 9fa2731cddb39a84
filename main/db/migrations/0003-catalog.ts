import type { Migration } from './registry';

export const migration0003: Migration = {
  version: 3,
  name: 'catalog',
  up() {
    // Reserved slot: filled by the catalog feature.
  },
};
