import { z } from 'zod';
import { FACT_NAMES, FACT_PATH, factReference, jsonValue } from '../design/events/event-values';
import type { EngineName } from '../design/events/rule-event';
import { EVENT_TYPES } from '../design/rule-events';

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
    type: z.enum(EVENT_TYPES),
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
    managedServices: z.string(),
    architecture: z.string(),
    composeMapping: z.string(),
    secretNames: z.string(),
  }),
  engines: z.strictObject({
    'platform-fit': z.array(z.string()).min(1),
    'cost-fit': z.array(z.string()).min(1),
    design: z.array(z.string()).min(1),
  } satisfies Record<EngineName, z.ZodType>),
});

export type RuleDefinition = z.output<typeof ruleSchema>;
export type RuleFile = z.output<typeof ruleFileSchema>;
export type Manifest = z.output<typeof manifestSchema>;
