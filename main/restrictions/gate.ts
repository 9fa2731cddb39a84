import type { RestrictionState } from '../db/tables/listing-restrictions';

/** Why a new offer is held back by its listing restriction (i18n keys under `sync.reasons`). */
export type RestrictionSkip = 'restricted' | 'restriction_pending';

/**
 * The send engine's reading of a new offer's cached answer (main/sync/catalog-source.ts): Amazon
 * requires an approval or refuses the product (`restricted`), or the answer is not in yet
 * (`restriction_pending`, "verificando na Amazon"). Allowed, unverified after the bound, or never
 * asked (a run that did not check, such as a bare `runCycle`) are built as usual.
 */
export function restrictionSkip(state: RestrictionState | null): RestrictionSkip | null {
  switch (state) {
    case 'restricted':
      return 'restricted';
    case 'pending':
      return 'restriction_pending';
    case 'allowed':
    case 'unverified':
    case null:
      return null;
  }
}
