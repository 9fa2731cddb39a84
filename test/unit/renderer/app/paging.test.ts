import { describe, expect, it } from 'vitest';
import { pageStart } from '../../../../renderer/app/paging';

describe('pageStart', () => {
  it('is the first row of the page holding the offset', () => {
    expect([0, 19, 20, 45].map((offset) => pageStart(offset, 100, 20))).toEqual([0, 0, 20, 40]);
  });

  it('lands on the first or the last page past either end, and on 0 for an empty list', () => {
    expect([pageStart(-20, 100, 20), pageStart(100, 100, 20), pageStart(500, 101, 20), pageStart(40, 0, 20)]).toEqual([0, 80, 100, 0]);
  });
});
