import { describe, expect, it } from 'vitest';
import { restrictionsErrorShape } from '../../../main/amazon/simulator/restrictions';

describe('restrictionsErrorShape', () => {
  const wrapped = { status: 429, body: { errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] } };

  it('unwraps the shared error answers into the bare list the Listings Restrictions model declares', () => {
    expect(restrictionsErrorShape('getListingsRestrictions', wrapped)).toEqual({ status: 429, body: wrapped.body.errors });
  });

  it('leaves other operations, successes and bodies already bare alone', () => {
    expect(restrictionsErrorShape('getListingsItem', wrapped)).toBe(wrapped);
    const ok = { status: 200, body: { restrictions: [] } };
    expect(restrictionsErrorShape('getListingsRestrictions', ok)).toBe(ok);
    const bare = { status: 400, body: [{ code: 'BAD_REQUEST', message: "Invalid 'asin' provided." }] };
    expect(restrictionsErrorShape('getListingsRestrictions', bare)).toBe(bare);
  });
});
