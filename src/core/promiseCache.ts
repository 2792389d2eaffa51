// Reads kept by key: one read per key, shared by every caller while it runs and after it answered. A read that fails
// is forgotten (the next caller reads again), and past `limit` keys the oldest goes (a long session stays small).

export class PromiseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly limit: number) {}

  /** The read kept for `key`, or the one `read()` starts now. */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const started = read();
    this.entries.set(key, started);
    // only this read: a newer one for the same key (after clear()) stays
    started.catch(() => { if (this.entries.get(key) === started) this.entries.delete(key); });
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return started;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
