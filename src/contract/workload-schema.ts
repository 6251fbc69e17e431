import { z } from 'zod';

/**
 * The workload a client describes, validated at the edge. This module is the one place where request
 * defaults live: zod fills the context-free ones, `fillContextualDefaults` the ones that depend on other
 * fields (workload type, protocol, name). `openapi.yaml` documents the same defaults; a test checks that the
 * two agree.
 */

export const WORKLOAD_TYPES = ['web', 'worker', 'batch'] as const;
export const PROTOCOLS = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'] as const;
export const EXPOSURES = ['public', 'private'] as const;
export const TLS_TERMINATIONS = ['load-balancer', 'service'] as const;
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
export const TRIGGER_TYPES = ['schedule', 's3-object-created', 'sqs', 'manual', 'none'] as const;
export const AWS_ACCESS_SERVICES = ['s3', 'sqs', 'dynamodb', 'secretsmanager', 'ssm', 'sns', 'kms'] as const;
export const AWS_ACCESS_LEVELS = ['read', 'write', 'read-write'] as const;
/**
 * The Linux capabilities a container may add: exactly the names the ECS task definition's
 * `linuxParameters.capabilities.add` accepts (API_KernelCapabilities), which Kubernetes'
 * `securityContext.capabilities.add` takes too. openapi.yaml lists them as a pattern rather than an enum
 * so the MCP tool definition, which keeps every enum, stays within its token budget.
 */
export const LINUX_CAPABILITIES = [
  'ALL',
  'AUDIT_CONTROL',
  'AUDIT_WRITE',
  'BLOCK_SUSPEND',
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'IPC_LOCK',
  'IPC_OWNER',
  'KILL',
  'LEASE',
  'LINUX_IMMUTABLE',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'MKNOD',
  'NET_ADMIN',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_RAW',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_CHROOT',
  'SYS_MODULE',
  'SYS_NICE',
  'SYS_PACCT',
  'SYS_PTRACE',
  'SYS_RAWIO',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'SYSLOG',
  'WAKE_ALARM',
] as const;
const LINUX_CAPABILITY_PATTERN = new RegExp(`^(${LINUX_CAPABILITIES.join('|')})$`);

export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const QUEUE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,80}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** POSIX portable environment variable names, as ECS, Kubernetes, App Runner and Batch accept them. */
export const ENVIRONMENT_VARIABLE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const environmentVariableName = z
  .string()
  .max(255)
  .regex(
    ENVIRONMENT_VARIABLE_NAME_PATTERN,
    'must be a letter or underscore, then letters, digits or underscores',
  );
const HEALTH_CHECK_PATH_PATTERN = /^\/[A-Za-z0-9._~/%-]*$/;
/** EventBridge schedule expressions: rate(value unit) or cron(six fields). */
const SCHEDULE_PATTERN =
  /^(rate\(\s*[1-9]\d*\s+(minute|minutes|hour|hours|day|days)\s*\)|cron\(\s*\S+(\s+\S+){5}\s*\))$/;
/** An ARN of any partition, or "*" for every resource. */
const ARN_PATTERN = /^arn:aws[a-z-]*:([a-z0-9-]+):[a-z0-9-]*:(\d{12})?:.+$/;

/** A path every web server answers (nginx returns 200 on `/` and 404 on `/health`). */
export const DEFAULT_HEALTH_CHECK_PATH = '/';
/** The path an ALB gRPC health check calls by default. */
export const DEFAULT_GRPC_HEALTH_CHECK_PATH = '/AWS.ALB/healthcheck';
/** The load balancer terminates TLS unless the service says it does. */
export const DEFAULT_TLS_TERMINATION = 'load-balancer';
/** Stickiness only when asked: it skews load across tasks. */
export const DEFAULT_STICKY_SESSIONS = false;
/** The protocols whose TLS a load balancer can pass through to a service that terminates it. */
export const PASSTHROUGH_PROTOCOLS: readonly (typeof PROTOCOLS)[number][] = ['https', 'tls'];

const traffic = z.strictObject({
  protocol: z.enum(PROTOCOLS).optional(),
  exposure: z.enum(EXPOSURES).optional(),
  pattern: z.enum(TRAFFIC_PATTERNS).default('steady'),
  requestsPerSecond: z.number().min(0).max(10_000_000).optional(),
  tlsTermination: z.enum(TLS_TERMINATIONS).optional(),
  stickySessions: z.boolean().optional(),
  healthCheckPort: z.int().min(1).max(65_535).optional(),
});

