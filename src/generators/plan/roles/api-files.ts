import { PLACEHOLDERS } from '../../shared/placeholders';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import { apiValue } from '../reference';
import type { RolePlan, RoleTrust } from './plan';

/** IAM's JSON policy language. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Principal?: { Service: string } | { Federated: string };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

/**
 * One role as the IAM calls that create it take it: CreateRole (RoleName, Description,
 * AssumeRolePolicyDocument), AttachRolePolicy for each managed policy, PutRolePolicy for the inline one.
 */
export interface RoleDefinition {
  RoleName: string;
  Description?: string;
  AssumeRolePolicyDocument: PolicyDocument;
  ManagedPolicyArns: string[];
  Policy?: { PolicyName: string; PolicyDocument: PolicyDocument };
}

/** Pod Identity hands the role session tags, so its principal must also be allowed sts:TagSession. */
export const TAG_SESSION_PRINCIPALS = new Set(['pods.eks.amazonaws.com']);

/** The trust statement's Action for a service: the design's actions, or what the principal needs. */
export function serviceTrustActions(trust: Extract<RoleTrust, { kind: 'service' }>): string | string[] {
  if (trust.actions !== undefined) return [...trust.actions];
  return TAG_SESSION_PRINCIPALS.has(trust.service) ? ['sts:AssumeRole', 'sts:TagSession'] : 'sts:AssumeRole';
}

export function roleDefinition(role: RolePlan): RoleDefinition {
  const definition: RoleDefinition = {
    RoleName: role.name,
    ...(role.description === undefined ? {} : { Description: role.description }),
    AssumeRolePolicyDocument: trustPolicy(role.trust),
    ManagedPolicyArns: [...role.managedPolicyArns],
  };
  if (role.statements.length > 0) {
    definition.Policy = {
      PolicyName: role.name,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: role.statements.map((statement) => ({
          Effect: statement.effect,
          Action: [...statement.actions],
          Resource: statement.resources.map(apiValue),
        })),
      },
    };
  }
  return definition;
}

/** iam/roles.json: every role of the plan, in its order. */
export function iamRolesFile(roles: readonly RolePlan[]): DescribedFile {
  return jsonFile(
    'iam/roles.json',
    { roles: roles.map(roleDefinition) },
    'The IAM roles to create: trust policy, managed policies and inline policy of each.',
  );
}

/**
 * The IAM CLI calls that create the roles of iam/roles.json, reading each document out of the file with jq:
 * the roles AWS services assume, or the ones trusted through a cluster's OIDC provider.
 */
export function iamRoleSteps(roles: readonly RolePlan[], trust: RoleTrust['kind']): string[] {
  return roles.flatMap((role, index) => {
    if (role.trust.kind !== trust) return [];
    const steps = [
      `Create role ${role.name}: \`aws iam create-role --role-name ${role.name} --assume-role-policy-document "$(jq -c '.roles[${index}].AssumeRolePolicyDocument' iam/roles.json)"\``,
      ...role.managedPolicyArns.map(
        (arn) =>
          `Attach ${arn.split('/').pop() ?? arn} to it: \`aws iam attach-role-policy --role-name ${role.name} --policy-arn ${arn}\``,
      ),
    ];
    if (role.statements.length > 0) {
      steps.push(
        `Give it its inline policy: \`aws iam put-role-policy --role-name ${role.name} --policy-name ${role.name} --policy-document "$(jq -c '.roles[${index}].Policy.PolicyDocument' iam/roles.json)"\``,
      );
    }
    return steps;
  });
}

function trustPolicy(trust: RoleTrust): PolicyDocument {
  if (trust.kind === 'service') {
    return {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: trust.service },
          Action: serviceTrustActions(trust),
        },
      ],
    };
  }
  const issuer = PLACEHOLDERS.oidcProvider;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${PLACEHOLDERS.accountId}:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${issuer}:sub`]: `system:serviceaccount:${trust.namespace}:${trust.name}`,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
}
