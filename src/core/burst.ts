// Tells an isolated engine event from one in a burst, for the live model's choice between reading at once (a short
// settle) and waiting for the engine to go quiet. Two changes a moment apart (a connect, then a disconnect) are each
// worth reading at once; a third within the window makes a burst, read in one go when it ends.

/** Events within the window that make a burst. */
export const BURST_EVENTS = 3;

export class BurstMeter {
  private times: number[] = [];

  constructor(private readonly windowMs: number, private readonly burstEvents = BURST_EVENTS) {}

  /** Notes an event at `now` (ms); whether it is part of a burst. */
  note(now: number): boolean {
    this.times = this.times.filter((t) => now - t < this.windowMs);
    this.times.push(now);
    return this.times.length >= this.burstEvents;
  }
}