const persistence = z.strictObject({
  type: z.enum(PERSISTENCE_TYPES).default('none'),
  sizeGiB: z.int().min(1).max(65_536).default(20),
});

const control = z.strictObject({
  level: z.enum(CONTROL_LEVELS).default('standard'),
  kubernetes: z.enum(KUBERNETES_STANCES).default('no-preference'),
  gpu: z.boolean().default(false),
  privileged: z.boolean().default(false),
  daemons: z.boolean().default(false),
  os: z.enum(OPERATING_SYSTEMS).default('linux'),
  architecture: z.enum(ARCHITECTURES).default('any'),
  capabilities: z
    .array(
      z
        .string()
        .regex(
          LINUX_CAPABILITY_PATTERN,
          `must be a Linux capability as ECS names it: ${LINUX_CAPABILITIES.join(', ')}`,
        ),
    )
    .max(LINUX_CAPABILITIES.length)
    .refine((names) => new Set(names).size === names.length, 'must name each capability once')
    .default([]),
  hostNetwork: z.boolean().default(false),
});

const cost = z.strictObject({
  sensitivity: z.enum(COST_SENSITIVITIES).default('medium'),
  interruptible: z.boolean().default(false),
});

const resources = z.strictObject({
  cpu: z.number().min(0.25).max(192).default(0.5),
  memoryGiB: z.number().min(0.5).max(1536).default(1),
  minTasks: z.int().min(0).max(5000).optional(),
  maxTasks: z.int().min(1).max(5000).default(10),
  targetCpuUtilization: z.int().min(10).max(90).default(50),
  /** No default: only a request that sets it constrains the platforms (each one's limit is a hard requirement). */
  ephemeralStorageGiB: z.int().min(1).max(4096).optional(),
  expectedRunMinutes: z.number().min(1).max(43_800).optional(),
});

const trigger = z.strictObject({
  type: z.enum(TRIGGER_TYPES),
  expression: z
    .string()
    .max(256)
    .regex(SCHEDULE_PATTERN, 'must be rate(N unit) or cron(six fields) in EventBridge syntax')
    .optional(),
  bucket: z
    .string()
    .regex(BUCKET_PATTERN, 'must be an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)')
    .optional(),
  prefix: z
    .string()
    .max(1024)
    .regex(/^[^\s]*$/, 'must not contain white space')
    .optional(),
  queueName: z
    .string()
    .regex(QUEUE_NAME_PATTERN, 'must be 1-80 letters, digits, hyphens or underscores')
    .optional(),
});

const awsAccess = z.strictObject({
  service: z.enum(AWS_ACCESS_SERVICES),
  resource: z
    .string()
    .max(2048)
    .refine(
      (value) => value === '*' || ARN_PATTERN.test(value),
      'must be an ARN (arn:aws:service:region:account:resource) or "*"',
    ),
  access: z.enum(AWS_ACCESS_LEVELS),
});

/** The request body of POST /v1/recommendations, before contextual defaults. */
export const workloadRequestSchema = z.strictObject({
  name: z
    .string()
    .regex(
      NAME_PATTERN,
      'must start with a lowercase letter and hold at most 40 lowercase letters, digits or hyphens',
    )
    .default('app'),
  workloadType: z.enum(WORKLOAD_TYPES),
  traffic: traffic.prefault({}),
  persistence: persistence.prefault({}),
  control: control.prefault({}),
  cost: cost.prefault({}),
  resources: resources.prefault({}),
  trigger: trigger.optional(),
  awsAccess: z.array(awsAccess).max(50).default([]),
  containerPort: z.int().min(1).max(65_535).optional(),
  healthCheckPath: z
    .string()
    .max(1024)
    .regex(HEALTH_CHECK_PATH_PATTERN, 'must be an absolute URL path such as /health')
    .optional(),
  image: z
    .string()
    .min(1)
    .max(1024)
    .regex(/^[^\s]+$/, 'must be an image reference without white space')
    .optional(),
  /** No default: a workload without configuration echoes none. */
  environment: z
    .record(environmentVariableName, z.string().max(4096))
    .refine((variables) => Object.keys(variables).length <= 100, 'must hold at most 100 variables')
    .optional(),
  secrets: z
    .array(z.strictObject({ name: environmentVariableName }))
    .max(100)
    .optional(),
  existingAppRunnerCustomer: z.boolean().default(false),
  region: z
    .string()
    .regex(REGION_PATTERN, 'must be an AWS Region code such as us-east-1')
    .default('us-east-1'),
});

export type ParsedWorkloadRequest = z.output<typeof workloadRequestSchema>;
