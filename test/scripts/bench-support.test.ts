import { benchOptions, SECTIONS } from '../../scripts/bench/options';
import { MetricSamples } from '../../scripts/support/built-server';
import { distributionOf } from '../../scripts/support/distribution';
import { generatedWorkloads } from '../../scripts/support/generated-workloads';
import { UniqueBodies } from '../../scripts/support/unique-bodies';

describe('npm run bench', () => {
  describe('when given no flag and no environment', () => {
    it('runs every section at the targets’ sizes', () => {
      expect(benchOptions([], {})).toEqual({
        sections: [...SECTIONS],
        advisorWorkloads: 2000,
        loadSeconds: 10,
        soakSeconds: 60,
        starts: 5,
        quick: false,
      });
    });
  });

  describe('when sections are chosen', () => {
    it('runs those, in the bench’s own order, from --only before BENCH_ONLY', () => {
      const options = benchOptions(['--only', 'start,advisor'], { BENCH_ONLY: 'memory' });
      expect(options !== 'help' && options.sections).toEqual(['advisor', 'start']);
    });

    it('rejects a section it does not have', () => {
      expect(() => benchOptions(['--only', 'advisor,speed'], {})).toThrow('unknown section speed');
    });
  });

  describe('when --quick or BENCH_QUICK=1 is given', () => {
    it('shortens every section, and an explicit size still wins', () => {
      const options = benchOptions(['--seconds', '4'], { BENCH_QUICK: '1' });
      expect(options).toMatchObject({ quick: true, advisorWorkloads: 300, loadSeconds: 4, soakSeconds: 10 });
    });
  });

  it('rejects a size that is not a whole number of at least 1', () => {
    expect(() => benchOptions(['--soak-seconds', '0'], {})).toThrow('--soak-seconds');
  });
});

describe('a distribution of measured values', () => {
  it('reports nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(distributionOf(values)).toEqual({ count: 100, median: 50, p90: 90, p99: 99, max: 100 });
  });
});

describe('the generated workloads', () => {
  it('are distinct, valid and the same for the same seed', () => {
    const first = generatedWorkloads(50, 5);
    expect(new Set(first.map(({ body }) => body)).size).toBe(50);
    expect(generatedWorkloads(50, 5).map(({ body }) => body)).toEqual(first.map(({ body }) => body));
  });

  it('leave out the bodies they are told to', () => {
    const measured = new Set(generatedWorkloads(50, 5).map(({ body }) => body));
    expect(generatedWorkloads(50, 6, measured).some(({ body }) => measured.has(body))).toBe(false);
  });
});

describe('the supply of new bodies', () => {
  describe('when it has handed out every generated body', () => {
    it('hands them out again under names not used before, so no body repeats', () => {
      const bodies = new UniqueBodies([
        JSON.stringify({ workloadType: 'web', name: 'a' }),
        '{"workloadType":"web"}',
      ]);
      const taken = Array.from({ length: 7 }, () => bodies.take());
      expect(new Set(taken).size).toBe(7);
      expect(JSON.parse(taken[2] ?? '')).toEqual({ workloadType: 'web', name: 'a-pass-1' });
      expect(JSON.parse(taken[3] ?? '')).toEqual({ workloadType: 'web', name: 'app-pass-1' });
      expect(bodies.distinct).toBe(7);
      expect(bodies.renamedPasses).toBe(3);
    });
  });
});

describe('the server’s metrics', () => {
  const text = [
    '# TYPE berth_http_requests_total counter',
    'berth_http_requests_total{method="POST",route="/v1/recommendations",status="200"} 3',
    'berth_http_requests_total{method="POST",route="/v1/recommendations",status="422"} 2',
    'berth_http_requests_total{method="GET",route="/healthz",status="200"} 9',
    '# TYPE berth_rule_engine_duration_seconds histogram',
  ].join('\n');

  it('sum the samples whose labels match', () => {
    expect(new MetricSamples(text).sum('berth_http_requests_total', ['route="/v1/recommendations"'])).toBe(5);
  });

  it('count 0 for a declared metric without samples, and nothing for one the server lacks', () => {
    const samples = new MetricSamples(text);
    expect(samples.sum('berth_rule_engine_duration_seconds_count')).toBe(0);
    expect(samples.sum('berth_cache_hits_total')).toBeUndefined();
  });
});
