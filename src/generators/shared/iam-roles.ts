import type { components } from '../../contract/generated/openapi-types';
import { PLACEHOLDERS } from './placeholders';
import { jsonFile } from './serialize';
import type { DescribedFile, IamRole } from './starter-file';

type Iam = components['schemas']['Iam'];

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

/** Where a role's trust comes from when it is not an AWS service: a Kubernetes service account (IRSA). */
export interface ServiceAccountRef {
  namespace: string;
  name: string;
}

/** The slots in a fixed order, so the file lists roles the same way every time. */
const SLOTS = ['clusterRole', 'executionRole', 'taskRole', 'infrastructureRole', 'nodeRole'] as const;

const SERVICE_PRINCIPAL = /^[a-z0-9.-]+\.amazonaws\.com$/;

/** Pod Identity hands the role session tags, so its principal must also be allowed sts:TagSession. */
const TAG_SESSION_PRINCIPALS = new Set(['pods.eks.amazonaws.com']);

/**
 * The designed roles, then the supporting roles the other files refer to. A role whose trust is not a
 * service principal is the pod role of an IRSA setup, trusted through the cluster's OIDC provider.
 */
export function roleDefinitions(
  iam: Iam,
  supportingRoles: readonly IamRole[],
  serviceAccount: ServiceAccountRef,
): RoleDefinition[] {
  const designed = SLOTS.flatMap((slot) => {
    const role = iam[slot];
    return role === undefined ? [] : [role];
  });
  return [...designed, ...supportingRoles].map((role) => roleDefinition(role, serviceAccount));
}

export function iamRolesFile(roles: readonly RoleDefinition[]): DescribedFile {
  return jsonFile(
    'iam/roles.json',
    { roles },
    'The IAM roles to create: trust policy, managed policies and inline policy of each.',
  );
}

export function isWebIdentityRole(role: RoleDefinition): boolean {
  return role.AssumeRolePolicyDocument.Statement.some(
    (statement) => statement.Action === 'sts:AssumeRoleWithWebIdentity',
  );
}

/**
 * The IAM CLI calls that create the roles of iam/roles.json, reading each document out of the file with jq:
 * the roles AWS services assume, or the ones trusted through a cluster's OIDC provider.
 */
export function iamRoleSteps(roles: readonly RoleDefinition[], trust: 'service' | 'web-identity'): string[] {
  return roles.flatMap((role, index) => {
    if (isWebIdentityRole(role) !== (trust === 'web-identity')) return [];
    const steps = [
      `Create role ${role.RoleName}: \`aws iam create-role --role-name ${role.RoleName} --assume-role-policy-document "$(jq -c '.roles[${index}].AssumeRolePolicyDocument' iam/roles.json)"\``,
      ...role.ManagedPolicyArns.map(
        (arn) =>
          `Attach ${arn.split('/').pop() ?? arn} to it: \`aws iam attach-role-policy --role-name ${role.RoleName} --policy-arn ${arn}\``,
      ),
    ];
    if (role.Policy !== undefined) {
      steps.push(
        `Give it its inline policy: \`aws iam put-role-policy --role-name ${role.RoleName} --policy-name ${role.Policy.PolicyName} --policy-document "$(jq -c '.roles[${index}].Policy.PolicyDocument' iam/roles.json)"\``,
      );
    }
    return steps;
  });
}

export function roleDefinition(role: IamRole, serviceAccount: ServiceAccountRef): RoleDefinition {
  const definition: RoleDefinition = {
    RoleName: role.name,
    ...(role.description === undefined ? {} : { Description: role.description }),
    AssumeRolePolicyDocument: trustPolicy(role.trustedService, serviceAccount),
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
          Resource: [...statement.resources],
        })),
      },
    };
  }
  return definition;
}

function trustPolicy(trustedService: string, serviceAccount: ServiceAccountRef): PolicyDocument {
  if (SERVICE_PRINCIPAL.test(trustedService)) {
    return {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: trustedService },
          Action: TAG_SESSION_PRINCIPALS.has(trustedService)
            ? ['sts:AssumeRole', 'sts:TagSession']
            : 'sts:AssumeRole',
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
            [`${issuer}:sub`]: `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`,
            [`${issuer}:aud`]: 'sts.amazonaws.com',
          },
        },
      },
    ],
  };
}
