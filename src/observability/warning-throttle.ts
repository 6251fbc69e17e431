/**
 * Decides when a repeated warning is logged again: the first time, then at most once per interval, with
 * how many were held back in between, so an outage logs a line a minute rather than one per request.
 */
export class WarningThrottle {
  readonly #intervalMs: number;
  readonly #now: () => number;
  #lastLoggedAt: number | undefined;
  #heldBack = 0;

  constructor(intervalMs: number, now: () => number = Date.now) {
    this.#intervalMs = intervalMs;
    this.#now = now;
  }

  /** Whether to log this occurrence; when it is, how many occurrences since the last line were not logged. */
  next(): { log: true; heldBack: number } | { log: false } {
    const now = this.#now();
    if (this.#lastLoggedAt !== undefined && now - this.#lastLoggedAt < this.#intervalMs) {
      this.#heldBack += 1;
      return { log: false };
    }
    const heldBack = this.#heldBack;
    this.#lastLoggedAt = now;
    this.#heldBack = 0;
    return { log: true, heldBack };
  }

  /** Forgets the past: the next occurrence is logged (once the trouble is over, the next one is news). */
  reset(): void {
    this.#lastLoggedAt = undefined;
    this.#heldBack = 0;
  }
}
