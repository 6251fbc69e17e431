import fc from 'fast-check';
import type { WorkloadRequest } from '../../src/contract/workload';

/**
 * Arbitraries of request bodies for POST /v1/recommendations. The enum values and bounds are copied from
 * the contract (docs/api-contract.md), not imported from src/, so a value the server forgot to accept
 * shows up as a failing property instead of silently disappearing from the inputs.
 */

export const WORKLOAD_TYPES = ['web', 'worker', 'batch'] as const;
export const PROTOCOLS = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'] as const;
export const EXPOSURES = ['public', 'private'] as const;
export const TLS_TERMINATIONS = ['load-balancer', 'service'] as const;
/** The protocols whose TLS the service may terminate itself (traffic.tlsTermination: service). */
const PASSTHROUGH_PROTOCOLS: readonly string[] = ['https', 'tls'];
export const TRAFFIC_PATTERNS = ['steady', 'spiky', 'intermittent'] as const;
export const PERSISTENCE_TYPES = [
  'none',
  'shared-file',
  'block',
  'windows-file',
  'high-performance-file',
] as const;
export const CONTROL_LEVELS = ['minimal', 'standard', 'full'] as const;
export const KUBERNETES_STANCES = ['required', 'preferred', 'no-preference', 'avoid'] as const;
export const OPERATING_SYSTEMS = ['linux', 'windows'] as const;
export const ARCHITECTURES = ['x86_64', 'arm64', 'any'] as const;
export const COST_SENSITIVITIES = ['low', 'medium', 'high'] as const;
export const TRIGGER_TYPES = ['schedule', 's3-object-created', 'sqs', 'manual'] as const;
export const AWS_SERVICES = ['s3', 'sqs', 'dynamodb', 'secretsmanager', 'ssm', 'sns', 'kms'] as const;
export const ACCESS_LEVELS = ['read', 'write', 'read-write'] as const;

type AwsService = (typeof AWS_SERVICES)[number];
type WorkloadType = (typeof WORKLOAD_TYPES)[number];

const shortName = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);

/** Realistic task sizes first, then any value in range, so both the Fargate table and its gaps are hit. */
const cpu = fc.oneof(
  fc.constantFrom(0.25, 0.5, 1, 2, 4, 8, 16, 32, 48, 64, 96, 192),
  fc.double({ min: 0.25, max: 192, noNaN: true, noDefaultInfinity: true }),
);
const memoryGiB = fc.oneof(
  fc.constantFrom(0.5, 1, 2, 3, 4, 8, 16, 30, 60, 120, 122, 256, 512, 1536),
  fc.double({ min: 0.5, max: 1536, noNaN: true, noDefaultInfinity: true }),
);

/** minTasks and maxTasks in every combination the contract allows (maxTasks defaults to 10). */
const taskBounds = fc.oneof(
  fc.constant({}),
  fc.record({ minTasks: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ maxTasks: fc.integer({ min: 1, max: 5000 }) }),
  fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
    .map(([a, b]) => ({ minTasks: Math.min(a, b), maxTasks: Math.max(a, b, 1) })),
);

const resources = fc
  .tuple(
    fc.record(
      { cpu, memoryGiB, targetCpuUtilization: fc.integer({ min: 10, max: 90 }) },
      { requiredKeys: [] },
    ),
    taskBounds,
  )
  .map(([sizes, bounds]) => ({ ...sizes, ...bounds }));

const partition = fc.constantFrom('aws', 'aws-cn', 'aws-us-gov');
const account = fc.stringMatching(/^\d{12}$/);
const region = fc.constantFrom('us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-gov-west-1', 'cn-north-1');
const resourceName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);

/** How IAM writes an ARN of each service, given the partition, region, account, a name and a wildcard. */
const ARN_SHAPES: Record<
  AwsService,
  (p: string, r: string, a: string, name: string, star: string) => string
> = {
  s3: (p, _r, _a, name, star) => `arn:${p}:s3:::${name}/${star}`,
  sqs: (p, r, a, name, star) => `arn:${p}:sqs:${r}:${a}:${name}${star}`,
  dynamodb: (p, r, a, name, star) => `arn:${p}:dynamodb:${r}:${a}:table/${name}${star}`,
  secretsmanager: (p, r, a, name, star) => `arn:${p}:secretsmanager:${r}:${a}:secret:${name}-${star}`,
  ssm: (p, r, a, name, star) => `arn:${p}:ssm:${r}:${a}:parameter/${name}${star}`,
  sns: (p, r, a, name) => `arn:${p}:sns:${r}:${a}:${name}`,
  kms: (p, r, a, name) => `arn:${p}:kms:${r}:${a}:key/${name}`,
};

