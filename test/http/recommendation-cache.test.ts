import { type CachedAnswer, RecommendationCache } from '../../src/http/recommendation-cache';

/** An answer whose stored body is `bytes` long. */
function answerOf(bytes: number): CachedAnswer {
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.alloc(bytes),
    coding: 'gzip',
    digest: 'd'.repeat(43),
  };
}

/** What one answer costs against the budget, measured by storing it alone. */
function costOf(bytes: number): number {
  const cache = new RecommendationCache(Number.MAX_SAFE_INTEGER);
  cache.set(RecommendationCache.keyOf('probe'), answerOf(bytes));
  return cache.bytes;
}

const key = (body: string) => RecommendationCache.keyOf(body);

describe('RecommendationCache', () => {
  describe('when it stores an answer', () => {
    it('counts the stored body, its key and its digest against the budget', () => {
      expect(costOf(10_000)).toBeGreaterThan(10_000 + 43 + 43);
      expect(costOf(20_000) - costOf(10_000)).toBe(10_000);
    });

    it('keys it by a digest of the body, not the body, so a large body costs no more than a small one', () => {
      expect(key('x'.repeat(1024 * 1024))).toHaveLength(key('{}').length);
      expect(key('{"workloadType":"web"}')).not.toBe(key('{"workloadType":"web" }'));
    });

    it('gives it back, and counts it once when it is stored again', () => {
      const cache = new RecommendationCache(1_000_000);
      const answer = answerOf(1000);
      cache.set(key('a'), answer);
      cache.set(key('a'), answer);
      expect(cache.get(key('a'))).toBe(answer);
      expect(cache.size).toBe(1);
      expect(cache.bytes).toBe(costOf(1000));
    });
  });

  describe('when the answers outgrow the budget', () => {
    const budget = costOf(1000) * 3;

    it('evicts the least recently used answers until the rest fit', () => {
      const cache = new RecommendationCache(budget);
      cache.set(key('a'), answerOf(1000));
      cache.set(key('b'), answerOf(1000));
      cache.set(key('c'), answerOf(1000));
      cache.get(key('a'));
      cache.set(key('d'), answerOf(1000));
      expect(cache.get(key('b'))).toBeUndefined();
      expect([key('a'), key('c'), key('d')].map((stored) => cache.get(stored) !== undefined)).toEqual([
        true,
        true,
        true,
      ]);
      expect(cache.bytes).toBe(budget);
    });

    it('evicts as many small answers as one large answer needs', () => {
      const cache = new RecommendationCache(budget);
      cache.set(key('a'), answerOf(1000));
      cache.set(key('b'), answerOf(1000));
      cache.set(key('c'), answerOf(1000));
      // Costs more than two of the others together, so none of them fits beside it.
      cache.set(key('large'), answerOf(1000 + costOf(1000) + 1));
      expect(cache.size).toBe(1);
      expect(cache.get(key('large'))).toBeDefined();
      expect(cache.get(key('c'))).toBeUndefined();
      expect(cache.bytes).toBeLessThanOrEqual(budget);
    });

    it('does not store an answer larger than the whole budget, and keeps what it holds', () => {
      const cache = new RecommendationCache(budget);
      cache.set(key('a'), answerOf(1000));
      cache.set(key('huge'), answerOf(budget));
      expect(cache.get(key('huge'))).toBeUndefined();
      expect(cache.get(key('a'))).toBeDefined();
      expect(cache.bytes).toBe(costOf(1000));
    });
  });

  describe('when the budget is 0', () => {
    it('stores nothing', () => {
      const cache = new RecommendationCache(0);
      cache.set(key('a'), answerOf(1));
      expect(cache.size).toBe(0);
      expect(cache.bytes).toBe(0);
    });
  });
});
