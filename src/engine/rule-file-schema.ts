import { z } from 'zod';

/** The facts a rule may read. Facts are code (src/engine/facts.ts); rules are data. */
export const FACT_NAMES = ['workload', 'platform', 'taskSize', 'runtime', 'cost'] as const;
export type FactName = (typeof FACT_NAMES)[number];

/** Only plain dotted JSONPath is allowed, so paths resolve fast and predictably. */
const FACT_PATH = /^\$(\.[A-Za-z][A-Za-z0-9_-]*)+$/;

const factReference = z.strictObject({
  fact: z.enum(FACT_NAMES),
  path: z.string().regex(FACT_PATH, 'must be a dotted path such as $.control.gpu'),
});

const OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

const condition = z.strictObject({
  fact: z.enum(FACT_NAMES),
  path: z.string().regex(FACT_PATH, 'must be a dotted path such as $.control.gpu'),
  operator: z.enum(OPERATORS),
  value: z.union([factReference, jsonValue]),
});

type ConditionTree = { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode };
type ConditionNode = z.output<typeof condition> | ConditionTree;

const conditionTree: z.ZodType<ConditionTree> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(conditionNode) }),
    z.strictObject({ any: z.array(conditionNode).min(1) }),
    z.strictObject({ not: conditionNode }),
  ]),
);
const conditionNode: z.ZodType<ConditionNode> = z.lazy(() => z.union([condition, conditionTree]));

/** A value in event params: literal data, a reference to a fact, or a string with {{fact.path}} placeholders. */
const valueOrFact = <T extends z.ZodType>(schema: T) => z.union([factReference, schema]);

const text = z.string().min(1);
const listener = z.strictObject({
  protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'UDP', 'TLS', 'TCP_UDP']),
  port: valueOrFact(z.int().min(1).max(65_535)),
  action: z.enum(['forward', 'redirect-to-https']),
});
const iamRole = z.strictObject({
  name: text,
  trustedService: text,
  managedPolicyArns: z.array(z.string().startsWith('arn:aws:iam::aws:policy/')),
  statements: z.array(jsonValue),
  description: text,
});
const iamStatement = z.strictObject({
  effect: z.enum(['Allow', 'Deny']),
  actions: z.array(text).min(1),
  resources: z.array(text).min(1),
});
const IAM_SLOTS = ['executionRole', 'taskRole', 'infrastructureRole', 'nodeRole', 'clusterRole'] as const;
/**
 * What a designed statement's resources are, when the starter configuration creates them: the queue the
 * workload consumes, the objects of the bucket that triggers it, or its EFS file system. The generators link
 * such a statement to the resource they create instead of recognising its ARN text.
 */
export const STATEMENT_RESOURCE_REFS = ['workload-queue', 'trigger-bucket-objects', 'file-system'] as const;
export type StatementResourceRef = (typeof STATEMENT_RESOURCE_REFS)[number];

