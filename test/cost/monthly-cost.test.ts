import fc from 'fast-check';
import request from 'supertest';
import { schedulesPerMonth } from '../../src/cost/usage';
import { advise, recommend } from '../support/advisor';
import { testApp } from '../support/app';
import { schemaErrors } from '../support/openapi-validator';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';

type Estimate = {
  total: number;
  low: number;
  high: number;
  lines: { item: string; quantity: number; unitPrice: number; monthly: number }[];
  assumptions: string[];
};

async function estimateFor(body: object, platformId: string): Promise<Estimate> {
  const recommendation = await recommend(body);
  const alternative = recommendation.alternatives.find((candidate) => candidate.platformId === platformId) as
    | { monthlyCost?: Estimate }
    | undefined;
  if (alternative?.monthlyCost === undefined) throw new Error(`${platformId} has no estimate`);
  return alternative.monthlyCost;
}

const sumOf = (estimate: Estimate, pattern: RegExp) =>
  Math.round(
    estimate.lines.filter((line) => pattern.test(line.item)).reduce((sum, line) => sum + line.monthly, 0) *
      100,
  ) / 100;

describe('monthly cost estimates', () => {
  describe('when one 1 vCPU / 2 GB x86 task runs on Fargate around the clock', () => {
    it('prices its compute at $36.04 a month (730 h × (0.04048 + 2 × 0.004445))', async () => {
      const estimate = await estimateFor(
        webWorkload({ resources: { cpu: 1, memoryGiB: 2, minTasks: 1, maxTasks: 1 } }),
        'ecs-fargate',
      );
      expect(sumOf(estimate, /^Fargate x86 Linux task/)).toBe(36.04);
    });

    it('adds an ALB whose fixed part is $16.43 (730 h × 0.0225)', async () => {
      const estimate = await estimateFor(
        webWorkload({ resources: { minTasks: 1, maxTasks: 1 } }),
        'ecs-fargate',
      );
      expect(estimate.lines.find((line) => line.item === 'Application Load Balancer hours')?.monthly).toBe(
        16.43,
      );
    });
  });

  describe('when a GPU task runs on ECS Managed Instances around the clock', () => {
    const gpuService = webWorkload({
      control: { gpu: true, level: 'minimal' },
      resources: { minTasks: 1, maxTasks: 1 },
    });

    it('prices the g6.xlarge it deploys at $587.50 a month (730 h × 0.8048)', async () => {
      const estimate = await estimateFor(gpuService, 'ecs-managed-instances');
      expect(sumOf(estimate, /^EC2 g6\.xlarge instances, On-Demand$/)).toBe(587.5);
    });

    it('adds the management fee as an estimate of 12% of On-Demand: $70.50 a month (730 h × 0.096576)', async () => {
      const estimate = await estimateFor(gpuService, 'ecs-managed-instances');
      expect(estimate.lines).toContainEqual(
        expect.objectContaining({
          item: 'ECS Managed Instances management fee (g6.xlarge)',
          unitPrice: 0.096576,
          monthly: 70.5,
        }),
      );
      expect(estimate.assumptions).toContainEqual(
        expect.stringMatching(
          /management fee: 12% of the g6\.xlarge On-Demand price per instance-hour .*\(ESTIMATE, /,
        ),
      );
    });

    it('keeps the fee at 12% of On-Demand when the instances run on Spot', async () => {
      const estimate = await estimateFor(
        { ...gpuService, cost: { interruptible: true } },
        'ecs-managed-instances',
      );
      expect(sumOf(estimate, /^EC2 g\S+ instances, Spot$/)).toBeLessThan(587.5);
      expect(sumOf(estimate, /management fee/)).toBe(70.5);
    });

    it('costs the fee more than ECS on EC2, which runs the same instance', async () => {
      const managed = await estimateFor(gpuService, 'ecs-managed-instances');
      const ownHosts = await estimateFor(gpuService, 'ecs-ec2');
      expect(Math.round((managed.total - ownHosts.total) * 100) / 100).toBe(70.5);
    });
  });

  describe('when the platform is EKS', () => {
    it('adds the control plane at $73.00 a month', async () => {
      const estimate = await estimateFor(webWorkload({ control: { kubernetes: 'required' } }), 'eks-fargate');
      expect(estimate.lines.find((line) => line.item.startsWith('Amazon EKS control plane'))?.monthly).toBe(
        73,
      );
    });

    it('prices an EKS Fargate pod after adding 256 MB and rounding up (1 vCPU / 2 GB is billed as 1 vCPU / 3 GB)', async () => {
      const estimate = await estimateFor(
        webWorkload({
          control: { kubernetes: 'required' },
          resources: { cpu: 1, memoryGiB: 2, minTasks: 1, maxTasks: 1 },
        }),
        'eks-fargate',
      );
      // 730 × (0.04048 + 3 × 0.004445) = 29.55 + 9.73
      expect(sumOf(estimate, /^EKS Fargate pod/)).toBe(39.28);
    });
  });

  describe('when the work is interruptible', () => {
    it('prices an ECS batch job on Fargate Spot at the planning discount', async () => {
      const estimate = await estimateFor(
        {
          workloadType: 'batch',
          trigger: { type: 'schedule', expression: 'rate(1 hour)' },
          cost: { interruptible: true },
        },
        'ecs-fargate',
      );
      expect(estimate.lines.some((line) => line.item.startsWith('Fargate Spot vCPU'))).toBe(true);
      expect(estimate.assumptions.join(' ')).toMatch(/65% planning discount/);
    });

    // FARGATE_SPOT runs Linux ARM64 tasks on platform version 1.4.0 or later:
    // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    it('prices an Arm64 batch job on Fargate Spot at the planning discount off the Arm rates', async () => {
      const estimate = await estimateFor(
        {
          workloadType: 'batch',
          trigger: { type: 'schedule', expression: 'rate(1 hour)' },
          control: { architecture: 'arm64' },
          cost: { interruptible: true },
        },
        'ecs-fargate',
      );
      // 0.03238 × (1 − 0.65) and 0.00356 × (1 − 0.65), rounded to six places
      expect(
        estimate.lines.filter((line) => line.item.startsWith('Fargate Spot')).map((line) => line.unitPrice),
      ).toEqual([0.011333, 0.001246]);
      expect(estimate.assumptions.join(' ')).toMatch(
        /65% planning discount off the Fargate Arm Linux task on-demand rates/,
      );
    });
  });

  // EventBridge Scheduler starts a task on every tick whether or not the previous run ended
  // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule.html); a Kubernetes CronJob
  // with concurrencyPolicy Forbid skips the ticks that fall during a run
  // (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy).
  describe('when a batch job runs on a schedule', () => {
    const scheduled = (expression: string, expectedRunMinutes?: number, control: object = {}) =>
      batchWorkload({
        trigger: { type: 'schedule', expression },
        control,
        resources: {
          cpu: 1,
          memoryGiB: 2,
          ...(expectedRunMinutes === undefined ? {} : { expectedRunMinutes }),
        },
      });
    const vcpuHours = (estimate: Estimate, pattern: RegExp) =>
      estimate.lines.find((line) => pattern.test(line.item))?.quantity;

    it('bills an assumed run no longer than the interval between two ticks', async () => {
      // 8,760 runs of rate(5 minutes), each billed 5 minutes (not the assumed 15): one task all month
      const estimate = await estimateFor(scheduled('rate(5 minutes)'), 'ecs-fargate');
      expect(vcpuHours(estimate, /^Fargate x86 Linux task vCPU/)).toBe(730);
      expect(estimate.assumptions.join(' ')).toMatch(/capped at the 5-minute interval between runs/);
    });

    it('bills the run length given in resources.expectedRunMinutes', async () => {
      // 730 runs of rate(1 hour) × 30 minutes
      const estimate = await estimateFor(scheduled('rate(1 hour)', 30), 'ecs-fargate');
      expect(vcpuHours(estimate, /^Fargate x86 Linux task vCPU/)).toBe(365);
      expect(estimate.assumptions.join(' ')).toMatch(/30 minutes \(resources\.expectedRunMinutes\)/);
    });

    it('says the run length is an assumption when none is given', async () => {
      const estimate = await estimateFor(scheduled('rate(1 hour)'), 'ecs-fargate');
      expect(estimate.assumptions.join(' ')).toMatch(
        /about 15 minutes, assumed \(low 7\.5, high 30 minutes; set resources\.expectedRunMinutes/,
      );
    });

    it('bills overlapping runs on ECS when a run outlasts the interval, and warns that they overlap', async () => {
      // 4,380 runs of rate(10 minutes) × 25 minutes: 2.5 tasks at once on average
      const recommendation = await recommend(scheduled('rate(10 minutes)', 25));
      const estimate = await estimateFor(scheduled('rate(10 minutes)', 25), 'ecs-fargate');
      expect(vcpuHours(estimate, /^Fargate x86 Linux task vCPU/)).toBe(1825);
      expect(recommendation.platform.id).toMatch(/^ecs-/);
      expect(recommendation.warnings.join(' ')).toMatch(
        /EventBridge Scheduler starts a task on every tick whether or not the previous run ended/,
      );
    });

    it('bills a CronJob that skips the ticks during a run on EKS', async () => {
      // concurrencyPolicy Forbid: a 25-minute run on rate(10 minutes) starts every 30 minutes
      const estimate = await estimateFor(
        scheduled('rate(10 minutes)', 25, { kubernetes: 'required' }),
        'eks-fargate',
      );
      expect(vcpuHours(estimate, /^EKS Fargate pod vCPU/)).toBeCloseTo(608.33, 2);
      expect(estimate.assumptions.join(' ')).toMatch(/skips the ticks that fall during a run/);
    });
  });

  // Fargate Linux/Arm costs about 20% less per vCPU-hour than x86 (aws.amazon.com/fargate/pricing) and
  // Graviton instances less than their x86 peers (aws.amazon.com/ec2/pricing/on-demand); an image runs on
  // both only when it is built for both (docs.docker.com/build/building/multi-platform/).
  describe('when the architecture is any', () => {
    const anyArchitecture = (sensitivity: 'low' | 'medium' | 'high', control: object = {}) =>
      webWorkload({
        traffic: { exposure: 'private' },
        control: { architecture: 'any', ...control },
        cost: { sensitivity },
        resources: { cpu: 1, memoryGiB: 2, minTasks: 2, maxTasks: 2 },
      });

    // Two 1 vCPU / 2 GB tasks of a private service (so every platform pays the same NAT gateway): on
    // Fargate Arm 730 h × 2 × (0.03238 + 2 × 0.00356) ≈ $57.67 of compute, cheaper than the x86 rates,
    // Express Mode's x86 tasks and a Graviton instance per task.
    it('deploys Fargate on ARM64 at high cost sensitivity and warns that the image must be multi-arch', async () => {
      const recommendation = await recommend(anyArchitecture('high'));
      expect(recommendation.platform.id).toBe('ecs-fargate');
      expect(recommendation.platform.monthlyCost?.lines[0]?.item).toMatch(/^Fargate Arm Linux task/);
      const definition = JSON.parse(
        recommendation.starterConfig.files.find((file) => file.path === 'ecs/task-definition.json')
          ?.content ?? '{}',
      ) as { runtimePlatform?: { cpuArchitecture?: string } };
      expect(definition.runtimePlatform?.cpuArchitecture).toBe('ARM64');
      expect(recommendation.warnings.join(' ')).toMatch(
        /docker buildx build --platform linux\/amd64,linux\/arm64/,
      );
    });

    it('prices Graviton instances for ECS on EC2 at high cost sensitivity', async () => {
      const estimate = await estimateFor(anyArchitecture('high'), 'ecs-ec2');
      expect(estimate.lines.map((line) => line.item).join(' ')).toMatch(/EC2 (m7g|m6g|c7g|t4g|r7g|r6g)\./);
    });

    it('stays on x86_64 where the platform has no Arm (EKS on Fargate, Express Mode)', async () => {
      expect((await estimateFor(anyArchitecture('high'), 'ecs-express-mode')).lines[0]?.item).toMatch(
        /^Fargate x86 Linux task/,
      );
    });

    it.each(['low', 'medium'] as const)('stays on x86_64 at %s cost sensitivity', async (sensitivity) => {
      const estimate = await estimateFor(anyArchitecture(sensitivity), 'ecs-fargate');
      expect(estimate.lines[0]?.item).toMatch(/^Fargate x86 Linux task/);
    });
  });

  // Tasks in private subnets reach ECR and AWS APIs through a NAT gateway (or VPC endpoints); a task in a
  // public subnet needs a public IPv4 address instead
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html). Express
  // Mode puts its service in the subnets given: private subnets for a private service
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html).
  describe('networking, compared between two platforms for the same workload', () => {
    const networkLines = (estimate: Estimate) =>
      estimate.lines.filter((line) => /NAT gateway|Public IPv4 addresses of the tasks/.test(line.item));

    it('prices the same NAT gateway for a private service on Express Mode as on ECS on Fargate', async () => {
      const privateService = webWorkload({ traffic: { exposure: 'private' } });
      const fargate = await estimateFor(privateService, 'ecs-fargate');
      const express = await estimateFor(privateService, 'ecs-express-mode');
      expect(networkLines(express)).toEqual(networkLines(fargate));
      expect(networkLines(express).map((line) => line.item)).toEqual([
        expect.stringMatching(/^NAT gateway hours/),
        expect.stringMatching(/^NAT gateway public IPv4 address/),
      ]);
    });

    it('shows why a public service costs a NAT gateway on Fargate and public task addresses on Express Mode', async () => {
      const publicService = webWorkload();
      const fargate = networkLines(await estimateFor(publicService, 'ecs-fargate'));
      const express = networkLines(await estimateFor(publicService, 'ecs-express-mode'));
      expect(fargate.map((line) => line.item)).toEqual([
        expect.stringMatching(/NAT gateway hours \(tasks in private subnets/),
        expect.stringMatching(/NAT gateway public IPv4 address/),
      ]);
      expect(express.map((line) => line.item)).toEqual([
        expect.stringMatching(/Public IPv4 addresses of the tasks \(public subnets, so no NAT gateway/),
      ]);
    });
  });

  describe('when the workload runs in a region without a price table', () => {
    it('uses us-east-1 prices and says so in a warning', async () => {
      const recommendation = await recommend(webWorkload({ region: 'eu-west-1' }));
      expect(recommendation.warnings).toContain(
        'Berth has no price table for eu-west-1: the estimates use us-east-1 prices (as of 2026-11-25).',
      );
      expect(
        (recommendation.platform as { monthlyCost?: { priceRegion: string } }).monthlyCost?.priceRegion,
      ).toBe('us-east-1');
    });
  });

  describe('cost-aware ranking', () => {
    // Two 1 vCPU / 3.5 GiB tasks fill an m7i.large, while Fargate bills each at the 1 vCPU / 4 GB size. The
    // load is spiky, so only the estimates (not the preference for whole instances at steady load) decide.
    const smallWorkers = (sensitivity: 'low' | 'high') =>
      workerWorkload({
        cost: { sensitivity },
        traffic: { pattern: 'spiky' },
        resources: { cpu: 1, memoryGiB: 3.5, minTasks: 10, maxTasks: 30 },
      });

    it('lets the cheaper platform (ECS on EC2) win over the more convenient one (Fargate) at high sensitivity', async () => {
      const recommendation = await recommend(smallWorkers('high'));
      expect(recommendation.platform.id).toBe('ecs-ec2');
      const costEntries = recommendation.rationale.filter(
        (entry) => entry.group === 'cost' && entry.platformId === 'ecs-fargate',
      );
      expect(costEntries[0]?.message).toMatch(
        /About \$[\d.]+ a month, \d+% more than Amazon ECS on Amazon EC2 at \$[\d.]+/,
      );
    });

    it('leaves the convenient platform in front at low sensitivity', async () => {
      expect((await recommend(smallWorkers('low'))).platform.id).toBe('ecs-fargate');
    });
  });

  describe('every estimate, over generated workloads', () => {
    it('is finite, non-negative and ordered low ≤ total ≤ high, and the platform carries the chosen one', async () => {
      const bodies = fc.record({
        workloadType: fc.constantFrom('web', 'worker'),
        cost: fc.record({
          sensitivity: fc.constantFrom('low', 'medium', 'high'),
          interruptible: fc.boolean(),
        }),
        control: fc.record({
          os: fc.constantFrom('linux', 'windows'),
          architecture: fc.constantFrom('any', 'x86_64', 'arm64'),
        }),
        persistence: fc.record({ type: fc.constantFrom('none', 'shared-file', 'block') }),
        resources: fc
          .record({
            cpu: fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 32),
            memoryGiB: fc.constantFrom(0.5, 1, 2, 8, 30, 64),
            minTasks: fc.integer({ min: 0, max: 5 }),
          })
          .map((resources) => ({ ...resources, maxTasks: resources.minTasks + 5 })),
      });
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const advice = await advise(body);
          if (advice.kind !== 'recommendation') return;
          for (const alternative of advice.recommendation.alternatives) {
            const estimate = (alternative as { monthlyCost?: Estimate }).monthlyCost;
            expect(estimate === undefined).toBe(!alternative.eligible);
            if (estimate === undefined) continue;
            for (const value of [
              estimate.total,
              estimate.low,
              estimate.high,
              ...estimate.lines.map((line) => line.monthly),
            ]) {
              expect(Number.isFinite(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(0);
            }
            expect(estimate.low).toBeLessThanOrEqual(estimate.total);
            expect(estimate.total).toBeLessThanOrEqual(estimate.high);
            expect(schemaErrors('MonthlyCost', estimate)).toEqual([]);
          }
          const chosen = advice.recommendation.alternatives[0] as { monthlyCost?: Estimate };
          expect((advice.recommendation.platform as { monthlyCost?: Estimate }).monthlyCost).toEqual(
            chosen.monthlyCost,
          );
        }),
        { numRuns: 60, seed: 20261125 },
      );
    });
  });
});

