import type { Response } from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { LEAKS, PROBLEM_JSON_TYPE, postRaw, postRecommendation } from './requests';

interface FieldError {
  path: string;
  message: string;
  received?: unknown;
  allowed?: unknown[];
}

const PROTOCOLS = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'];

/** Every 400 is a ValidationProblem served as problem+json; returns its errors for the test to look at. */
function expectValidationProblem(response: Response): FieldError[] {
  expect(response.status).toBe(400);
  expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
  const problem = jsonOf(response);
  expect(schemaErrors('ValidationProblem', problem)).toEqual([]);
  expect(problem).toMatchObject({ status: 400 });
  for (const member of ['type', 'title', 'detail'] as const) {
    expect(typeof problem[member]).toBe('string');
    expect((problem[member] as string).length).toBeGreaterThan(0);
  }
  for (const leak of LEAKS) expect(response.text).not.toMatch(leak);
  return problem.errors as FieldError[];
}

const pathsOf = (errors: FieldError[]) => errors.map((error) => error.path);

describe('POST /v1/recommendations', () => {
  const app = testApp();

  describe('when the body has unknown fields', () => {
    const cases = [
      { given: 'a top-level typo', body: { ...webWorkload(), workloadTyp: 'web' }, want: 'workloadTyp' },
      {
        given: 'an unknown nested field',
        body: { ...webWorkload(), traffic: { protocl: 'udp' } },
        want: 'traffic.protocl',
      },
      {
        given: 'an unknown field in resources',
        body: { ...webWorkload(), resources: { memory: 2048 } },
        want: 'resources.memory',
      },
      {
        given: 'an unknown field in an awsAccess entry',
        body: {
          ...webWorkload(),
          awsAccess: [
            { service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'read', actions: ['s3:*'] },
          ],
        },
        want: 'awsAccess.0.actions',
      },
      {
        given: 'an unknown field in the trigger',
        body: { ...workerWorkload(), trigger: { type: 'sqs', queue: 'orders' } },
        want: 'trigger.queue',
      },
    ];

    it.each(cases)('reports it with its dotted path, given $given', async ({ body, want }) => {
      const errors = expectValidationProblem(await postRecommendation(app, body));
      expect(pathsOf(errors)).toContain(want);
    });

    it('reports each unknown field of one object separately', async () => {
      const errors = expectValidationProblem(
        await postRecommendation(app, { ...webWorkload(), colour: 'blue', size: 'large' }),
      );
      expect(pathsOf(errors)).toEqual(expect.arrayContaining(['colour', 'size']));
    });
  });

  describe('when an enum field has a value outside the enum', () => {
    it('reports the value received and the values allowed', async () => {
      const errors = expectValidationProblem(
        await postRecommendation(app, { ...webWorkload(), traffic: { protocol: 'quic' } }),
      );
      const error = errors.find((candidate) => candidate.path === 'traffic.protocol');
      expect(error?.received).toBe('quic');
      expect([...(error?.allowed ?? [])].sort()).toEqual([...PROTOCOLS].sort());
      expect(error?.message).toEqual(expect.any(String));
    });

    const cases = [
      { path: 'workloadType', body: { workloadType: 'service' }, received: 'service' },
      { path: 'control.os', body: { ...webWorkload(), control: { os: 'macos' } }, received: 'macos' },
      { path: 'persistence.type', body: { ...webWorkload(), persistence: { type: 'nfs' } }, received: 'nfs' },
      { path: 'trigger.type', body: { ...batchWorkload(), trigger: { type: 'cron' } }, received: 'cron' },
      {
        path: 'awsAccess.0.service',
        body: { ...webWorkload(), awsAccess: [{ service: 'ec2', resource: '*', access: 'read' }] },
        received: 'ec2',
      },
    ];

    it.each(cases)('reports $path with received and allowed', async ({ path, body, received }) => {
      const errors = expectValidationProblem(await postRecommendation(app, body));
      const error = errors.find((candidate) => candidate.path === path);
      expect(error).toMatchObject({ path, received });
      expect(error?.allowed?.length).toBeGreaterThan(0);
      expect(error?.allowed).not.toContain(received);
    });
  });

  describe('when a field has the wrong type', () => {
    const cases = [
      { path: 'name', body: { ...webWorkload(), name: 42 }, received: 42 },
      { path: 'resources.cpu', body: { ...webWorkload(), resources: { cpu: '2' } }, received: '2' },
      { path: 'resources.maxTasks', body: { ...webWorkload(), resources: { maxTasks: 2.5 } }, received: 2.5 },
      { path: 'control.gpu', body: { ...webWorkload(), control: { gpu: 'yes' } }, received: 'yes' },
      { path: 'traffic', body: { ...webWorkload(), traffic: 'fast' }, received: 'fast' },
      {
        path: 'awsAccess',
        body: { ...webWorkload(), awsAccess: { service: 's3' } },
        received: { service: 's3' },
      },
      { path: 'containerPort', body: { ...webWorkload(), containerPort: '8080' }, received: '8080' },
      {
        path: 'existingAppRunnerCustomer',
        body: { ...webWorkload(), existingAppRunnerCustomer: null },
        received: null,
      },
    ];

    it.each(cases)('reports $path with the value received', async ({ path, body, received }) => {
      const errors = expectValidationProblem(await postRecommendation(app, body));
      expect(errors.find((error) => error.path === path)).toMatchObject({ path, received });
    });
  });

  describe('when a value is out of range or malformed', () => {
    const cases = [
      { path: 'resources.cpu', body: { ...webWorkload(), resources: { cpu: 0.1 } } },
      { path: 'resources.cpu', body: { ...webWorkload(), resources: { cpu: 193 } } },
      { path: 'resources.memoryGiB', body: { ...webWorkload(), resources: { memoryGiB: 2000 } } },
      {
        path: 'resources.targetCpuUtilization',
        body: { ...webWorkload(), resources: { targetCpuUtilization: 95 } },
      },
      { path: 'containerPort', body: { ...webWorkload(), containerPort: 70_000 } },
      { path: 'name', body: { ...webWorkload(), name: 'Orders_API' } },
      { path: 'region', body: { ...webWorkload(), region: 'mars-1' } },
    ];

    it.each(cases)('reports $path', async ({ path, body }) => {
      expect(pathsOf(expectValidationProblem(await postRecommendation(app, body)))).toContain(path);
    });
  });

  describe('when control.capabilities names a capability ECS does not accept', () => {
    it('reports the item by its path, with the names allowed in the message', async () => {
      const body = { ...webWorkload(), control: { capabilities: ['NET_ADMIN', 'CAP_SYS_ADMIN'] } };
      const errors = expectValidationProblem(await postRecommendation(app, body));
      const error = errors.find((entry) => entry.path === 'control.capabilities.1');
      expect(error?.received).toBe('CAP_SYS_ADMIN');
      expect(error?.message).toMatch(/NET_ADMIN, NET_BIND_SERVICE/);
    });
  });

  describe('when control.capabilities names a capability twice', () => {
    it('reports control.capabilities', async () => {
      const body = { ...webWorkload(), control: { capabilities: ['NET_RAW', 'NET_RAW'] } };
      const errors = expectValidationProblem(await postRecommendation(app, body));
      expect(errors.find((entry) => entry.path === 'control.capabilities')?.message).toMatch(/once/);
    });
  });

  describe('when workloadType is missing', () => {
    it('reports workloadType', async () => {
      const errors = expectValidationProblem(await postRecommendation(app, { name: 'orders-api' }));
      expect(pathsOf(errors)).toContain('workloadType');
    });
  });

  describe('when the body has several problems', () => {
    it('reports all of them at once, not only the first', async () => {
      const body = {
        workloadType: 'web',
        colour: 'blue',
        traffic: { protocol: 'quic' },
        resources: { cpu: 'two' },
        control: { gpu: 'yes' },
      };
      const errors = expectValidationProblem(await postRecommendation(app, body));
      expect(errors.length).toBeGreaterThanOrEqual(4);
      expect(pathsOf(errors)).toEqual(
        expect.arrayContaining(['colour', 'traffic.protocol', 'resources.cpu', 'control.gpu']),
      );
    });

    it('reports field problems and cross-field problems together', async () => {
      const body = {
        workloadType: 'worker',
        traffic: { protocol: 'udp' },
        resources: { cpu: 'two', minTasks: 5, maxTasks: 2 },
      };
      const errors = expectValidationProblem(await postRecommendation(app, body));
      expect(pathsOf(errors)).toEqual(
        expect.arrayContaining(['traffic.protocol', 'resources.cpu', 'resources.maxTasks']),
      );
    });
  });

  describe('when a cross-field rule is broken', () => {
    const cases = [
      {
        given: 'a protocol on a worker',
        body: { ...workerWorkload(), traffic: { protocol: 'http' } },
        want: 'traffic.protocol',
      },
      {
        given: 'an exposure on a batch job',
        body: { ...batchWorkload(), traffic: { exposure: 'private' } },
        want: 'traffic.exposure',
      },
      {
        given: 'a container port on a worker',
        body: { ...workerWorkload(), containerPort: 8080 },
        want: 'containerPort',
      },
      {
        given: 'a health-check path on a batch job',
        body: { ...batchWorkload(), healthCheckPath: '/health' },
        want: 'healthCheckPath',
      },
      {
        given: 'a health-check port on a worker',
        body: { ...workerWorkload(), traffic: { healthCheckPort: 8081 } },
        want: 'traffic.healthCheckPort',
      },
      {
        given: 'sticky sessions on a batch job',
        body: { ...batchWorkload(), traffic: { stickySessions: true } },
        want: 'traffic.stickySessions',
      },
      {
        given: 'TLS terminated by a service that speaks plain HTTP',
        body: { ...webWorkload(), traffic: { protocol: 'http', tlsTermination: 'service' } },
        want: 'traffic.tlsTermination',
      },
      {
        given: 'TLS terminated by a service whose protocol is left to its default (http)',
        body: { ...webWorkload(), traffic: { tlsTermination: 'service' } },
        want: 'traffic.tlsTermination',
      },
      {
        given: 'a trigger on a web workload',
        body: { ...webWorkload(), trigger: { type: 'manual' } },
        want: 'trigger',
      },
      {
        given: 'a schedule without an expression',
        body: { ...batchWorkload(), trigger: { type: 'schedule' } },
        want: 'trigger.expression',
      },
      {
        given: 'a rate whose unit is plural for one (EventBridge refuses it)',
        body: { ...batchWorkload(), trigger: { type: 'schedule', expression: 'rate(1 hours)' } },
        want: 'trigger.expression',
      },
      {
        given: 'a rate whose unit is singular for more than one (EventBridge refuses it)',
        body: { ...batchWorkload(), trigger: { type: 'schedule', expression: 'rate(2 hour)' } },
        want: 'trigger.expression',
      },
      {
        given: 'a cron with both day-of-month and day-of-week',
        body: { ...batchWorkload(), trigger: { type: 'schedule', expression: 'cron(0 2 * * MON *)' } },
        want: 'trigger.expression',
      },
      {
        given: 'an S3 trigger without a bucket',
        body: { ...workerWorkload(), trigger: { type: 's3-object-created' } },
        want: 'trigger.bucket',
      },
      {
        given: 'a field of another trigger type',
        body: { ...workerWorkload(), trigger: { type: 'sqs', expression: 'rate(1 hour)' } },
        want: 'trigger.expression',
      },
      {
        given: 'a run length on a web service',
        body: { ...webWorkload(), resources: { expectedRunMinutes: 10 } },
        want: 'resources.expectedRunMinutes',
      },
      {
        given: 'a run length on a queue worker',
        body: { ...workerWorkload(), resources: { expectedRunMinutes: 10 } },
        want: 'resources.expectedRunMinutes',
      },
      {
        given: 'a batch job with no trigger at all (trigger none)',
        body: { ...batchWorkload(), trigger: { type: 'none' } },
        want: 'trigger.type',
      },
      {
        given: 'a queue name on a worker with trigger none',
        body: { ...workerWorkload(), trigger: { type: 'none', queueName: 'jobs' } },
        want: 'trigger.queueName',
      },
      {
        given: 'Linux capabilities on a Windows container',
        body: { ...webWorkload(), control: { os: 'windows', capabilities: ['NET_ADMIN'] } },
        want: 'control.capabilities',
      },
      {
        given: 'maxTasks below minTasks',
        body: { ...webWorkload(), resources: { minTasks: 5, maxTasks: 3 } },
        want: 'resources.maxTasks',
      },
      {
        given: 'minTasks above the default maxTasks',
        body: { ...webWorkload(), resources: { minTasks: 11 } },
        want: 'resources.minTasks',
      },
      {
        given: 'an awsAccess ARN of another service',
        body: {
          ...webWorkload(),
          awsAccess: [
            { service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'read' },
            { service: 's3', resource: 'arn:aws:sqs:us-east-1:123456789012:orders', access: 'read' },
          ],
        },
        want: 'awsAccess.1.resource',
      },
      {
        given: 'a secret named twice',
        body: { ...webWorkload(), secrets: [{ name: 'DB_PASSWORD' }, { name: 'DB_PASSWORD' }] },
        want: 'secrets.1.name',
      },
      {
        given: 'a secret that is also a plain variable',
        body: { ...webWorkload(), environment: { API_TOKEN: 'x' }, secrets: [{ name: 'API_TOKEN' }] },
        want: 'secrets.0.name',
      },
    ];

    it.each(cases)('reports $want, given $given', async ({ body, want }) => {
      expect(pathsOf(expectValidationProblem(await postRecommendation(app, body)))).toContain(want);
    });
  });

  describe('when environment or secrets are malformed', () => {
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, index) => [`VAR_${index}`, 'x']));
    const cases = [
      {
        given: 'a name starting with a digit',
        body: { environment: { '1ST': 'x' } },
        want: 'environment.1ST',
      },
      {
        given: 'a name with a hyphen',
        body: { environment: { 'LOG-LEVEL': 'x' } },
        want: 'environment.LOG-LEVEL',
      },
      {
        given: 'a value that is not a string',
        body: { environment: { PORT: 8080 } },
        want: 'environment.PORT',
      },
      {
        given: 'a value over 4,096 characters',
        body: { environment: { BLOB: 'x'.repeat(4097) } },
        want: 'environment.BLOB',
      },
      { given: 'more than 100 variables', body: { environment: tooMany }, want: 'environment' },
      {
        given: 'a secret name with a space',
        body: { secrets: [{ name: 'DB PASSWORD' }] },
        want: 'secrets.0.name',
      },
      {
        given: 'a secret with a value',
        body: { secrets: [{ name: 'DB_PASSWORD', value: 'x' }] },
        want: 'secrets.0.value',
      },
      {
        given: 'QUEUE_NAME on a queue worker, which the starter sets',
        body: { workloadType: 'worker', environment: { QUEUE_NAME: 'other' } },
        want: 'environment.QUEUE_NAME',
      },
    ];

    it.each(cases)('reports $want, given $given', async ({ body, want }) => {
      expect(
        pathsOf(expectValidationProblem(await postRecommendation(app, { ...webWorkload(), ...body }))),
      ).toContain(want);
    });

    it('never echoes the value of a variable it rejects', async () => {
      const password = `hunter2-${'x'.repeat(4100)}`;
      const response = await postRecommendation(app, {
        ...webWorkload(),
        environment: { DB_PASSWORD: password },
      });
      const errors = expectValidationProblem(response);
      expect(pathsOf(errors)).toContain('environment.DB_PASSWORD');
      expect(response.text).not.toContain('hunter2');
    });
  });

  describe('when environment holds secret-looking variables', () => {
    it('answers 200, moves them to secrets without their values, and warns naming each variable', async () => {
      const response = await postRecommendation(app, {
        ...webWorkload(),
        environment: {
          LOG_LEVEL: 'debug',
          DB_PASSWORD: 'hunter2',
          CACHE_URL: 'redis://app:swordfish@cache:6379',
        },
      });
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('hunter2');
      expect(response.text).not.toContain('swordfish');
      const answer = jsonOf(response) as { workload: Record<string, unknown>; warnings: string[] };
      expect(answer.workload.environment).toEqual({ LOG_LEVEL: 'debug' });
      expect(answer.workload.secrets).toEqual([{ name: 'DB_PASSWORD' }, { name: 'CACHE_URL' }]);
      expect(answer.warnings).toEqual(
        expect.arrayContaining([
          expect.stringContaining('DB_PASSWORD is named like a secret'),
          expect.stringContaining('CACHE_URL holds a URL with a password in it'),
        ]),
      );
    });
  });

  describe('when the body is not a JSON object', () => {
    const cases = [
      { given: 'malformed JSON', text: '{"workloadType": "web",' },
      { given: 'a truncated string', text: '{"workloadType": "web' },
      { given: 'an empty body', text: '' },
      { given: 'a JSON array', text: '[{"workloadType": "web"}]' },
      { given: 'a JSON string', text: '"web"' },
      { given: 'a JSON number', text: '42' },
      { given: 'JSON null', text: 'null' },
      { given: 'JSON true', text: 'true' },
    ];

    it.each(cases)('answers 400 with an error on the body itself, given $given', async ({ text }) => {
      const errors = expectValidationProblem(await postRaw(app, text));
      expect(pathsOf(errors)).toEqual(['']);
    });
  });

  describe('when an unknown field holds deeply nested JSON', () => {
    // Deep nesting fits easily under the body limit (5,000 levels are 10 kB); the echo of what was
    // received must stay bounded so that serializing it cannot overflow.
    it('still answers 400, not 500', async () => {
      const depth = 5000;
      expectValidationProblem(await postRaw(app, `${'['.repeat(depth)}${']'.repeat(depth)}`));
    });

    it('answers 400 for nesting a thousand levels deep', async () => {
      const depth = 1000;
      const text = `{"workloadType":"web","extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
      expect(pathsOf(expectValidationProblem(await postRaw(app, text)))).toContain('extra');
    });
  });

  describe('when the echo of a received value would be large', () => {
    it('describes a deeply nested value instead of echoing it', async () => {
      const depth = 50;
      const text = `{"workloadType":"web","extra":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const errors = expectValidationProblem(await postRaw(app, text));
      expect(errors.find((error) => error.path === 'extra')?.received).toBe(
        '(an array of 1 item, too large to echo)',
      );
    });

    it('cuts a very long string and says how long it was', async () => {
      const errors = expectValidationProblem(
        await postRecommendation(app, { ...webWorkload(), name: 'a'.repeat(2000) }),
      );
      expect(errors.find((error) => error.path === 'name')?.received).toMatch(/… \(2000 characters\)$/);
    });

    it('echoes a number too large for JSON as text rather than null', async () => {
      const errors = expectValidationProblem(
        await postRaw(app, '{"workloadType":"web","traffic":{"requestsPerSecond":1e400}}'),
      );
      expect(errors.find((error) => error.path === 'traffic.requestsPerSecond')?.received).toBe('Infinity');
    });
  });

  describe('when the body is empty', () => {
    it('says that workloadType is required and lists the values allowed', async () => {
      const errors = expectValidationProblem(await postRecommendation(app, {}));
      const error = errors.find((entry) => entry.path === 'workloadType');
      expect(error?.message).toMatch(/^is required/);
      expect(error?.allowed).toEqual(['web', 'worker', 'batch']);
    });
  });
});
