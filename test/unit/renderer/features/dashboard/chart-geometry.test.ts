import { describe, expect, it } from 'vitest';
import { chartGeometry } from '../../../../../renderer/features/dashboard/chart-geometry';

const box = { width: 300, height: 110, top: 10 };

describe('chartGeometry', () => {
  it('scales bars to the busiest day and the line to the best sales day, independently', () => {
    const g = chartGeometry([0, 2, 4], [1000, 0, 500], box);

    expect(g.bars.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(g.bars.every((b) => b.y + b.height === 110)).toBe(true);
    expect(g.line).toBe('50.0,10.0 150.0,110.0 250.0,60.0');
  });

  it('draws flat bars and no line for a month without orders', () => {
    const g = chartGeometry([0, 0], [0, 0], box);

    expect(g.bars.map((b) => b.height)).toEqual([0, 0]);
    expect(g.line).toBeNull();
  });
});
