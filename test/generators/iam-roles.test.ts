import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { RoleDefinition } from '../../src/generators/plan/roles/api-files';
import { jsonAt, starterFiles } from './support/starter';

/** The roles of the recommended platform, or of the platform named (which the body must leave eligible). */
async function roles(body: Record<string, unknown>, platform?: PlatformId): Promise<RoleDefinition[]> {
  return jsonAt<{ roles: RoleDefinition[] }>(await starterFiles(body, platform), 'iam/roles.json').roles;
}

function role(all: RoleDefinition[], name: string): RoleDefinition {
  const found = all.find((candidate) => candidate.RoleName === name);
  if (found === undefined)
    throw new Error(`no role ${name} among ${all.map((candidate) => candidate.RoleName).join(', ')}`);
  return found;
}

describe('IAM roles', () => {
  describe('when the workload runs on ECS', () => {
    it('lets ECS tasks assume the execution and task roles', async () => {
      const all = await roles({ workloadType: 'web' });
      expect(all.map((candidate) => candidate.RoleName)).toEqual(['app-execution', 'app-task']);
      expect(role(all, 'app-execution')).toEqual({
        RoleName: 'app-execution',
        Description: expect.any(String),
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
      });
    });
  });

  describe('when the application calls AWS', () => {
    it('writes the task role inline policy in IAM JSON', async () => {
      const all = await roles({
        workloadType: 'web',
        awsAccess: [
          {
            service: 'dynamodb',
            resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
            access: 'read',
          },
        ],
      });
      expect(role(all, 'app-task').Policy).toEqual({
        PolicyName: 'app-task',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: expect.arrayContaining(['dynamodb:GetItem']),
              Resource: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
            },
          ],
        },
      });
    });
  });

  describe('when the application calls nothing', () => {
    it('gives the task role no inline policy', async () => {
      expect(role(await roles({ workloadType: 'web' }), 'app-task')).not.toHaveProperty('Policy');
    });
  });

  describe('when pods get their role through EKS Pod Identity', () => {
    it('trusts the Pod Identity service, which also tags the session', async () => {
      const statement = role(
        await roles(
          { workloadType: 'web', control: { kubernetes: 'required', daemons: true } },
          'eks-managed-nodes',
        ),
        'app-pod',
      ).AssumeRolePolicyDocument.Statement[0];
      expect(statement).toEqual({
        Effect: 'Allow',
        Principal: { Service: 'pods.eks.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      });
    });
  });

  describe('when the cluster runs on EKS Auto Mode', () => {
    it('trusts EKS with sts:AssumeRole and sts:TagSession for the cluster role, and gives the nodes the minimal node policy', async () => {
      const all = await roles({ workloadType: 'web', control: { kubernetes: 'required' } });
      expect(role(all, 'app-cluster').AssumeRolePolicyDocument.Statement).toEqual([
        {
          Effect: 'Allow',
          Principal: { Service: 'eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ]);
      expect(role(all, 'app-cluster').ManagedPolicyArns).toContain(
        'arn:aws:iam::aws:policy/AmazonEKSComputePolicy',
      );
      expect(role(all, 'app-node').ManagedPolicyArns).toEqual([
        'arn:aws:iam::aws:policy/AmazonEKSWorkerNodeMinimalPolicy',
        'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
      ]);
    });
  });

  describe('when pods get their role through IRSA on EKS Fargate', () => {
    it("trusts the cluster's OIDC provider for the workload's service account only", async () => {
      const statement = role(
        await roles(
          { workloadType: 'web', control: { kubernetes: 'required', level: 'minimal' } },
          'eks-fargate',
        ),
        'app-pod',
      ).AssumeRolePolicyDocument.Statement[0];
      expect(statement).toEqual({
        Effect: 'Allow',
        Principal: { Federated: 'arn:aws:iam::<account-id>:oidc-provider/<oidc-provider>' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            '<oidc-provider>:sub': 'system:serviceaccount:app:app',
            '<oidc-provider>:aud': 'sts.amazonaws.com',
          },
        },
      });
    });
  });
});
