import { performance } from 'node:perf_hooks';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What POST /v1/recommendations reports: how long the rules took, and which platform each answer chose. */
export interface AdviceMetrics {
  /** Runs one evaluation of a workload (the rule engine) and records how long it took. */
  timeAdvice<T>(evaluate: () => Promise<T>): Promise<T>;
  /**
   * Counts one recommendation (a 200) by the platform it recommends; an answer from the cache counts as
   * much as an evaluated one. Other answers (400, 422) carry no platform and are not counted.
   */
  countRecommendation(platformId: string | undefined): void;
  /** Counts one look-up of a request in the answer cache: a hit is answered without the engine. */
  countCacheLookup(result: 'hit' | 'miss'): void;
}

/** What the answer-cache gauges read when /metrics is scraped. */
export interface AnswerCacheSize {
  /** Answers stored. */
  readonly size: number;
  /** Bytes they take, as counted against BERTH_CACHE_BYTES. */
  readonly bytes: number;
}

export interface MetricsOptions {
  /** Whether to add prom-client's process and Node.js metrics (memory, CPU, event loop, GC). */
  processMetrics: boolean;
}

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const ENGINE_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

/**
 * Berth's Prometheus metrics, in a registry of their own (never prom-client's global one), so every app
 * a test builds counts from zero. GET /metrics serves `registry`.
 */
export class Metrics implements AdviceMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status'>;
  private readonly requestDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly inFlight: Gauge;
  private readonly recommendations: Counter<'platform'>;
  private readonly ruleEngineDuration: Histogram;
  private readonly cacheLookups: Counter<'result'>;
  private answerCache: AnswerCacheSize = { size: 0, bytes: 0 };

  constructor(options: MetricsOptions) {
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'berth_http_requests_total',
      help: 'HTTP requests answered, by method, route (the path pattern; "unmatched" for a 404) and status.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: 'berth_http_request_duration_seconds',
      help: 'Time from receiving a request to sending the end of its answer, by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS_BUCKETS,
      registers,
    });
    this.inFlight = new Gauge({
      name: 'berth_http_requests_in_flight',
      help: 'Requests received and not yet answered.',
      registers,
    });
    this.recommendations = new Counter({
      name: 'berth_recommendations_total',
      help: 'Recommendations (200 answers of POST /v1/recommendations) by the platform recommended; answers served from the cache count too.',
      labelNames: ['platform'],
      registers,
    });
    this.ruleEngineDuration = new Histogram({
      name: 'berth_rule_engine_duration_seconds',
      help: "Time to evaluate one workload: every platform's fit, the design and the starter configuration. Answers served from the cache skip the engine and are not observed.",
      buckets: ENGINE_BUCKETS,
      registers,
    });
    this.cacheLookups = new Counter({
      name: 'berth_answer_cache_lookups_total',
      help: 'Recommendation requests looked up in the answer cache, by result: a hit is answered without the engine, a miss evaluates the workload.',
      labelNames: ['result'],
      registers,
    });
    const cacheEntries: Gauge = new Gauge({
      name: 'berth_answer_cache_entries',
      help: 'Answers stored in the answer cache.',
      registers,
      collect: () => cacheEntries.set(this.answerCache.size),
    });
    const cacheBytes: Gauge = new Gauge({
      name: 'berth_answer_cache_bytes',
      help: 'Bytes the answer cache holds (compressed answers and their keys), bounded by BERTH_CACHE_BYTES.',
      registers,
      collect: () => cacheBytes.set(this.answerCache.bytes),
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
  }

  requestStarted(): void {
    this.inFlight.inc();
  }

  requestEnded(method: string, route: string, status: string, seconds: number): void {
    this.inFlight.dec();
    const labels = { method, route, status };
    this.requests.inc(labels);
    this.requestDuration.observe(labels, seconds);
  }

  async timeAdvice<T>(evaluate: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await evaluate();
    } finally {
      this.ruleEngineDuration.observe((performance.now() - started) / 1000);
    }
  }

  countCacheLookup(result: 'hit' | 'miss'): void {
    this.cacheLookups.inc({ result });
  }

  /** Makes the answer-cache gauges report this cache. */
  reportAnswerCache(cache: AnswerCacheSize): void {
    this.answerCache = cache;
  }

  countRecommendation(platformId: string | undefined): void {
    if (platformId !== undefined) this.recommendations.inc({ platform: platformId });
  }
}