/** An ARN of the given service. */
function arnOf(service: AwsService): fc.Arbitrary<string> {
  return fc
    .record({ partition, account, region, name: resourceName, wildcard: fc.boolean() })
    .map(({ partition, account, region, name, wildcard }) =>
      ARN_SHAPES[service](partition, region, account, name, wildcard ? '*' : ''),
    );
}

export const awsAccessEntry = fc.constantFrom(...AWS_SERVICES).chain((service) =>
  fc.record({
    service: fc.constant(service),
    resource: fc.oneof({ weight: 4, arbitrary: arnOf(service) }, { weight: 1, arbitrary: fc.constant('*') }),
    access: fc.constantFrom(...ACCESS_LEVELS),
  }),
);

/** Expressions EventBridge accepts: a rate's unit agrees in number with its value; one day field is "?". */
const scheduleExpression = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 120 }),
      fc.constantFrom('minute', 'hour', 'day'),
      fc.constantFrom(' ', '  '),
      fc.constantFrom('', ' '),
    )
    .map(
      ([value, unit, gap, padding]) =>
        `rate(${padding}${value}${gap}${unit}${value === 1 ? '' : 's'}${padding})`,
    ),
  fc.constantFrom(
    'cron(0 2 * * ? *)',
    'cron(15 10 ? * MON-FRI *)',
    'cron(0/5 8-17 ? * MON-FRI *)',
    'cron(0 12 1 * ? *)',
    'cron( 30  6 ? * 2 * )',
  ),
);

/** A trigger with exactly the fields its type needs (and optionally the ones it may have). */
export const trigger = fc.oneof(
  fc.record({ type: fc.constant('schedule' as const), expression: scheduleExpression }),
  fc.record(
    {
      type: fc.constant('s3-object-created' as const),
      bucket: fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$/),
      prefix: fc.stringMatching(/^[A-Za-z0-9/_.-]{0,20}$/),
    },
    { requiredKeys: ['type', 'bucket'] },
  ),
  fc.record(
    { type: fc.constant('sqs' as const), queueName: fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/) },
    { requiredKeys: ['type'] },
  ),
  fc.constant({ type: 'manual' as const }),
);

const control = fc.record(
  {
    level: fc.constantFrom(...CONTROL_LEVELS),
    kubernetes: fc.constantFrom(...KUBERNETES_STANCES),
    gpu: fc.boolean(),
    privileged: fc.boolean(),
    daemons: fc.boolean(),
    os: fc.constantFrom(...OPERATING_SYSTEMS),
    architecture: fc.constantFrom(...ARCHITECTURES),
  },
  { requiredKeys: [] },
);

const cost = fc.record(
  { sensitivity: fc.constantFrom(...COST_SENSITIVITIES), interruptible: fc.boolean() },
  { requiredKeys: [] },
);

const persistence = fc.record(
  { type: fc.constantFrom(...PERSISTENCE_TYPES), sizeGiB: fc.integer({ min: 1, max: 65_536 }) },
  { requiredKeys: [] },
);

function traffic(workloadType: WorkloadType) {
  const shared = {
    pattern: fc.constantFrom(...TRAFFIC_PATTERNS),
    requestsPerSecond: fc.oneof(
      fc.integer({ min: 0, max: 100_000 }),
      fc.double({ min: 0, max: 1e6, noNaN: true }),
    ),
  };
  return workloadType === 'web'
    ? fc
        .record(
          {
            ...shared,
            protocol: fc.constantFrom(...PROTOCOLS),
            exposure: fc.constantFrom(...EXPOSURES),
            tlsTermination: fc.constantFrom(...TLS_TERMINATIONS),
            stickySessions: fc.boolean(),
            healthCheckPort: fc.integer({ min: 1, max: 65_535 }),
          },
          { requiredKeys: [] },
        )
        // The service terminates TLS only where there is TLS: https and tls (a 400 otherwise).
        .map(({ tlsTermination, ...rest }) =>
          tlsTermination === 'service' && !PASSTHROUGH_PROTOCOLS.includes(rest.protocol ?? 'http')
            ? rest
            : { ...rest, ...(tlsTermination === undefined ? {} : { tlsTermination }) },
        )
    : fc.record(shared, { requiredKeys: [] });
}