/** Every event type a rule may emit, with the shape of its params. */
export const eventSchemas = {
  blocker: z.strictObject({
    message: text,
    fields: z.array(text).min(1),
    changeable: z.boolean().optional(),
  }),
  score: z.strictObject({
    points: z
      .int()
      .min(-50)
      .max(50)
      .refine((points) => points !== 0, 'must not be 0'),
    reason: text,
  }),
  warning: z.strictObject({ message: text }),
  note: z.strictObject({ message: text }),
  'load-balancer': z.strictObject({
    type: z.enum(['alb', 'nlb', 'none', 'built-in']),
    listeners: z.array(listener),
    targetGroup: z.record(z.string(), jsonValue).optional(),
    reason: text,
  }),
  'load-balancer-scheme': z.strictObject({ scheme: z.enum(['internet-facing', 'internal']), reason: text }),
  storage: z.strictObject({
    type: z.enum(['none', 'efs', 'ebs', 'fsx-windows', 'fsx-lustre']),
    sizeGiB: valueOrFact(z.int().positive()).optional(),
    mountPath: text.optional(),
    details: z.record(z.string(), jsonValue).optional(),
    reason: text,
  }),
  'scaling-policy': z.strictObject({
    policy: z.looseObject({
      type: z.enum([
        'target-tracking',
        'sqs-backlog-per-task',
        'capacity-provider-managed-scaling',
        'horizontal-pod-autoscaler',
        'node-autoscaler',
        'app-runner-concurrency',
        'run-per-trigger',
      ]),
      description: text,
    }),
  }),
  capacity: z.strictObject({
    capacityProviderStrategy: z
      .array(
        z.strictObject({
          capacityProvider: text,
          weight: z.int().min(0).max(1000),
          base: z.int().min(0).max(100_000),
        }),
      )
      .optional(),
    instanceMarket: factReference.optional(),
  }),
  trigger: z.strictObject({
    trigger: z.looseObject({
      type: z.enum(['eventbridge-schedule', 'eventbridge-rule', 'sqs-queue', 'kubernetes-cronjob']),
      description: text,
    }),
  }),
  'monitoring-rule': z.strictObject({
    rule: z.strictObject({
      type: z.literal('eventbridge-rule'),
      name: text,
      pattern: z.record(z.string(), jsonValue),
      target: text,
      description: text,
    }),
  }),
  'iam-role': z.strictObject({
    slot: z.enum(IAM_SLOTS),
    grantsFromAwsAccess: z.boolean().optional(),
    role: iamRole,
  }),
  'iam-statement': z.strictObject({
    slot: z.enum(IAM_SLOTS),
    statement: iamStatement,
    resourceRef: z.enum(STATEMENT_RESOURCE_REFS).optional(),
  }),
  registry: z.strictObject({
    repositoryName: text,
    imageScanOnPush: z.boolean(),
    imageTagMutability: z.enum(['MUTABLE', 'IMMUTABLE']),
    lifecyclePolicy: z.strictObject({
      keepLastImages: z.int().positive(),
      expireUntaggedAfterDays: z.int().positive(),
    }),
  }),
} as const;

export type EventType = keyof typeof eventSchemas;
export const EVENT_TYPES = Object.keys(eventSchemas) as EventType[];

export const ruleSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
  priority: z.int().min(1).max(100),
  description: z
    .string()
    .regex(/^[A-Z].*\.$/, 'must be one sentence starting with a capital letter and ending with a full stop')
    .refine(
      (value) => !/\.\s+[A-Z]/.test(value.replace(/\b(e\.g|i\.e|etc)\./g, '')),
      'must be a single sentence',
    ),
  source: z.string().min(3),
  conditions: conditionTree,
  event: z.strictObject({
    type: z.enum(EVENT_TYPES as [EventType, ...EventType[]]),
    params: z.record(z.string(), z.unknown()),
  }),
});

export const ruleFileSchema = z.strictObject({
  group: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  description: z.string().min(10),
  rules: z.array(ruleSchema).min(1),
});

export const manifestSchema = z.strictObject({
  description: z.string(),
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}\.\d+$/),
  scoring: z.strictObject({ base: z.int(), min: z.int(), max: z.int() }),
  catalogue: z.strictObject({
    platforms: z.string(),
    taskSizes: z.string(),
    awsAccessActions: z.string(),
    prices: z
      .record(z.string(), z.string())
      .refine((prices) => 'us-east-1' in prices, 'must include us-east-1, the fallback'),
    costModel: z.string(),
    instanceTypes: z.string(),
  }),
  engines: z.strictObject({
    'platform-fit': z.array(z.string()).min(1),
    'cost-fit': z.array(z.string()).min(1),
    design: z.array(z.string()).min(1),
  }),
});

export type RuleDefinition = z.output<typeof ruleSchema>;
export type RuleFile = z.output<typeof ruleFileSchema>;
export type Manifest = z.output<typeof manifestSchema>;
export type EngineName = keyof Manifest['engines'];

/** The event types each engine may emit: platform-fit rules judge a platform, design rules shape the answer. */
export const EVENT_TYPES_BY_ENGINE: Record<EngineName, readonly EventType[]> = {
  'platform-fit': ['blocker', 'score', 'warning', 'note'],
  'cost-fit': ['score', 'warning', 'note'],
  design: [
    'load-balancer',
    'load-balancer-scheme',
    'storage',
    'scaling-policy',
    'capacity',
    'trigger',
    'monitoring-rule',
    'iam-role',
    'iam-statement',
    'registry',
    'warning',
    'note',
  ],
};
