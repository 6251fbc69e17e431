import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { schemaErrors } from '../support/openapi-validator';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { JSON_TYPE, postRaw, postRecommendation } from './requests';

/** The defaults the contract (docs/api-contract.md) lists, for fields every workload type has. */
const SHARED_DEFAULTS = {
  name: 'app',
  persistence: { type: 'none', sizeGiB: 20 },
  control: {
    level: 'standard',
    kubernetes: 'no-preference',
    gpu: false,
    privileged: false,
    daemons: false,
    os: 'linux',
    architecture: 'any',
    capabilities: [],
    hostNetwork: false,
  },
  cost: { sensitivity: 'medium', interruptible: false },
  awsAccess: [],
  existingAppRunnerCustomer: false,
  region: 'us-east-1',
};
const RESOURCE_DEFAULTS = { cpu: 0.5, memoryGiB: 1, maxTasks: 10, targetCpuUtilization: 50 };

interface Alternative {
  platformId: string;
  rank: number;
  eligible: boolean;
  score: number;
  blockers: string[];
}

describe('POST /v1/recommendations', () => {
  const app = testApp();

  describe('when the body is a valid workload', () => {
    const bodies = [
      { given: 'a minimal web workload', body: webWorkload() },
      { given: 'a minimal worker', body: workerWorkload() },
      { given: 'a minimal batch job', body: batchWorkload() },
      {
        given: 'a private UDP service on Kubernetes',
        body: webWorkload({
          traffic: { protocol: 'udp', exposure: 'private' },
          control: { kubernetes: 'required' },
        }),
      },
      {
        given: 'a GPU batch job on a schedule',
        body: batchWorkload({
          control: { gpu: true },
          trigger: { type: 'schedule', expression: 'rate(1 hour)' },
          resources: { cpu: 8, memoryGiB: 32 },
        }),
      },
      {
        given: 'an S3-triggered worker with AWS access',
        body: workerWorkload({
          trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'incoming/' },
          awsAccess: [{ service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'read' }],
        }),
      },
    ];

    it.each(bodies)(
      'answers 200 application/json with a valid Recommendation, given $given',
      async ({ body }) => {
        const response = await postRecommendation(app, body);
        expect(response.status).toBe(200);
        expect(response.headers['content-type']).toMatch(JSON_TYPE);
        expect(schemaErrors('Recommendation', jsonOf(response))).toEqual([]);
      },
    );

    it.each(bodies)(
      'lists every platform once, ranked from 1, best first, chosen first, given $given',
      async ({ body }) => {
        const recommendation = jsonOf(await postRecommendation(app, body));
        const alternatives = recommendation.alternatives as Alternative[];
        expect(alternatives.map((alternative) => alternative.platformId).sort()).toEqual(
          [...CONTRACT_PLATFORM_IDS].sort(),
        );
        expect(alternatives.map((alternative) => alternative.rank)).toEqual(
          CONTRACT_PLATFORM_IDS.map((_, index) => index + 1),
        );
        expect(alternatives[0]?.platformId).toBe((recommendation.platform as { id: string }).id);
        expect(alternatives[0]?.eligible).toBe(true);
        const eligibility = alternatives.map((alternative) => alternative.eligible);
        expect(eligibility).toEqual([...eligibility].sort((a, b) => Number(b) - Number(a)));
        const eligibleScores = alternatives.filter((a) => a.eligible).map((a) => a.score);
        expect(eligibleScores).toEqual([...eligibleScores].sort((a, b) => b - a));
      },
    );
  });

  describe('the echoed workload', () => {
    const cases = [
      {
        given: 'web',
        want: {
          ...SHARED_DEFAULTS,
          workloadType: 'web',
          traffic: {
            protocol: 'http',
            exposure: 'public',
            pattern: 'steady',
            tlsTermination: 'load-balancer',
            stickySessions: false,
            healthCheckPort: 8080,
          },
          resources: { ...RESOURCE_DEFAULTS, minTasks: 1 },
          containerPort: 8080,
          healthCheckPath: '/',
        },
      },
      {
        given: 'worker',
        want: {
          ...SHARED_DEFAULTS,
          workloadType: 'worker',
          traffic: { pattern: 'steady' },
          resources: { ...RESOURCE_DEFAULTS, minTasks: 1 },
          trigger: { type: 'sqs', queueName: 'app-queue' },
        },
      },
      {
        given: 'batch',
        want: {
          ...SHARED_DEFAULTS,
          workloadType: 'batch',
          traffic: { pattern: 'steady' },
          resources: { ...RESOURCE_DEFAULTS, minTasks: 0 },
          trigger: { type: 'manual' },
        },
      },
    ];

    it.each(cases)(
      'fills in every default of the contract for a minimal $given workload',
      async ({ given, want }) => {
        const response = await postRecommendation(app, { workloadType: given });
        expect(jsonOf(response).workload).toEqual(want);
      },
    );

    it('names the default queue after the workload', async () => {
      const response = await postRecommendation(app, workerWorkload({ name: 'thumbnailer' }));
      expect(jsonOf(response).workload).toMatchObject({
        trigger: { type: 'sqs', queueName: 'thumbnailer-queue' },
      });
    });

    it('uses the ALB gRPC health-check path for a gRPC service', async () => {
      const response = await postRecommendation(app, webWorkload({ traffic: { protocol: 'grpc' } }));
      expect(jsonOf(response).workload).toMatchObject({ healthCheckPath: '/AWS.ALB/healthcheck' });
    });

    it('keeps every value the request set', async () => {
      const body = {
        name: 'orders-api',
        workloadType: 'web' as const,
        traffic: {
          protocol: 'https' as const,
          exposure: 'private' as const,
          pattern: 'spiky' as const,
          requestsPerSecond: 250,
          tlsTermination: 'service' as const,
          stickySessions: true,
          healthCheckPort: 3001,
        },
        persistence: { type: 'shared-file' as const, sizeGiB: 100 },
        control: {
          level: 'minimal' as const,
          kubernetes: 'avoid' as const,
          gpu: false,
          privileged: false,
          daemons: false,
          os: 'linux' as const,
          architecture: 'arm64' as const,
          capabilities: ['NET_BIND_SERVICE'],
          hostNetwork: false,
        },
        cost: { sensitivity: 'high' as const, interruptible: true },
        resources: { cpu: 2, memoryGiB: 4, minTasks: 2, maxTasks: 8, targetCpuUtilization: 70 },
        awsAccess: [
          {
            service: 'dynamodb' as const,
            resource: 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
            access: 'read-write' as const,
          },
        ],
        containerPort: 3000,
        healthCheckPath: '/ready',
        image: 'ghcr.io/acme/orders:1.2.3',
        existingAppRunnerCustomer: true,
        region: 'eu-west-1',
      };
      const response = await postRecommendation(app, body);
      expect(response.status).toBe(200);
      expect(jsonOf(response).workload).toEqual(body);
    });
  });

  describe.each([
    { given: 'the cache on', cacheBytes: undefined },
    { given: 'the cache off', cacheBytes: 0 },
  ])('with $given', ({ cacheBytes }) => {
    const appUnderTest = testApp(cacheBytes === undefined ? {} : { cacheBytes });

    it('answers the same body twice with byte-identical responses and the same id', async () => {
      const body = webWorkload({
        name: 'repeat',
        traffic: { protocol: 'tcp' },
        resources: { cpu: 1, memoryGiB: 2 },
      });
      const first = await postRecommendation(appUnderTest, body);
      const second = await postRecommendation(appUnderTest, body);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(second.text).toBe(first.text);
      expect(jsonOf(second).id).toBe(jsonOf(first).id);
      expect(jsonOf(first).id).toMatch(/^rec_[0-9a-f]{24}$/);
    });

    it('answers the same content with different key order and white space with the same id', async () => {
      const compact =
        '{"workloadType":"worker","name":"resizer","resources":{"cpu":1,"memoryGiB":2},"cost":{"interruptible":true}}';
      const reordered = `{
        "cost": { "interruptible": true },
        "resources": { "memoryGiB": 2, "cpu": 1 },
        "name": "resizer",
        "workloadType": "worker"
      }`;
      const first = await postRaw(appUnderTest, compact);
      const second = await postRaw(appUnderTest, reordered);
      expect(first.status).toBe(200);
      expect(second.status).toBe(200);
      expect(jsonOf(second).id).toBe(jsonOf(first).id);
      expect(jsonOf(second)).toEqual(jsonOf(first));
    });

    it('answers a body that spells out a default with the same id as one that leaves it out', async () => {
      const implicit = await postRecommendation(appUnderTest, webWorkload());
      const explicit = await postRecommendation(
        appUnderTest,
        webWorkload({ region: 'us-east-1', traffic: { protocol: 'http' }, resources: { maxTasks: 10 } }),
      );
      expect(jsonOf(explicit).id).toBe(jsonOf(implicit).id);
    });
  });

  describe('when one field changes', () => {
    const base = webWorkload({ name: 'orders-api' });
    const changes = [
      { field: 'name', body: { ...base, name: 'orders-api-2' } },
      { field: 'traffic.protocol', body: { ...base, traffic: { protocol: 'https' as const } } },
      { field: 'traffic.pattern', body: { ...base, traffic: { pattern: 'spiky' as const } } },
      { field: 'resources.cpu', body: { ...base, resources: { cpu: 1 } } },
      { field: 'resources.maxTasks', body: { ...base, resources: { maxTasks: 11 } } },
      { field: 'cost.sensitivity', body: { ...base, cost: { sensitivity: 'high' as const } } },
      { field: 'region', body: { ...base, region: 'eu-west-1' } },
      { field: 'containerPort', body: { ...base, containerPort: 8081 } },
      { field: 'image', body: { ...base, image: 'public.ecr.aws/nginx/nginx:1.27' } },
    ];

    it.each(changes)('gives a different id when $field changes', async ({ body }) => {
      const before = jsonOf(await postRecommendation(app, base));
      const after = jsonOf(await postRecommendation(app, body));
      expect(before.id).toMatch(/^rec_/);
      expect(after.id).toMatch(/^rec_/);
      expect(after.id).not.toBe(before.id);
    });
  });

  describe('when the container adds a capability Fargate refuses beside the one it accepts', () => {
    it('blocks Fargate naming the refused one, and suggests keeping only SYS_PTRACE to make it the answer', async () => {
      const response = await postRecommendation(
        app,
        webWorkload({ control: { capabilities: ['NET_ADMIN', 'SYS_PTRACE'] } }),
      );
      expect(response.status).toBe(200);
      const answer = jsonOf(response) as {
        platform: { id: string };
        alternatives: Alternative[];
        suggestions: { platformId: string; changes: { path: string; to: unknown }[] }[];
      };
      expect(answer.platform.id).toBe('ecs-managed-instances');
      const fargate = answer.alternatives.find((alternative) => alternative.platformId === 'ecs-fargate');
      expect(fargate?.eligible).toBe(false);
      expect(fargate?.blockers).toEqual([
        expect.stringMatching(/cannot add the Linux capabilities NET_ADMIN\. /),
      ]);
      expect(
        answer.suggestions.find((suggestion) => suggestion.platformId === 'ecs-fargate')?.changes,
      ).toEqual([{ path: 'control.capabilities', from: ['NET_ADMIN', 'SYS_PTRACE'], to: ['SYS_PTRACE'] }]);
    });
  });

  describe("when the container needs the host's network", () => {
    it('echoes control.hostNetwork and answers EC2-backed capacity, blocking Fargate with why', async () => {
      const response = await postRecommendation(app, webWorkload({ control: { hostNetwork: true } }));
      expect(response.status).toBe(200);
      const answer = jsonOf(response) as {
        workload: { control: { hostNetwork: boolean } };
        platform: { id: string };
        alternatives: Alternative[];
        warnings: string[];
      };
      expect(answer.workload.control.hostNetwork).toBe(true);
      expect(answer.platform.id).toMatch(/^(ecs-ec2|ecs-managed-instances|eks-.*-nodes|eks-auto-mode)$/);
      const fargate = answer.alternatives.find((alternative) => alternative.platformId === 'ecs-fargate');
      expect(fargate?.eligible).toBe(false);
      expect(fargate?.blockers).toEqual([
        expect.stringMatching(/cannot run linux containers in the host's network namespace\. .*awsvpc/),
      ]);
      expect(answer.warnings.join('\n')).toMatch(/only one task or pod per instance can bind each port/);
    });

    it('is a 422 on Windows, whose containers no platform runs on the host network, naming the way out', async () => {
      const response = await postRecommendation(
        app,
        webWorkload({ control: { hostNetwork: true, os: 'windows' } }),
      );
      expect(response.status).toBe(422);
      const problem = jsonOf(response) as {
        platforms: { platformId: string; blockers: string[] }[];
        suggestions: { changes: { path: string; to: unknown }[] }[];
      };
      const ec2 = problem.platforms.find((platform) => platform.platformId === 'ecs-ec2');
      expect(ec2?.blockers.join('\n')).toMatch(
        /cannot run windows containers in the host's network namespace/,
      );
      expect(problem.suggestions.flatMap((suggestion) => suggestion.changes)).toContainEqual(
        expect.objectContaining({ path: 'control.hostNetwork', to: false }),
      );
    });

    it('is a 400 when hostNetwork is not a boolean', async () => {
      // Sent as a client might, beside the typed factories: the schema must refuse it.
      const response = await postRecommendation(app, {
        workloadType: 'web',
        control: { hostNetwork: 'yes' },
      });
      expect(response.status).toBe(400);
    });
  });
});
