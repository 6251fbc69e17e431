import YAML from 'yaml';
import type { StarterFile } from '../../src/generators/starter-config';
import { at, fileAt, jsonAt, kubernetesObject, starterFiles, yamlDocumentsAt } from './support/starter';

/**
 * `environment` and `secrets` in every family's starter files: plain variables in the container, each secret
 * a Secrets Manager secret named <workload>/<VAR> that the container reads by reference, and the role that
 * starts the container allowed to read it.
 */
const SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:<account-id>:secret:shop/DB_PASSWORD-<secret-arn-suffix>';
const SECRETS_PATH = 'arn:aws:secretsmanager:us-east-1:<account-id>:secret:shop/*';
const STACK_SECRETS_PATH = {
  'Fn::Sub': `arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:shop/*`,
};

function template(files: readonly StarterFile[]): Record<string, unknown> {
  return YAML.parse(fileAt(files, 'cloudformation/template.yaml').content) as Record<string, unknown>;
}

function resource(files: readonly StarterFile[], logicalId: string): unknown {
  return at(template(files), 'Resources', logicalId);
}

/** Every statement of every role in iam/roles.json, by role name. */
function roleStatements(files: readonly StarterFile[], roleName: string): unknown[] {
  const roles = jsonAt<{
    roles: { RoleName: string; Policy?: { PolicyDocument: { Statement: unknown[] } } }[];
  }>(files, 'iam/roles.json').roles;
  return roles.find((role) => role.RoleName === roleName)?.Policy?.PolicyDocument.Statement ?? [];
}

function stackRoleStatements(files: readonly StarterFile[], logicalId: string): unknown {
  return at(resource(files, logicalId), 'Properties', 'Policies', 0, 'PolicyDocument', 'Statement');
}

const readSecrets = { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [SECRETS_PATH] };
const stackReadSecrets = {
  Effect: 'Allow',
  Action: ['secretsmanager:GetSecretValue'],
  Resource: [STACK_SECRETS_PATH],
};

const web = {
  workloadType: 'web',
  name: 'shop',
  environment: { LOG_LEVEL: 'info' },
  secrets: [{ name: 'DB_PASSWORD' }],
};
const batch = { ...web, workloadType: 'batch' };