describe('schedulesPerMonth', () => {
  const cases = [
    { given: 'rate(1 hour)', want: 730 },
    { given: 'rate(5 minutes)', want: 8760 },
    { given: 'rate(1 day)', want: 730 / 24 },
    { given: 'cron(0 2 * * ? *)', want: 730 / 24 },
    { given: 'cron(0 */6 * * ? *)', want: (730 / 24) * 4 },
    { given: 'cron(0 9 ? * MON-FRI *)', want: (5 * 730) / 24 / 7 },
    { given: 'cron(0 0 1 * ? *)', want: 730 / 24 / 31 },
  ];
  it.each(cases)('counts $given as $want runs', ({ given, want }) => {
    expect(schedulesPerMonth(given, 730)).toBeCloseTo(want, 5);
  });
});

describe('GET /v1/prices', () => {
  it('returns the dated us-east-1 table and the cost model', async () => {
    const response = await request(testApp()).get('/v1/prices');
    expect(response.status).toBe(200);
    expect(schemaErrors('PriceList', response.body)).toEqual([]);
    expect(response.body.tables[0]).toMatchObject({
      region: 'us-east-1',
      currency: 'USD',
      asOf: '2026-11-25',
    });
    expect(response.body.tables[0].prices['fargate.linux.x86.vcpuHour'].price).toBe(0.04048);
  });
});
