import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../../../renderer/ui/tabs';

const tabs = [
  { id: 'a', label: 'A' },
  { id: 'b', label: 'B' },
  { id: 'c', label: 'C' },
] as const;

describe('tabAfterKey (WAI-ARIA tabs keyboard)', () => {
  it('moves right and left with wrap-around, Home and End to the ends', () => {
    expect(tabAfterKey(tabs, 'a', 'ArrowRight')).toBe('b');
    expect(tabAfterKey(tabs, 'c', 'ArrowRight')).toBe('a');
    expect(tabAfterKey(tabs, 'a', 'ArrowLeft')).toBe('c');
    expect(tabAfterKey(tabs, 'b', 'Home')).toBe('a');
    expect(tabAfterKey(tabs, 'a', 'End')).toBe('c');
  });

  it('leaves every other key to the page', () => {
    expect(tabAfterKey(tabs, 'a', 'Tab')).toBeUndefined();
    expect(tabAfterKey(tabs, 'a', 'Enter')).toBeUndefined();
  });
});
