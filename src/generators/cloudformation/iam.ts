import { roleDefinition } from '../plan/roles/api-files';
import { literalRole } from '../plan/roles/plan';
import { StarterConfigError } from '../shared/starter-config-error';
import type { IamRole } from '../shared/starter-file';
import { inStackPartition, type TemplateValue } from './intrinsics';
import type { TemplateBuilder, TemplateResource } from './template';

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

/** Pod Identity hands the role session tags, so its principal must also be allowed sts:TagSession. */
const TAG_SESSION_PRINCIPALS = new Set(['pods.eks.amazonaws.com']);

/**
 * The ECS and EKS templates' roles, until their family units render role plans with plan/roles/cloudformation.
 * What the designed statements name by text and the template creates: a designed resource ARN (or one with
 * placeholders, such as the EFS file system's) mapped to the resource's ARN in the stack.
 */
export type ResourceArns = ReadonlyMap<string, TemplateValue>;

export interface RoleOptions {
  /** The trust policy, when it is not the designed service principal (IRSA roles). */
  assumeRolePolicy?: TemplateValue;
  /** Statements beyond the designed ones, naming resources of the stack. */
  extraStatements?: TemplateValue[];
}

/**
 * AWS::IAM::Role for a designed role: its name, trust, AWS managed policies (in the stack's partition) and
 * its inline policy, with every statement resource the stack creates replaced by that resource's ARN. A
 * resource still holding a `<placeholder>` means the stack does not create something the design expects.
 */
function roleResource(
  role: IamRole,
  resourceArns: ResourceArns,
  options: RoleOptions = {},
): TemplateResource {
  if (options.assumeRolePolicy === undefined && !SERVICE_PRINCIPAL.test(role.trustedService)) {
    throw new StarterConfigError(
      `role ${role.name} is trusted by ${role.trustedService}, which the template gives no trust policy for`,
    );
  }
  // The shared definition gives the managed policies and statements; the trust policy is the template's own.
  const definition = roleDefinition(literalRole(`role:${role.name}`, role));
  const statements: TemplateValue[] = [
    ...(definition.Policy?.PolicyDocument.Statement ?? []).map((statement) => ({
      Effect: statement.Effect,
      Action: statement.Action,
      Resource: [statement.Resource ?? []]
        .flat()
        .map((resource) => stackResource(resource, resourceArns, role)),
    })),
    ...(options.extraStatements ?? []),
  ];
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: role.name,
      ...(role.description === undefined ? {} : { Description: role.description }),
      AssumeRolePolicyDocument: options.assumeRolePolicy ?? serviceTrustPolicy(role.trustedService),
      ...(definition.ManagedPolicyArns.length === 0
        ? {}
        : { ManagedPolicyArns: definition.ManagedPolicyArns.map(inStackPartition) }),
      ...(statements.length === 0
        ? {}
        : {
            Policies: [
              { PolicyName: role.name, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
            ],
          }),
    },
  };
}

/** Adds the role under `logicalId` and returns the logical id. */
export function addRole(
  template: TemplateBuilder,
  logicalId: string,
  role: IamRole,
  resourceArns: ResourceArns,
  options: RoleOptions = {},
): string {
  return template.resource(logicalId, roleResource(role, resourceArns, options));
}

function serviceTrustPolicy(service: string): TemplateValue {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: service },
        Action: TAG_SESSION_PRINCIPALS.has(service) ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole',
      },
    ],
  };
}

/** An instance profile carrying the role, for EC2 instances. */
export function instanceProfile(roleLogicalId: string, roleName: string): TemplateResource {
  return {
    Type: 'AWS::IAM::InstanceProfile',
    Properties: { InstanceProfileName: roleName, Roles: [{ Ref: roleLogicalId }] },
  };
}

function stackResource(resource: string, resourceArns: ResourceArns, role: IamRole): TemplateValue {
  const mapped = resourceArns.get(resource);
  if (mapped !== undefined) return mapped;
  if (/<[a-z-]+>/.test(resource)) {
    throw new StarterConfigError(
      `role ${role.name} names ${resource}, which the CloudFormation template does not create`,
    );
  }
  return resource;
}
