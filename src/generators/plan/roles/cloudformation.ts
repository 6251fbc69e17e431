import { getAtt, inStackPartition, type TemplateValue } from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { StackReferences } from '../stack-references';
import { serviceTrustActions } from './api-files';
import type { RolePlan, RoleTrust } from './plan';

export interface RoleOptions {
  /** The trust policy, when the role is not trusted by a service principal (IRSA roles need the cluster's issuer). */
  assumeRolePolicy?: TemplateValue;
  /** Statements beyond the planned ones, naming resources of the stack. */
  extraStatements?: TemplateValue[];
}

/**
 * AWS::IAM::Role for a planned role under `logicalId`: its name, trust, AWS managed policies (in the stack's
 * partition) and inline policy, references resolved to the stack's resources. Other roles can then refer
 * to its ARN; returns the logical id. Designed text still holding a `<placeholder>` means the stack does not
 * create something the role names, so it throws.
 */
export function addRole(
  template: TemplateBuilder,
  references: StackReferences,
  logicalId: string,
  role: RolePlan,
  options: RoleOptions = {},
): string {
  const trustPolicy =
    options.assumeRolePolicy ?? (role.trust.kind === 'service' ? serviceTrustPolicy(role.trust) : undefined);
  if (trustPolicy === undefined) {
    throw new StarterConfigError(
      `role ${role.name} is trusted by a service account, which the template gives no trust policy for`,
    );
  }
  const statements: TemplateValue[] = [
    ...role.statements.map((statement) => ({
      Effect: statement.effect,
      Action: [...statement.actions],
      Resource: statement.resources.map((resource) => {
        if (typeof resource === 'string' && /<[a-z-]+>/.test(resource)) {
          throw new StarterConfigError(
            `role ${role.name} names ${resource}, which the CloudFormation template does not create`,
          );
        }
        return references.value(resource);
      }),
    })),
    ...(options.extraStatements ?? []),
  ];
  template.resource(logicalId, {
    Type: 'AWS::IAM::Role',
    Properties: {
      RoleName: role.name,
      ...(role.description === undefined ? {} : { Description: role.description }),
      AssumeRolePolicyDocument: trustPolicy,
      ...(role.managedPolicyArns.length === 0
        ? {}
        : { ManagedPolicyArns: role.managedPolicyArns.map(inStackPartition) }),
      ...(statements.length === 0
        ? {}
        : {
            Policies: [
              { PolicyName: role.name, PolicyDocument: { Version: '2012-10-17', Statement: statements } },
            ],
          }),
    },
  });
  references.provide(role.key, { arn: getAtt(logicalId, 'Arn'), name: { Ref: logicalId } });
  return logicalId;
}

function serviceTrustPolicy(trust: Extract<RoleTrust, { kind: 'service' }>): TemplateValue {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: { Service: trust.service }, Action: serviceTrustActions(trust) },
    ],
  };
}
