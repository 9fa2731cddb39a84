/**
 * Cooperative scheduling for the core's long work. The core is one thread: while a loop runs, a
 * call from the window (the send counters, a page of products) waits for it. Long work therefore
 * runs in time slices: it checks its slice as it goes and, once the slice is spent, gives the event
 * loop one turn (`setImmediate`, after pending I/O, so a message that arrived meanwhile is answered
 * first) before it goes on. A slice is measured on the wall clock, so a loop that lost the CPU to
 * another program still lets the window in on time.
 *
 * Usage, in any loop that may run long:
 *
 *     const slice = timeSlice();
 *     for (const row of rows) {
 *       work(row);
 *       if (slice.spent()) await slice.next();
 *     }
 *
 * A loop that yields lets other code run between its steps, including writers: whatever it reads
 * across a yield must stay right if the database changes in between (read in pages by key, never
 * through a statement left open across the yield).
 */

/** A slice short enough that a light query waits at most about this long behind long work. */
export const SLICE_MS = 20;

/** One turn of the event loop: pending I/O (the host's messages) and timers run first. */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

export interface TimeSlice {
  /** True once this slice has run for its budget. Cheap enough to ask on every iteration. */
  spent(): boolean;
  /** Gives the event loop a turn and starts a new slice. */
  next(): Promise<void>;
  /** `next()` when the slice is spent; otherwise resolves at once (one microtask). */
  pause(): Promise<void>;
}

export function timeSlice(budgetMs: number = SLICE_MS): TimeSlice {
  let started = performance.now();
  const slice: TimeSlice = {
    spent: () => performance.now() - started >= budgetMs,
    next: async () => {
      await nextTurn();
      started = performance.now();
    },
    pause: () => (slice.spent() ? slice.next() : Promise.resolve()),
  };
  return slice;
}

/**
 * The items of `source`, pausing between them whenever the slice is spent. For a synchronous
 * generator whose steps are each short (a SKU built, a row written); the generator must not keep
 * a database statement open across its yields.
 */
export async function* sliced<T>(source: Iterable<T>, slice: TimeSlice = timeSlice()): AsyncGenerator<T> {
  for (const item of source) {
    yield item;
    if (slice.spent()) await slice.next();
  }
}
