/** Where the bars and the sales line of the 30-day chart go, as plain numbers (tested without React). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room kept at the top so the tallest bar does not touch the edge. */
  readonly top: number;
}

export interface Bar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartGeometry {
  readonly bars: readonly Bar[];
  /** SVG `points` of the sales line, or null when there were no sales. */
  readonly line: string | null;
  readonly maxOrders: number;
  readonly maxSales: number;
}

/**
 * Orders as bars and sales as a line over the same days, each on its own scale (orders are
 * counts, sales are money): the tallest bar and the highest point both reach the top.
 */
export function chartGeometry(orders: readonly number[], sales: readonly number[] | null, box: ChartBox): ChartGeometry {
  const n = Math.max(orders.length, 1);
  const slot = box.width / n;
  const gap = Math.min(2, slot * 0.2);
  const usable = box.height - box.top;
  const maxOrders = Math.max(0, ...orders);
  const maxSales = sales ? Math.max(0, ...sales) : 0;
  const bars = orders.map((value, i) => {
    const h = maxOrders === 0 ? 0 : (value / maxOrders) * usable;
    return { x: i * slot + gap / 2, y: box.height - h, width: Math.max(slot - gap, 1), height: h };
  });
  const line =
    sales && maxSales > 0
      ? sales.map((value, i) => `${(i * slot + slot / 2).toFixed(1)},${(box.height - (value / maxSales) * usable).toFixed(1)}`).join(' ')
      : null;
  return { bars, line, maxOrders, maxSales };
}
