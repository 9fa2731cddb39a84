import type { Migration } from './registry';
import { migration0001 } from './0001-settings';
import { migration0002 } from './0002-accounts';
import { migration0003 } from './0003-catalog';
import { migration0004 } from './0004-orders';
import { migration0005 } from './0005-mapping';
import { migration0006 } from './0006-sync';
import { migration0007 } from './0007-linking-rules';
import { migration0008 } from './0008-sku-content';
import { migration0009 } from './0009-sent-documents';
import { migration0010 } from './0010-account-health';
import { migration0011 } from './0011-listing-restrictions';
import { migration0012 } from './0012-catalog-matches';
import { migration0013 } from './0013-brazil';
import { migration0014 } from './0014-feed-documents';

/** Every schema change is a numbered file added to the END of this list. Never edit a shipped one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];