/** Fields every workload type may carry. */
function commonFields(workloadType: WorkloadType) {
  return {
    name: shortName,
    traffic: traffic(workloadType),
    persistence,
    control,
    cost,
    resources,
    awsAccess: fc.array(awsAccessEntry, { maxLength: 3 }),
    image: fc.oneof(
      fc.constantFrom('public.ecr.aws/nginx/nginx:latest', 'ghcr.io/acme/orders:1.2.3'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((value) => !/\s/.test(value)),
    ),
    existingAppRunnerCustomer: fc.boolean(),
    region,
  };
}

const webRequest = fc.record(
  {
    ...commonFields('web'),
    workloadType: fc.constant('web' as const),
    containerPort: fc.integer({ min: 1, max: 65_535 }),
    healthCheckPath: fc.stringMatching(/^\/[A-Za-z0-9._~/%-]{0,30}$/),
  },
  { requiredKeys: ['workloadType'] },
);

function backgroundRequest(workloadType: 'worker' | 'batch') {
  return fc.record(
    { ...commonFields(workloadType), workloadType: fc.constant(workloadType), trigger },
    { requiredKeys: ['workloadType'] },
  );
}

/** Any valid request body: every enum value, every optional field present or absent. */
export const validWorkloadRequest: fc.Arbitrary<WorkloadRequest> = fc.oneof(
  webRequest,
  backgroundRequest('worker'),
  backgroundRequest('batch'),
) as fc.Arbitrary<WorkloadRequest>;

/**
 * Batch jobs that say how long one run takes. Kept apart from validWorkloadRequest so that the behaviour
 * corpus, sampled from it with a fixed seed, stays the same workloads.
 */
export const batchRequestWithRunLength: fc.Arbitrary<WorkloadRequest> = fc
  .tuple(backgroundRequest('batch'), fc.double({ min: 1, max: 43_800, noNaN: true }))
  .map(([body, expectedRunMinutes]) => ({
    ...body,
    resources: { ...body.resources, expectedRunMinutes },
  })) as fc.Arbitrary<WorkloadRequest>;

/**
 * Small stateless Linux web services with few hard requirements: the bodies for which the managed
 * platforms (App Runner, ECS Express Mode) can win, which the fully random bodies above rarely describe.
 */
export const managedWebRequest: fc.Arbitrary<WorkloadRequest> = fc.record(
  {
    workloadType: fc.constant('web' as const),
    traffic: fc.record(
      {
        protocol: fc.constantFrom('http' as const, 'https' as const, 'websocket' as const),
        exposure: fc.constantFrom(...EXPOSURES),
        pattern: fc.constantFrom(...TRAFFIC_PATTERNS),
      },
      { requiredKeys: [] },
    ),
    control: fc.record(
      {
        level: fc.constantFrom('minimal' as const, 'standard' as const),
        kubernetes: fc.constantFrom('no-preference' as const, 'avoid' as const),
        architecture: fc.constantFrom('x86_64' as const, 'any' as const),
      },
      { requiredKeys: [] },
    ),
    cost: cost,
    resources: fc.record(
      { cpu: fc.constantFrom(0.25, 0.5, 1, 2, 4), memoryGiB: fc.constantFrom(0.5, 1, 2, 4, 8, 12) },
      { requiredKeys: [] },
    ),
    awsAccess: fc.array(awsAccessEntry, { maxLength: 2 }),
    existingAppRunnerCustomer: fc.boolean(),
  },
  { requiredKeys: ['workloadType'] },
);

/** The bodies the properties run on: mostly any valid body, sometimes one the managed platforms can win. */
export const workloadRequest: fc.Arbitrary<WorkloadRequest> = fc.oneof(
  { weight: 3, arbitrary: validWorkloadRequest },
  { weight: 1, arbitrary: managedWebRequest },
);

// ------------------------------------------------------------------ invalid bodies

type Json = unknown;

/** A body the API must reject, and the dotted path its 400 must name. */
export interface InvalidBody {
  body: Json;
  path: string;
}

type Mutation = (body: Record<string, unknown>) => fc.Arbitrary<InvalidBody>;

function setAt(body: Record<string, unknown>, path: readonly string[], value: Json): Record<string, unknown> {
  const copy = structuredClone(body);
  let target = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  // defineProperty, so a generated key such as "__proto__" becomes a field instead of a prototype
  Object.defineProperty(target, path[path.length - 1] as string, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

const broken = (body: Record<string, unknown>, path: readonly string[], value: Json): InvalidBody => ({
  body: setAt(body, path, value),
  path: path.join('.'),
});

const notABoolean = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.boolean(), { maxLength: 2 }),
);
const notANumber = fc.oneof(
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.constant({}),
);
const notAString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
const notAnObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]));

