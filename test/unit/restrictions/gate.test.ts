import { describe, expect, it } from 'vitest';
import { CHECKED_CONDITION } from '../../../main/db/tables/listing-restrictions';
import { DEFAULT_CONDITION } from '../../../main/listings/builder';
import { restrictionSkip } from '../../../main/restrictions/gate';

describe('restrictionSkip', () => {
  it('holds back a restricted ASIN and one still waiting for Amazon; lets the others be built', () => {
    expect(restrictionSkip('restricted')).toBe('restricted');
    expect(restrictionSkip('pending')).toBe('restriction_pending');
    expect(restrictionSkip('allowed')).toBeNull();
    expect(restrictionSkip('unverified')).toBeNull();
    expect(restrictionSkip(null)).toBeNull();
  });

  it('asks about the condition every listing is sent in', () => {
    expect(CHECKED_CONDITION).toBe(DEFAULT_CONDITION);
  });
});
