import type { components } from '../contract/generated/openapi-types';

type Schemas = components['schemas'];
export type IamSlot = keyof Schemas['Iam'];

/** The IAM roles a design may fill, by their field in the answer's `iam`. */
export const IAM_SLOTS = [
  'executionRole',
  'taskRole',
  'infrastructureRole',
  'nodeRole',
  'clusterRole',
] as const satisfies readonly IamSlot[];

/**
 * What a designed statement's resources are, when the starter configuration creates them: the queue the
 * workload consumes, the objects of the bucket that triggers it, its EFS file system, or the FSx credentials
 * secret (which the stack takes as a parameter), or the secrets of the container's variables (`secrets`). The generators link
 * such a statement to the resource they create instead of recognising its ARN text.
 */
export const STATEMENT_RESOURCE_REFS = [
  'workload-queue',
  'trigger-bucket-objects',
  'file-system',
  'fsx-credentials-secret',
  'workload-secrets',
] as const;
export type StatementResourceRef = (typeof STATEMENT_RESOURCE_REFS)[number];

/** The design as the design rules' events build it, in the order the rules fired; design.ts finishes it. */
export interface DesignDraft {
  loadBalancer?: Schemas['LoadBalancer'];
  scheme: Schemas['LoadBalancerScheme'];
  /** Set by a rule only where the platform's own target type cannot reach the tasks (the host's network). */
  targetType?: Schemas['TargetType'];
  storage?: Schemas['Storage'];
  registry?: Schemas['Registry'];
  policies: Schemas['ScalingPolicy'][];
  capacityProviderStrategy?: Schemas['CapacityProviderStrategyItem'][];
  /** AWS Batch only: the compute environment its job queue runs jobs on. */
  computeEnvironment?: Schemas['ComputeEnvironment'];
  triggers: Schemas['Trigger'][];
  monitoring: Schemas['MonitoringRule'][];
  roles: Partial<Record<IamSlot, Schemas['IamRole']>>;
  /** The roles whose statements also grant the workload's awsAccess. */
  grantsFromAwsAccess: IamSlot[];
  /** Statements for roles that another rule creates, added once every role is known. */
  extraStatements: {
    slot: IamSlot;
    statement: Schemas['IamStatement'];
    /** Set when the statement grants access to a resource the starter configuration creates. */
    resourceRef?: StatementResourceRef;
  }[];
  warnings: string[];
}

/** Before any design rule fired: internet-facing unless a rule says otherwise, everything else undecided. */
export function emptyDraft(): DesignDraft {
  return {
    scheme: 'internet-facing',
    policies: [],
    triggers: [],
    monitoring: [],
    roles: {},
    grantsFromAwsAccess: [],
    extraStatements: [],
    warnings: [],
  };
}

/** A design rule set that leaves a section undecided, or decides one twice, is a bug in the rules, found by the tests. */
export class IncompleteDesignError extends Error {
  override name = 'IncompleteDesignError';
}