const ENUM_FIELDS: [string[], readonly string[]][] = [
  [['workloadType'], WORKLOAD_TYPES],
  [['traffic', 'pattern'], TRAFFIC_PATTERNS],
  [['persistence', 'type'], PERSISTENCE_TYPES],
  [['control', 'level'], CONTROL_LEVELS],
  [['control', 'kubernetes'], KUBERNETES_STANCES],
  [['control', 'os'], OPERATING_SYSTEMS],
  [['control', 'architecture'], ARCHITECTURES],
  [['cost', 'sensitivity'], COST_SENSITIVITIES],
];
const BOOLEAN_FIELDS = [
  ['control', 'gpu'],
  ['control', 'privileged'],
  ['control', 'daemons'],
  ['cost', 'interruptible'],
  ['existingAppRunnerCustomer'],
];
/** Numeric fields: path, minimum, maximum, integer only. */
const NUMBER_RANGES: [string[], number, number, boolean][] = [
  [['resources', 'cpu'], 0.25, 192, false],
  [['resources', 'memoryGiB'], 0.5, 1536, false],
  [['resources', 'targetCpuUtilization'], 10, 90, true],
  [['resources', 'maxTasks'], 1, 5000, true],
  [['resources', 'expectedRunMinutes'], 1, 43_800, false],
  [['persistence', 'sizeGiB'], 1, 65_536, true],
  [['resources', 'ephemeralStorageGiB'], 1, 4096, true],
];
const STRING_FIELDS = [['name'], ['region'], ['image']];
const OBJECT_FIELDS = [['traffic'], ['persistence'], ['control'], ['cost'], ['resources']];
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': [
    'name',
    'workloadType',
    'traffic',
    'persistence',
    'control',
    'cost',
    'resources',
    'trigger',
    'awsAccess',
    'containerPort',
    'healthCheckPath',
    'image',
    'existingAppRunnerCustomer',
    'region',
  ],
  traffic: [
    'protocol',
    'exposure',
    'pattern',
    'requestsPerSecond',
    'tlsTermination',
    'stickySessions',
    'healthCheckPort',
  ],
  persistence: ['type', 'sizeGiB'],
  control: ['level', 'kubernetes', 'gpu', 'privileged', 'daemons', 'os', 'architecture'],
  cost: ['sensitivity', 'interruptible'],
  resources: [
    'cpu',
    'memoryGiB',
    'minTasks',
    'maxTasks',
    'targetCpuUtilization',
    'ephemeralStorageGiB',
    'expectedRunMinutes',
  ],
};

/** JSON nested `depth` levels deep, as arrays or objects. */
export function nested(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 'bottom';
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { deeper: value };
  return value;
}

