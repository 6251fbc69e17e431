import type { components } from '../../../contract/generated/openapi-types';
import type { StatementResource } from '../../../design/design';
import type { StatementResourceRef } from '../../../design/design-draft';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { IamRole, StarterConfigInput } from '../../shared/starter-file';
import { type PlanValue, type Reference, type ResourceKey, reference } from '../reference';

type Iam = components['schemas']['Iam'];
export type IamSlot = keyof Iam;

/** Who may assume a role: an AWS service, or a Kubernetes service account through the cluster's OIDC provider. */
export type RoleTrust =
  | {
      kind: 'service';
      service: string;
      /** The STS actions the service may call when it needs more than sts:AssumeRole (the design's trustActions). */
      actions?: string[];
    }
  | { kind: 'service-account'; namespace: string; name: string };

export interface StatementPlan {
  effect: 'Allow' | 'Deny';
  actions: string[];
  resources: PlanValue[];
}

/** One IAM role: its name, trust, AWS managed policies and inline statements. */
export interface RolePlan {
  key: ResourceKey;
  name: string;
  description?: string;
  trust: RoleTrust;
  managedPolicyArns: string[];
  statements: StatementPlan[];
}

/** The slots in a fixed order, so iam/roles.json lists roles the same way every time. */
export const ROLE_SLOTS = [
  'clusterRole',
  'executionRole',
  'taskRole',
  'infrastructureRole',
  'nodeRole',
] as const;

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

export function roleKey(slot: IamSlot): ResourceKey {
  return `role:${slot}`;
}

/**
 * The designed roles in slot order. A statement the design marks as granting access to something the
 * family creates (`creates`) gets references to that resource instead of its designed ARN text; a role
 * whose trust is not a service principal is an IRSA pod role, trusted through the service account given.
 */
export function designedRoles(
  input: StarterConfigInput,
  creates: ReadonlySet<StatementResourceRef>,
  serviceAccount: { namespace: string; name: string },
): RolePlan[] {
  const { iam, statementResources } = input.design;
  return ROLE_SLOTS.flatMap((slot) => {
    const role = iam[slot];
    if (role === undefined) return [];
    const linked = statementResources.filter(
      (candidate) => candidate.slot === slot && creates.has(candidate.resource),
    );
    return [
      rolePlan(roleKey(slot), role, serviceAccount, (index, resource) => {
        const link = linked.find((candidate) => candidate.statementIndex === index);
        return link === undefined ? resource : statementReference(input, link, resource);
      }),
    ];
  });
}

/**
 * A role whose statements name their resources by text: a role the family adds beyond the designed ones
 * (for example the role a scheduler runs tasks with), or a designed one a family not yet migrated renders.
 */
export function literalRole(
  key: ResourceKey,
  role: IamRole,
  serviceAccount: { namespace: string; name: string } = { namespace: role.name, name: role.name },
): RolePlan {
  return rolePlan(key, role, serviceAccount, (_, resource) => resource);
}

function rolePlan(
  key: ResourceKey,
  role: IamRole,
  serviceAccount: { namespace: string; name: string },
  resourceOf: (statementIndex: number, resource: string) => PlanValue,
): RolePlan {
  return {
    key,
    name: role.name,
    ...(role.description === undefined ? {} : { description: role.description }),
    trust: SERVICE_PRINCIPAL.test(role.trustedService)
      ? {
          kind: 'service',
          service: role.trustedService,
          ...(role.trustActions === undefined ? {} : { actions: [...role.trustActions] }),
        }
      : { kind: 'service-account', ...serviceAccount },
    managedPolicyArns: [...role.managedPolicyArns],
    statements: role.statements.map((statement, index) => ({
      effect: statement.effect,
      actions: [...statement.actions],
      resources: statement.resources.map((resource) => resourceOf(index, resource)),
    })),
  };
}

/** The designed ARN text stays the API files' value; the link says which created resource it is. */
function statementReference(
  input: StarterConfigInput,
  link: StatementResource,
  designedArn: string,
): Reference {
  switch (link.resource) {
    case 'workload-queue':
      return reference('workload-queue', 'arn', designedArn);
    case 'file-system':
      return reference('file-system', 'arn', designedArn);
    case 'fsx-credentials-secret':
      return reference('fsx-credentials-secret', 'arn', designedArn);
    case 'workload-secrets':
      return reference('workload-secrets', 'arn', designedArn);
    case 'trigger-bucket-objects':
      return reference('trigger-bucket', 'arn', designedArn, `/${input.workload.trigger?.prefix ?? ''}*`);
  }
}

/** The role a reference points at, for the renderer that creates it under its own logical id. */
export function roleIn(roles: readonly RolePlan[], key: ResourceKey): RolePlan {
  const role = roles.find((candidate) => candidate.key === key);
  if (role === undefined) throw new StarterConfigError(`the plan has no role ${key}`);
  return role;
}
