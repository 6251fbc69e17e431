import { createHash } from 'node:crypto';
import type { StoredCoding } from './content-coding';

/**
 * What one entry costs besides its key and its body: the Map slot, the entry object, the Buffer's own
 * object and the short strings it holds (V8's sizes, rounded up), so many small answers (400s) cannot hold
 * far more memory than the budget says.
 */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * A least-recently-used map from a request body to its answer, bounded by the bytes it holds rather than
 * by a count of entries, so its memory does not depend on how large answers are. Answers are deterministic
 * (same body and rules, same bytes), so a repeated workload is answered without re-running the engine. The
 * key is a SHA-256 digest of the raw body (a body can be as large as the body limit, and a key that large
 * would cost as much as its answer); the answer is stored compressed. An answer larger than the whole
 * budget is not stored. The cache lives as long as the process, whose rules never change.
 */
export class RecommendationCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private storedBytes = 0;

  constructor(private readonly maxBytes: number) {}

  /**
   * The key of a raw request body in one view: the SHA-256 digest of both (the view first, then a NUL,
   * which no view name holds), since each view of the same body is its own answer.
   */
  static keyOf(rawBody: string, view = 'full'): string {
    return createHash('sha256').update(view).update('\0').update(rawBody).digest('base64url');
  }

  get(key: string): CachedAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, answer: CachedAnswer): void {
    this.delete(key);
    const cost = costOf(key, answer);
    if (cost > this.maxBytes) return;
    this.entries.set(key, answer);
    this.storedBytes += cost;
    for (const oldest of this.entries.keys()) {
      if (this.storedBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** How many answers are stored. */
  get size(): number {
    return this.entries.size;
  }

  /** The bytes the stored answers and their keys take, as counted against the budget. */
  get bytes(): number {
    return this.storedBytes;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.storedBytes -= costOf(key, entry);
  }
}

function costOf(key: string, answer: CachedAnswer): number {
  return ENTRY_OVERHEAD_BYTES + key.length + answer.digest.length + answer.body.length;
}

/** One answer as the cache keeps it and as the routes send it. */
export interface CachedAnswer {
  status: number;
  /** The platform a 200 recommends, kept so an answer from the cache still counts in the metrics. */
  platformId?: string;
  contentType: string;
  /**
   * The encoded body, in `coding`: gzip when the client that first asked accepted it (compressed once,
   * then sent as it is to every client that accepts gzip), else uncompressed, so a client that accepts
   * no compression costs neither a compression nor a decompression.
   */
  body: Buffer;
  coding: StoredCoding;
  /** The SHA-256 digest of the uncompressed body, from which the answer's ETags are made. */
  digest: string;
}