describe('container environment and secrets in the starter configuration', () => {
  describe('the stack creates each secret with a placeholder value', () => {
    it.each(['ecs-fargate', 'ecs-express-mode', 'app-runner', 'eks-auto-mode'] as const)(
      'on %s: an AWS::SecretsManager::Secret named shop/DB_PASSWORD, retained when the stack is deleted',
      async (platform) => {
        const body = platform === 'app-runner' ? { ...web, existingAppRunnerCustomer: true } : web;
        const secret = resource(await starterFiles(body, platform), 'ContainerSecret1');
        expect(secret).toMatchObject({
          Type: 'AWS::SecretsManager::Secret',
          DeletionPolicy: 'Retain',
          Properties: { Name: 'shop/DB_PASSWORD', SecretString: expect.stringContaining('REPLACE-ME') },
        });
      },
    );

    it('tells how to set the real value once the stack is up, and how to create it on the API path', async () => {
      const readme = fileAt(await starterFiles(web, 'ecs-fargate'), 'README.md').content;
      expect(readme).toContain('aws secretsmanager put-secret-value --secret-id shop/DB_PASSWORD');
      expect(readme).toContain(
        'aws secretsmanager create-secret --name shop/DB_PASSWORD --secret-string "$DB_PASSWORD"',
      );
      expect(readme).toContain('`<secret-arn-suffix>`');
    });

    it('creates no secret and grants nothing when the workload has none', async () => {
      const files = await starterFiles({ workloadType: 'web', name: 'shop' }, 'ecs-fargate');
      expect(resource(files, 'ContainerSecret1')).toBeUndefined();
      expect(fileAt(files, 'cloudformation/template.yaml').content).not.toContain('secretsmanager');
    });
  });

  describe('ECS task definitions', () => {
    it('pass the variables and read the secret by ARN, with the execution role allowed to read it', async () => {
      const files = await starterFiles(web, 'ecs-fargate');
      const [container] = jsonAt<{ containerDefinitions: Record<string, unknown>[] }>(
        files,
        'ecs/task-definition.json',
      ).containerDefinitions;
      expect(container?.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
      expect(container?.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }]);
      const stackContainer = at(resource(files, 'TaskDefinition'), 'Properties', 'ContainerDefinitions', 0);
      expect(at(stackContainer, 'Environment')).toEqual([{ Name: 'LOG_LEVEL', Value: 'info' }]);
      expect(at(stackContainer, 'Secrets')).toEqual([
        { Name: 'DB_PASSWORD', ValueFrom: { Ref: 'ContainerSecret1' } },
      ]);
      expect(roleStatements(files, 'shop-execution')).toContainEqual(readSecrets);
      expect(stackRoleStatements(files, 'ExecutionRole')).toContainEqual(stackReadSecrets);
      expect(roleStatements(files, 'shop-task')).not.toContainEqual(readSecrets);
    });

    it('keep QUEUE_NAME for a queue worker before the request variables', async () => {
      const files = await starterFiles({ ...web, workloadType: 'worker' }, 'ecs-fargate');
      const [container] = jsonAt<{ containerDefinitions: Record<string, unknown>[] }>(
        files,
        'ecs/task-definition.json',
      ).containerDefinitions;
      expect(container?.environment).toEqual([
        { name: 'QUEUE_NAME', value: 'shop-queue' },
        { name: 'LOG_LEVEL', value: 'info' },
      ]);
    });
  });

  it("ECS Express Mode: the primary container's environment and secrets", async () => {
    const files = await starterFiles(web, 'ecs-express-mode');
    const request = jsonAt<{ primaryContainer: Record<string, unknown> }>(
      files,
      'ecs/express-gateway-service.json',
    );
    expect(request.primaryContainer.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    expect(request.primaryContainer.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }]);
    const primary = at(resource(files, 'Service'), 'Properties', 'PrimaryContainer');
    expect(at(primary, 'Secrets')).toEqual([{ Name: 'DB_PASSWORD', ValueFrom: { Ref: 'ContainerSecret1' } }]);
    expect(stackRoleStatements(files, 'ExecutionRole')).toContainEqual(stackReadSecrets);
  });

  it('App Runner: RuntimeEnvironmentVariables and RuntimeEnvironmentSecrets, read with the instance role', async () => {
    const files = await starterFiles({ ...web, existingAppRunnerCustomer: true }, 'app-runner');
    const request = jsonAt<{ SourceConfiguration: { ImageRepository: { ImageConfiguration: unknown } } }>(
      files,
      'app-runner/create-service.json',
    );
    expect(request.SourceConfiguration.ImageRepository.ImageConfiguration).toMatchObject({
      RuntimeEnvironmentVariables: { LOG_LEVEL: 'info' },
      RuntimeEnvironmentSecrets: { DB_PASSWORD: SECRET_ARN },
    });
    const configuration = at(
      resource(files, 'Service'),
      'Properties',
      'SourceConfiguration',
      'ImageRepository',
      'ImageConfiguration',
    );
    expect(at(configuration, 'RuntimeEnvironmentSecrets')).toEqual([
      { Name: 'DB_PASSWORD', Value: { Ref: 'ContainerSecret1' } },
    ]);
    expect(roleStatements(files, 'shop-instance')).toContainEqual(readSecrets);
  });

  it("AWS Batch: the job definition's containerProperties environment and secrets", async () => {
    const files = await starterFiles(batch, 'aws-batch');
    const properties = jsonAt<{ containerProperties: Record<string, unknown> }>(
      files,
      'batch/job-definition.json',
    ).containerProperties;
    expect(properties.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    expect(properties.secrets).toEqual([{ name: 'DB_PASSWORD', valueFrom: SECRET_ARN }]);
    const stackProperties = at(resource(files, 'JobDefinition'), 'Properties', 'ContainerProperties');
    expect(at(stackProperties, 'Secrets')).toEqual([
      { Name: 'DB_PASSWORD', ValueFrom: { Ref: 'ContainerSecret1' } },
    ]);
    expect(roleStatements(files, 'shop-execution')).toContainEqual(readSecrets);
  });

  describe('Kubernetes', () => {
    it('reads the secret from a Secret key, never a value in the manifest', async () => {
      const files = await starterFiles(web, 'eks-managed-nodes');
      const deployment = kubernetesObject(yamlDocumentsAt(files, 'eks/manifests.yaml'), 'Deployment');
      expect(at(deployment, 'spec', 'template', 'spec', 'containers', 0, 'env')).toEqual([
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'shop-secrets', key: 'DB_PASSWORD' } } },
      ]);
      expect(
        yamlDocumentsAt(files, 'eks/manifests.yaml').some((document) => document.kind === 'Secret'),
      ).toBe(false);
    });

    it('has the steps copy the Secret from Secrets Manager before the manifests are applied', async () => {
      const readme = fileAt(await starterFiles(web, 'eks-managed-nodes'), 'README.md').content;
      const copy = readme.indexOf('kubectl create secret generic shop-secrets --namespace shop');
      expect(copy).toBeGreaterThan(0);
      expect(readme).toContain(
        '--from-literal=DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id shop/DB_PASSWORD',
      );
      expect(readme.indexOf('kubectl apply -f eks/manifests.yaml', copy)).toBeGreaterThan(copy);
    });
  });
});
