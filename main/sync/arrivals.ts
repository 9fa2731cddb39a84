/**
 * Documents still being written while the feed pump runs: a cycle writes its documents as it plans
 * them, and the pump sends each as soon as it is there instead of waiting for the whole plan.
 */
export class DocumentArrivals {
  private fresh = false;
  private ended = false;
  private waiters: (() => void)[] = [];

  /** A document was written. */
  added(): void {
    this.fresh = true;
    this.wake();
  }

  /** No more documents will come. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** True when documents were written since the last call: the pump reads its open feeds again. */
  takeNew(): boolean {
    const fresh = this.fresh;
    this.fresh = false;
    return fresh;
  }

  /** Resolves true when a document is written, false once no more will come. */
  async wait(): Promise<boolean> {
    if (!this.fresh && !this.ended) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.fresh;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
