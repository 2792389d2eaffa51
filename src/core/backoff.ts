// Exponential backoff: each delay doubles up to a ceiling; a success starts again from the floor.

export class Backoff {
  private delay: number;

  constructor(private readonly minMs: number, private readonly maxMs: number) {
    this.delay = minMs;
  }

  /** The delay to wait now; the one after it is twice as long (at most the ceiling). */
  next(): number {
    const d = this.delay;
    this.delay = Math.min(this.delay * 2, this.maxMs);
    return d;
  }

  reset(): void {
    this.delay = this.minMs;
  }
}