const mutations: Mutation[] = [
  // a wrong enum value: a near miss, a different case, or any other string
  (body) =>
    fc
      .tuple(
        fc.constantFrom(...ENUM_FIELDS),
        fc.oneof(fc.string(), fc.constantFrom('WEB', 'Linux', 'quic', '')),
      )
      .filter(([[, allowed], value]) => !allowed.includes(value))
      .map(([[path], value]) => broken(body, path, value)),
  // a wrong type for an enum, a boolean, a number, a string or an object
  (body) =>
    fc.tuple(fc.constantFrom(...ENUM_FIELDS), notAString).map(([[path], value]) => broken(body, path, value)),
  (body) =>
    fc
      .tuple(fc.constantFrom(...BOOLEAN_FIELDS), notABoolean)
      .map(([path, value]) => broken(body, path, value)),
  (body) =>
    fc
      .tuple(fc.constantFrom(...NUMBER_RANGES), notANumber)
      .map(([[path], value]) => broken(body, path, value)),
  (body) =>
    fc.tuple(fc.constantFrom(...STRING_FIELDS), notAString).map(([path, value]) => broken(body, path, value)),
  (body) =>
    fc
      .tuple(fc.constantFrom(...OBJECT_FIELDS), notAnObject)
      .map(([path, value]) => broken(body, path, value)),
  // a number out of range, or a fraction where an integer is required
  (body) =>
    fc
      .constantFrom(...NUMBER_RANGES)
      .chain(([path, min, max, integer]) =>
        fc
          .oneof(
            fc.double({ max: min, maxExcluded: true, noNaN: true, noDefaultInfinity: true }),
            fc.double({ min: max, minExcluded: true, noNaN: true, noDefaultInfinity: true }),
            fc.constant(integer ? min + 0.5 : min - 0.01),
          )
          .map((value) => broken(body, path, value)),
      ),
  // an unknown key at the top level or in a nested object, holding any JSON value
  (body) =>
    fc
      .tuple(
        fc.constantFrom(...Object.keys(KNOWN_KEYS)),
        fc.string({ minLength: 1 }),
        fc.jsonValue({ maxDepth: 3 }),
      )
      .filter(([where, key]) => !(KNOWN_KEYS[where] ?? []).includes(key))
      .map(([where, key, value]) => broken(body, where === '' ? [key] : [where, key], value)),
  // an unknown key holding deeply nested JSON
  (body) =>
    fc
      .tuple(fc.integer({ min: 10, max: 400 }), fc.constantFrom('array' as const, 'object' as const))
      .map(([depth, kind]) => broken(body, ['unexpected'], nested(depth, kind))),
  // long strings and unicode where the contract wants a short lowercase name or a region code
  (body) =>
    fc
      .tuple(
        fc.constantFrom(['name'], ['region']),
        fc.oneof(
          fc.string({ unit: 'grapheme', maxLength: 30 }).map((value) => `É${value}`),
          fc.integer({ min: 41, max: 20_000 }).map((length) => 'a'.repeat(length)),
          fc.constantFrom('café', '名前', '🚀-app', 'app\u0000', 'us-east-1\n', ''),
        ),
      )
      .map(([path, value]) => broken(body, path, value)),
  (body) =>
    fc.integer({ min: 1025, max: 20_000 }).map((length) => broken(body, ['image'], 'x'.repeat(length))),
  // a field that belongs to another workload type
  (body) =>
    body.workloadType === 'web'
      ? fc.constant(broken(body, ['trigger'], { type: 'manual' }))
      : fc
          .constantFrom<[string[], Json]>(
            [['traffic', 'protocol'], 'http'],
            [['traffic', 'exposure'], 'public'],
            [['traffic', 'stickySessions'], true],
            [['traffic', 'healthCheckPort'], 8081],
            [['containerPort'], 8080],
            [['healthCheckPath'], '/health'],
          )
          .map(([path, value]) => broken(body, path, value)),
  // maxTasks below minTasks
  (body) =>
    fc.integer({ min: 2, max: 5000 }).chain((minTasks) =>
      fc.integer({ min: 1, max: minTasks - 1 }).map((maxTasks) => ({
        body: setAt(setAt(body, ['resources', 'minTasks'], minTasks), ['resources', 'maxTasks'], maxTasks),
        path: 'resources.maxTasks',
      })),
    ),
  // an awsAccess entry whose ARN names another service
  (body) =>
    fc
      .tuple(fc.constantFrom(...AWS_SERVICES), fc.constantFrom(...AWS_SERVICES))
      .filter(([service, other]) => service !== other)
      .chain(([service, other]) =>
        arnOf(other).map((resource) => broken(body, ['awsAccess'], [{ service, resource, access: 'read' }])),
      )
      .map(({ body: changed }) => ({ body: changed, path: 'awsAccess.0.resource' })),
];

/** A valid body with exactly one thing made invalid, and the path the 400 must name. */
export const mutatedWorkloadRequest: fc.Arbitrary<InvalidBody> = fc
  .tuple(validWorkloadRequest, fc.integer({ min: 0, max: mutations.length - 1 }))
  .chain(([body, index]) => (mutations[index] as Mutation)(body as unknown as Record<string, unknown>));

/** Any JSON value that is not an object with a workloadType: the 400 names the body or workloadType. */
export const randomJsonBody: fc.Arbitrary<InvalidBody> = fc
  .jsonValue()
  .filter(
    (value) =>
      !(typeof value === 'object' && value !== null && !Array.isArray(value) && 'workloadType' in value),
  )
  .map((value) => ({
    body: value,
    path: typeof value === 'object' && value !== null && !Array.isArray(value) ? 'workloadType' : '',
  }));

/** Bodies the API must answer with a 400: random JSON, and valid bodies with one thing broken. */
export const invalidRequestBody: fc.Arbitrary<InvalidBody> = fc.oneof(
  { weight: 1, arbitrary: randomJsonBody },
  { weight: 4, arbitrary: mutatedWorkloadRequest },
);
