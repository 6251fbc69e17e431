import type { AwsAccessActions } from '../catalogue/aws-access-actions';
import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { Workload } from '../contract/workload';
import {
  type DesignDraft,
  emptyDraft,
  type IamSlot,
  IncompleteDesignError,
  type StatementResourceRef,
} from './design-draft';
import { type FiredEvent, foldEvent } from './rule-events';

type Schemas = components['schemas'];

/** The architecture around a platform, assembled from the design rules that fired. */
export interface Design {
  loadBalancer: Schemas['LoadBalancer'];
  storage: Schemas['Storage'];
  scaling: Schemas['Scaling'] & { instanceMarket: 'spot' | 'on-demand' };
  triggers: Schemas['Trigger'][];
  monitoring: Schemas['MonitoringRule'][];
  iam: Schemas['Iam'];
  registry: Schemas['Registry'] & Record<string, unknown>;
  /** AWS Batch only: the compute environment its job queue runs jobs on. */
  computeEnvironment?: Schemas['ComputeEnvironment'];
  /**
   * The role statements whose resources the starter configuration creates, by role slot and position in
   * the role's statements. Kept out of the answer: it lets the generators link those statements to the
   * resources they create.
   */
  statementResources: StatementResource[];
  warnings: string[];
}

/** The sections of a design an answer shows, in the answer's order. */
export type AnsweredDesign = Pick<
  Design,
  | 'loadBalancer'
  | 'storage'
  | 'scaling'
  | 'triggers'
  | 'monitoring'
  | 'iam'
  | 'registry'
  | 'computeEnvironment'
>;

/**
 * The design as the answer shows it: its sections without what only the generators use. One place, so
 * the recommendation and the diagram drawn from the starter configuration say the same.
 */
export function answeredDesign(design: Design): AnsweredDesign {
  return {
    loadBalancer: design.loadBalancer,
    storage: design.storage,
    scaling: design.scaling,
    triggers: design.triggers,
    monitoring: design.monitoring,
    iam: design.iam,
    registry: design.registry,
    ...(design.computeEnvironment === undefined ? {} : { computeEnvironment: design.computeEnvironment }),
  };
}

/** The capacity an answer names: a platform that runs jobs in a compute environment has the one its design chose. */
export function answeredCapacity(platform: Platform, design: Design): Platform['capacity'] {
  return design.computeEnvironment?.capacity ?? platform.capacity;
}

export interface StatementResource {
  slot: IamSlot;
  statementIndex: number;
  resource: StatementResourceRef;
}

/** The facts the design step reads besides the events (the engine's Facts have them all). */
export interface DesignFacts {
  workload: Workload;
  platform: { id: PlatformId };
  runtime: { instanceMarket: 'spot' | 'on-demand' };
}

/**
 * The design step: folds the fired design rules' events into the design, in firing order, then adds the
 * workload's awsAccess and the extra statements to their roles and checks that every required section
 * was decided.
 */
export function designFrom(
  fired: readonly (FiredEvent & { rule: { name: string } })[],
  facts: DesignFacts,
  awsAccessActions: AwsAccessActions,
): Design {
  const { workload } = facts;
  const draft = fired.reduce(
    (design, event) => foldEvent(design, event, { ruleName: event.rule.name, workload }),
    emptyDraft(),
  );
  const roles = { ...draft.roles };
  for (const slot of draft.grantsFromAwsAccess) {
    const role = roles[slot];
    if (role !== undefined)
      roles[slot] = {
        ...role,
        statements: [...role.statements, ...statementsFromAwsAccess(workload, awsAccessActions)],
      };
  }
  const statementResources: StatementResource[] = [];
  for (const { slot, statement, resourceRef } of draft.extraStatements) {
    const role = roles[slot];
    if (role === undefined)
      throw new IncompleteDesignError(`a statement targets IAM role ${slot}, which no rule created`);
    if (resourceRef !== undefined) {
      statementResources.push({ slot, statementIndex: role.statements.length, resource: resourceRef });
    }
    roles[slot] = { ...role, statements: [...role.statements, statement] };
  }
  const { loadBalancer, storage, registry } = draft;
  const { executionRole, taskRole } = roles;
  if (
    loadBalancer === undefined ||
    storage === undefined ||
    registry === undefined ||
    executionRole === undefined ||
    taskRole === undefined
  ) {
    throw new IncompleteDesignError(
      `the design rules left a section undecided for ${facts.platform.id} (load balancer, storage, registry, execution role and task role are required)`,
    );
  }
  return {
    loadBalancer: loadBalancer.type === 'none' ? loadBalancer : withTargetType(loadBalancer, draft),
    storage,
    scaling: {
      minCapacity: Math.max(
        workload.resources.minTasks,
        ...draft.policies.map((policy) => policy.minimumTasks ?? 0),
      ),
      maxCapacity: workload.resources.maxTasks,
      policies: draft.policies,
      ...(draft.capacityProviderStrategy === undefined
        ? {}
        : { capacityProviderStrategy: draft.capacityProviderStrategy }),
      instanceMarket: facts.runtime.instanceMarket,
    },
    triggers: draft.triggers,
    monitoring: draft.monitoring,
    iam: { ...roles, executionRole, taskRole },
    registry,
    ...(draft.computeEnvironment === undefined ? {} : { computeEnvironment: draft.computeEnvironment }),
    statementResources,
    warnings: draft.warnings,
  };
}

/** One statement per awsAccess entry: the smallest action set for its service and access level. */
function statementsFromAwsAccess(
  workload: Workload,
  awsAccessActions: AwsAccessActions,
): Schemas['IamStatement'][] {
  return workload.awsAccess.map((entry) => {
    const levels = awsAccessActions.services[entry.service];
    const actions =
      entry.access === 'read'
        ? levels.read
        : entry.access === 'write'
          ? levels.write
          : [...levels.read, ...levels.write];
    return { effect: 'Allow', actions: [...new Set(actions)], resources: [entry.resource] };
  });
}

/** The load balancer with its scheme, and the target type a rule set where the platform's own cannot serve. */
function withTargetType(loadBalancer: Schemas['LoadBalancer'], draft: DesignDraft): Schemas['LoadBalancer'] {
  const { targetGroup } = loadBalancer;
  return {
    ...loadBalancer,
    scheme: draft.scheme,
    ...(targetGroup === undefined || draft.targetType === undefined
      ? {}
      : { targetGroup: { ...targetGroup, targetType: draft.targetType } }),
  };
}
