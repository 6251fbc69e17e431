/**
 * A bounded least-recently-used map from a request body to the bytes of its answer. Answers are
 * deterministic (same body and rules, same bytes), so a repeated workload is answered without re-running
 * the engine. The cache lives as long as the process, whose rules never change.
 */
export class RecommendationCache {
  private readonly entries = new Map<string, CachedAnswer>();

  constructor(private readonly maxEntries: number) {}

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, answer: CachedAnswer): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, answer);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

export interface CachedAnswer {
  status: number;
  /** The platform a 200 recommends, kept so an answer from the cache still counts in the metrics. */
  platformId?: string;
  contentType: string;
  /** The encoded body, so a cached answer is sent without encoding it again. */
  body: Buffer;
}
