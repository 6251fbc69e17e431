import YAML from 'yaml';
import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { WorkloadRequest } from '../../src/contract/workload';
import { cloudFormationTemplateFile } from '../../src/generators/cloudformation/cloudformation-template';
import { subVariable } from '../../src/generators/cloudformation/intrinsics';
import {
  requiredParameters,
  TEMPLATE_PATH,
  type TemplateDocument,
} from '../../src/generators/cloudformation/template';
import { PLACEHOLDERS } from '../../src/generators/shared/placeholders';
import { cloudFormationTemplate } from '../../src/generators/starter-config';
import { at, fileAt, starterFiles } from '../generators/support/starter';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { inputsOnEveryEligiblePlatform } from './support/starter-inputs';

type Node = Record<string, unknown>;

/** The template for a workload on a platform that can run it (not necessarily the recommended one). */
async function templateFor(body: WorkloadRequest, platform: PlatformId): Promise<TemplateDocument> {
  const input = (await inputsOnEveryEligiblePlatform(body)).find(
    (candidate) => candidate.platform.id === platform,
  );
  if (input === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  return cloudFormationTemplate(input);
}

function resourceTypes(template: TemplateDocument): string[] {
  return [...new Set(Object.values(template.Resources).map((resource) => resource.Type))];
}

function resource(template: TemplateDocument, logicalId: string): Node {
  const found = template.Resources[logicalId];
  if (found === undefined)
    throw new Error(`no resource ${logicalId} among ${Object.keys(template.Resources)}`);
  return found as unknown as Node;
}

/** Every value of the given intrinsic function anywhere in the template. */
function intrinsics(value: unknown, fn: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => intrinsics(item, fn));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(key === fn ? [item] : []),
    ...intrinsics(item, fn),
  ]);
}

const HTTPS = { protocol: 'https' } as const;

/** Given a workload and a platform, the resources the template must create and the parameters it must require. */
const CASES: {
  name: string;
  platform: PlatformId;
  body: WorkloadRequest;
  resources: string[];
  required: string[];
}[] = [
  {
    name: 'a public HTTPS API',
    platform: 'ecs-fargate',
    body: webWorkload({ name: 'orders-api', traffic: HTTPS }),
    resources: [
      'AWS::ECR::Repository',
      'AWS::Logs::LogGroup',
      'AWS::EC2::SecurityGroup',
      'AWS::EC2::SecurityGroupIngress',
      'AWS::ElasticLoadBalancingV2::LoadBalancer',
      'AWS::ElasticLoadBalancingV2::TargetGroup',
      'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::IAM::Role',
      'AWS::ECS::Cluster',
      'AWS::ECS::TaskDefinition',
      'AWS::ECS::Service',
      'AWS::ApplicationAutoScaling::ScalableTarget',
      'AWS::ApplicationAutoScaling::ScalingPolicy',
      'AWS::Logs::ResourcePolicy',
      'AWS::Events::Rule',
    ],
    required: ['VpcId', 'PrivateSubnetIds', 'PublicSubnetIds', 'ImageUri', 'CertificateArn'],
  },
  {
    name: 'an internal gRPC service',
    platform: 'ecs-fargate',
    body: webWorkload({ name: 'pricing', traffic: { protocol: 'grpc', exposure: 'private' } }),
    resources: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ECS::Service'],
    required: ['VpcId', 'VpcCidr', 'PrivateSubnetIds', 'ImageUri', 'CertificateArn'],
  },
  {
    name: 'a UDP game server',
    platform: 'ecs-fargate',
    body: webWorkload({ name: 'game', traffic: { protocol: 'udp' }, containerPort: 7777 }),
    resources: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::EC2::SecurityGroupIngress'],
    required: ['VpcId', 'PrivateSubnetIds', 'PublicSubnetIds', 'ImageUri'],
  },
  {
    name: 'an SQS worker',
    platform: 'ecs-fargate',
    body: workerWorkload({ name: 'billing', trigger: { type: 'sqs', queueName: 'invoices' } }),
    resources: ['AWS::SQS::Queue', 'AWS::ECS::Service', 'AWS::ApplicationAutoScaling::ScalingPolicy'],
    required: ['VpcId', 'PrivateSubnetIds', 'ImageUri'],
  },
  {
    name: 'a CMS on a shared file system',
    platform: 'ecs-fargate',
    body: webWorkload({ name: 'cms', persistence: { type: 'shared-file' } }),
    resources: ['AWS::EFS::FileSystem', 'AWS::EFS::MountTarget', 'AWS::EFS::AccessPoint'],
    required: ['VpcId', 'PrivateSubnetIds', 'PublicSubnetIds', 'ImageUri'],
  },
  {
    name: 'a search service with a block volume per task',
    platform: 'ecs-fargate',
    body: webWorkload({ name: 'search', persistence: { type: 'block', sizeGiB: 100 } }),
    resources: ['AWS::ECS::Service', 'AWS::IAM::Role'],
    required: ['VpcId', 'PrivateSubnetIds', 'PublicSubnetIds', 'ImageUri'],
  },
  {
    name: 'a nightly batch job',
    platform: 'ecs-fargate',
    body: batchWorkload({ name: 'nightly', trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' } }),
    resources: ['AWS::Scheduler::Schedule', 'AWS::ECS::TaskDefinition'],
    required: ['VpcId', 'PrivateSubnetIds', 'ImageUri'],
  },
  {
    name: 'a job started by each S3 upload',
    platform: 'ecs-fargate',
    body: batchWorkload({ name: 'thumbnailer', trigger: { type: 's3-object-created', bucket: 'photos' } }),
    resources: ['AWS::Events::Rule', 'AWS::ECS::TaskDefinition'],
    required: ['VpcId', 'PrivateSubnetIds', 'ImageUri'],
  },
  {
    name: 'a job run by hand',
    platform: 'ecs-fargate',
    body: batchWorkload({ name: 'backfill', trigger: { type: 'manual' } }),
    resources: ['AWS::ECS::Cluster', 'AWS::ECS::TaskDefinition'],
    required: ['VpcId', 'ImageUri'],
  },
  {
    name: 'a GPU inference API',
    platform: 'ecs-ec2',
    body: webWorkload({ name: 'inference', control: { gpu: true }, resources: { cpu: 4, memoryGiB: 16 } }),
    resources: [
      'AWS::EC2::LaunchTemplate',
      'AWS::AutoScaling::AutoScalingGroup',
      'AWS::IAM::InstanceProfile',
      'AWS::ECS::CapacityProvider',
      'AWS::ECS::ClusterCapacityProviderAssociations',
    ],
    required: ['VpcId', 'PrivateSubnetIds', 'PublicSubnetIds', 'ImageUri'],
  },
  {
    name: 'a Windows app on an FSx for Windows File Server share',
    platform: 'ecs-ec2',
    body: webWorkload({
      name: 'docs-portal',
      control: { os: 'windows' },
      persistence: { type: 'windows-file' },
      resources: { cpu: 1, memoryGiB: 2 },
    }),
    resources: ['AWS::EC2::LaunchTemplate', 'AWS::ECS::TaskDefinition', 'AWS::SSM::Association'],
    required: [
      'VpcId',
      'PrivateSubnetIds',
      'PublicSubnetIds',
      'ImageUri',
      'FsxFileSystemId',
      'FsxCredentialsParameter',
      'ActiveDirectoryDomain',
      'ActiveDirectoryId',
      'ActiveDirectoryDnsIps',
    ],
  },
  {
    name: 'a web service on managed nodes',
    platform: 'eks-managed-nodes',
    body: webWorkload({ name: 'catalog', control: { kubernetes: 'required' } }),
    resources: [
      'AWS::EKS::Cluster',
      'AWS::EKS::Nodegroup',
      'AWS::EKS::Addon',
      'AWS::EKS::PodIdentityAssociation',
    ],
    required: ['PrivateSubnetIds'],
  },
  {
    name: 'a web service on self-managed nodes',
    platform: 'eks-self-managed-nodes',
    body: webWorkload({ name: 'edge', control: { kubernetes: 'required', level: 'full' } }),
    resources: [
      'AWS::EKS::Cluster',
      'AWS::EC2::LaunchTemplate',
      'AWS::AutoScaling::AutoScalingGroup',
      'AWS::EKS::AccessEntry',
      'AWS::IAM::InstanceProfile',
    ],
    required: ['PrivateSubnetIds'],
  },
  {
    name: 'a shared-file web service on EKS Fargate',
    platform: 'eks-fargate',
    body: webWorkload({
      name: 'wiki',
      persistence: { type: 'shared-file' },
      control: { kubernetes: 'required' },
    }),
    resources: [
      'AWS::EKS::Cluster',
      'AWS::EKS::FargateProfile',
      'AWS::IAM::OIDCProvider',
      'AWS::EFS::FileSystem',
    ],
    required: ['VpcId', 'PrivateSubnetIds'],
  },
  {
    name: 'an S3-fed worker on EKS',
    platform: 'eks-managed-nodes',
    body: batchWorkload({ name: 'ingest', trigger: { type: 's3-object-created', bucket: 'drops' } }),
    resources: ['AWS::SQS::Queue', 'AWS::SQS::QueuePolicy', 'AWS::Events::Rule'],
    required: ['PrivateSubnetIds'],
  },
  {
    name: 'a public web app on App Runner',
    platform: 'app-runner',
    body: webWorkload({ name: 'status-page', existingAppRunnerCustomer: true }),
    resources: ['AWS::AppRunner::AutoScalingConfiguration', 'AWS::AppRunner::Service', 'AWS::IAM::Role'],
    required: ['ImageUri'],
  },
  {
    name: 'a private web app on App Runner',
    platform: 'app-runner',
    body: webWorkload({
      name: 'intranet',
      existingAppRunnerCustomer: true,
      traffic: { exposure: 'private' },
    }),
    resources: ['AWS::EC2::VPCEndpoint', 'AWS::AppRunner::VpcIngressConnection'],
    required: ['ImageUri', 'VpcId', 'PrivateSubnetIds'],
  },
  {
    name: 'a web app on Express Mode',
    platform: 'ecs-express-mode',
    body: webWorkload({ name: 'shop', control: { level: 'minimal' } }),
    resources: ['AWS::ECS::ExpressGatewayService', 'AWS::IAM::Role', 'AWS::ECR::Repository'],
    required: ['PublicSubnetIds', 'ImageUri'],
  },
];

describe(TEMPLATE_PATH, () => {
  describe.each(CASES)('for $name on $platform', ({ body, platform, resources, required }) => {
    let template: TemplateDocument;

    beforeAll(async () => {
      template = await templateFor(body, platform);
    });

    it('creates the resources of the architecture', () => {
      expect(resourceTypes(template)).toEqual(expect.arrayContaining(resources));
    });

    it('requires the parameters Berth cannot know, and only those', () => {
      expect(requiredParameters(template).sort()).toEqual([...required].sort());
    });

    it('types and describes every parameter', () => {
      for (const parameter of Object.values(template.Parameters)) {
        expect(parameter.Type).toMatch(
          /^(String|CommaDelimitedList|AWS::EC2::VPC::Id|List<AWS::EC2::Subnet::Id>|AWS::SSM::.+)$/,
        );
        expect(parameter.Description.length).toBeGreaterThan(10);
      }
    });

    it('refers only to what it declares, and declares only what it refers to', () => {
      const declared = new Set([...Object.keys(template.Parameters), ...Object.keys(template.Resources)]);
      const referenced = new Set([
        ...(intrinsics(template, 'Ref') as string[]),
        ...(intrinsics(template, 'Fn::GetAtt') as [string, string][]).map(([logicalId]) => logicalId),
      ]);
      expect([...referenced].filter((name) => !name.startsWith('AWS::') && !declared.has(name))).toEqual([]);
      const subVariables = (intrinsics(template, 'Fn::Sub') as (string | [string, Node])[]).flatMap(
        (value) => {
          const [format, variables] = typeof value === 'string' ? [value, {}] : value;
          return [...format.matchAll(/\$\{([^!}][^}]*)\}/g)]
            .map((match) => (match[1] as string).split('.')[0] as string)
            .filter((name) => !(name in variables));
        },
      );
      expect(subVariables.filter((name) => !name.startsWith('AWS::') && !declared.has(name))).toEqual([]);
      expect(Object.keys(template.Parameters).filter((name) => !referenced.has(name))).toEqual([]);
    });

    it('holds no placeholder: the stack knows, or asks for, every value', () => {
      const text = JSON.stringify(template);
      expect(Object.values(PLACEHOLDERS).filter((placeholder) => text.includes(placeholder))).toEqual([]);
    });
  });

  describe('on ECS', () => {
    it('requires a certificate for HTTPS, so the stack never serves it as plain HTTP', async () => {
      const template = await templateFor(webWorkload({ traffic: HTTPS }), 'ecs-fargate');
      expect(template.Parameters.CertificateArn?.Default).toBeUndefined();
      expect(template.Parameters.CertificateArn?.AllowedPattern).not.toContain(')?$');
      expect(template.Conditions ?? {}).toEqual({});
      expect(resource(template, 'ListenerHTTPS443').Condition).toBeUndefined();
      expect(at(resource(template, 'ListenerHTTP80'), 'Properties', 'DefaultActions', 0, 'Type')).toBe(
        'redirect',
      );
      expect(resource(template, 'Service').DependsOn).toEqual(['ListenerHTTPS443', 'ListenerHTTP80']);
    });

    it('requires a certificate for TLS on a Network Load Balancer, so it never falls back to TCP', async () => {
      const template = await templateFor(webWorkload({ traffic: { protocol: 'tls' } }), 'ecs-fargate');
      expect(template.Parameters.CertificateArn?.Default).toBeUndefined();
      expect(at(resource(template, 'ListenerTLS443'), 'Properties', 'Protocol')).toBe('TLS');
    });

    it("opens an internal load balancer's listeners to the VPC's CIDR only, given as a parameter", async () => {
      const template = await templateFor(
        webWorkload({ traffic: { protocol: 'https', exposure: 'private' } }),
        'ecs-fargate',
      );
      const ingress = at(
        resource(template, 'LoadBalancerSecurityGroup'),
        'Properties',
        'SecurityGroupIngress',
      );
      expect(ingress).toEqual([
        expect.objectContaining({ FromPort: 443, CidrIp: { Ref: 'VpcCidr' } }),
        expect.objectContaining({ FromPort: 80, CidrIp: { Ref: 'VpcCidr' } }),
      ]);
      expect(template.Parameters.VpcCidr).toMatchObject({ Type: 'String' });
      expect(template.Parameters.VpcCidr?.AllowedPattern).toBeDefined();
      expect(template.Parameters.VpcCidr?.Default).toBeUndefined();
    });

    it("opens an internet-facing load balancer's listeners to anyone, with no VPC CIDR parameter", async () => {
      const template = await templateFor(webWorkload({ traffic: HTTPS }), 'ecs-fargate');
      const ingress = at(
        resource(template, 'LoadBalancerSecurityGroup'),
        'Properties',
        'SecurityGroupIngress',
      );
      expect(ingress).toContainEqual(expect.objectContaining({ FromPort: 443, CidrIp: '0.0.0.0/0' }));
      expect(template.Parameters.VpcCidr).toBeUndefined();
    });

    it('lets the load balancer, and only it, reach the tasks on the container port', async () => {
      const template = await templateFor(webWorkload({ containerPort: 3000 }), 'ecs-fargate');
      expect(at(resource(template, 'TaskIngressFromLoadBalancer'), 'Properties')).toEqual({
        GroupId: { Ref: 'TaskSecurityGroup' },
        Description: 'TCP on the container port, from the load balancer',
        IpProtocol: 'tcp',
        FromPort: 3000,
        ToPort: 3000,
        SourceSecurityGroupId: { Ref: 'LoadBalancerSecurityGroup' },
      });
      expect(
        at(resource(template, 'TaskSecurityGroup'), 'Properties', 'SecurityGroupIngress'),
      ).toBeUndefined();
    });

    it('rolls a failed deployment back', async () => {
      const template = await templateFor(webWorkload(), 'ecs-fargate');
      expect(at(resource(template, 'Service'), 'Properties', 'DeploymentConfiguration')).toMatchObject({
        DeploymentCircuitBreaker: { Enable: true, Rollback: true },
      });
    });

    it('scales a worker on the backlog per task of the queue the stack creates', async () => {
      const template = await templateFor(
        workerWorkload({ trigger: { type: 'sqs', queueName: 'invoices' } }),
        'ecs-fargate',
      );
      const metrics = at(
        resource(template, 'ScalingPolicy'),
        'Properties',
        'TargetTrackingScalingPolicyConfiguration',
        'CustomizedMetricSpecification',
        'Metrics',
      ) as Node[];
      expect(at(metrics[0], 'MetricStat', 'Metric', 'Dimensions')).toEqual([
        { Name: 'QueueName', Value: { 'Fn::GetAtt': ['Queue', 'QueueName'] } },
      ]);
      expect(at(resource(template, 'Queue'), 'Properties', 'RedrivePolicy')).toEqual({
        deadLetterTargetArn: { 'Fn::GetAtt': ['DeadLetterQueue', 'Arn'] },
        maxReceiveCount: 3,
      });
      const statements = at(
        resource(template, 'TaskRole'),
        'Properties',
        'Policies',
        0,
        'PolicyDocument',
        'Statement',
      );
      expect(statements).toEqual(
        expect.arrayContaining([expect.objectContaining({ Resource: [{ 'Fn::GetAtt': ['Queue', 'Arn'] }] })]),
      );
    });

    it('mounts EFS through its access point, with a mount target in every private subnet, over NFS from the tasks only', async () => {
      const template = await templateFor(
        webWorkload({ persistence: { type: 'shared-file' } }),
        'ecs-fargate',
      );
      expect(at(resource(template, 'FileSystemSecurityGroup'), 'Properties', 'SecurityGroupIngress')).toEqual(
        [
          expect.objectContaining({
            FromPort: 2049,
            ToPort: 2049,
            SourceSecurityGroupId: { Ref: 'TaskSecurityGroup' },
          }),
        ],
      );
      // Every subnet the tasks are given has a mount target: the first two always, the others when listed.
      expect(
        at(
          resource(template, 'Service'),
          'Properties',
          'NetworkConfiguration',
          'AwsvpcConfiguration',
          'Subnets',
        ),
      ).toEqual({ Ref: 'PrivateSubnetIds' });
      expect(at(resource(template, 'FileSystemMountTarget1'), 'Properties', 'SubnetId')).toEqual({
        'Fn::Select': [0, { Ref: 'PrivateSubnetIds' }],
      });
      expect(resource(template, 'FileSystemMountTarget2').Condition).toBeUndefined();
      for (const index of [3, 4, 5, 6]) {
        expect(resource(template, `FileSystemMountTarget${index}`)).toMatchObject({
          Condition: `HasPrivateSubnet${index}`,
          Properties: { SubnetId: { 'Fn::Select': [index - 1, { Ref: 'PrivateSubnetIds' }] } },
        });
      }
      // The service waits for the mount targets, the conditional ones through the wait handle's metadata.
      expect(resource(template, 'Service').DependsOn).toEqual(
        expect.arrayContaining(['FileSystemMountTargets']),
      );
      expect(at(resource(template, 'FileSystemMountTargets'), 'Metadata', 'MountTargets')).toEqual([
        { Ref: 'FileSystemMountTarget1' },
        { Ref: 'FileSystemMountTarget2' },
        ...[3, 4, 5, 6].map((index) => ({
          'Fn::If': [
            `HasPrivateSubnet${index}`,
            { Ref: `FileSystemMountTarget${index}` },
            { Ref: 'AWS::NoValue' },
          ],
        })),
      ]);
      expect(
        at(resource(template, 'TaskDefinition'), 'Properties', 'Volumes', 0, 'EFSVolumeConfiguration'),
      ).toEqual({
        FilesystemId: { Ref: 'FileSystem' },
        TransitEncryption: 'ENABLED',
        AuthorizationConfig: { AccessPointId: { Ref: 'AccessPoint' }, IAM: 'ENABLED' },
      });
    });

    it('runs the per-host agent as a DAEMON service on the EC2 launch type, with its own image parameter and roles', async () => {
      const template = await templateFor(
        workerWorkload({ control: { daemons: true, kubernetes: 'avoid' } }),
        'ecs-ec2',
      );
      const service = resource(template, 'DaemonService');
      expect(service.Properties).toMatchObject({
        SchedulingStrategy: 'DAEMON',
        LaunchType: 'EC2',
        TaskDefinition: { Ref: 'DaemonTaskDefinition' },
      });
      // A DAEMON service takes no capacity provider strategy.
      expect(service.Properties).not.toHaveProperty('CapacityProviderStrategy');
      const taskDefinition = resource(template, 'DaemonTaskDefinition');
      expect(at(taskDefinition, 'Properties', 'ContainerDefinitions', 0, 'Image')).toEqual({
        Ref: 'DaemonImageUri',
      });
      expect(at(taskDefinition, 'Properties', 'ExecutionRoleArn')).toEqual({
        'Fn::GetAtt': ['DaemonExecutionRole', 'Arn'],
      });
      expect(at(taskDefinition, 'Properties', 'TaskRoleArn')).toEqual({
        'Fn::GetAtt': ['DaemonTaskRole', 'Arn'],
      });
      expect(template.Parameters.DaemonImageUri?.Default).toBeUndefined();
    });

    describe("when the container needs the host's network", () => {
      it.each(['ecs-ec2', 'ecs-managed-instances'] as const)(
        'on %s, registers instances on the host port and lets the load balancer reach the instances',
        async (platform) => {
          const template = await templateFor(
            webWorkload({ containerPort: 8080, control: { hostNetwork: true } }),
            platform,
          );
          expect(at(resource(template, 'TaskDefinition'), 'Properties', 'NetworkMode')).toBe('host');
          expect(
            at(resource(template, 'TaskDefinition'), 'Properties', 'ContainerDefinitions', 0, 'PortMappings'),
          ).toEqual([{ Name: 'app-8080', ContainerPort: 8080, HostPort: 8080, Protocol: 'tcp' }]);
          expect(at(resource(template, 'Service'), 'Properties')).not.toHaveProperty('NetworkConfiguration');
          expect(at(resource(template, 'TargetGroup'), 'Properties', 'TargetType')).toBe('instance');
          // No task security group: the instances' own admits the load balancer on the container port.
          expect(template.Resources).not.toHaveProperty('TaskSecurityGroup');
          expect(template.Outputs).not.toHaveProperty('TaskSecurityGroupId');
          expect(at(resource(template, 'TaskIngressFromLoadBalancer'), 'Properties')).toMatchObject({
            GroupId: { Ref: 'InstanceSecurityGroup' },
            FromPort: 8080,
            ToPort: 8080,
          });
        },
      );

      it('places one task per container instance on EC2, within as many instances as tasks', async () => {
        const template = await templateFor(
          webWorkload({ control: { hostNetwork: true }, resources: { maxTasks: 6 } }),
          'ecs-ec2',
        );
        expect(at(resource(template, 'Service'), 'Properties', 'PlacementConstraints')).toEqual([
          { Type: 'distinctInstance' },
        ]);
        expect(at(resource(template, 'AutoScalingGroup'), 'Properties', 'MaxSize')).toBe('6');
      });

      it('lets EFS mount targets admit the instances, which carry the tasks', async () => {
        const template = await templateFor(
          webWorkload({ control: { hostNetwork: true }, persistence: { type: 'shared-file' } }),
          'ecs-ec2',
        );
        expect(JSON.stringify(resource(template, 'FileSystemSecurityGroup'))).toContain(
          '"SourceSecurityGroupId":{"Ref":"InstanceSecurityGroup"}',
        );
      });
    });

    it('starts EC2 instances from the ECS-optimized AMI of their SSM parameter and lets ECS scale them', async () => {
      const template = await templateFor(webWorkload({ control: { gpu: true } }), 'ecs-ec2');
      expect(template.Parameters.AmiId).toMatchObject({
        Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        Default: '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id',
      });
      expect(
        at(resource(template, 'CapacityProvider'), 'Properties', 'AutoScalingGroupProvider'),
      ).toMatchObject({
        AutoScalingGroupArn: { Ref: 'AutoScalingGroup' },
        ManagedScaling: { Status: 'ENABLED' },
        ManagedTerminationProtection: 'ENABLED',
      });
      expect(
        at(resource(template, 'AutoScalingGroup'), 'Properties', 'NewInstancesProtectedFromScaleIn'),
      ).toBe(true);
    });

    it('runs an interruptible service on Fargate Spot above one on-demand task', async () => {
      const template = await templateFor(webWorkload({ cost: { interruptible: true } }), 'ecs-fargate');
      expect(at(resource(template, 'Service'), 'Properties', 'CapacityProviderStrategy')).toEqual([
        { CapacityProvider: 'FARGATE', Weight: 1, Base: 1 },
        { CapacityProvider: 'FARGATE_SPOT', Weight: 3, Base: 0 },
      ]);
    });

    it('runs a scheduled job with EventBridge Scheduler and a role that may only start it', async () => {
      const template = await templateFor(
        batchWorkload({ trigger: { type: 'schedule', expression: 'rate(1 hour)' } }),
        'ecs-fargate',
      );
      expect(at(resource(template, 'Schedule'), 'Properties')).toMatchObject({
        ScheduleExpression: 'rate(1 hour)',
        Target: {
          Arn: { 'Fn::GetAtt': ['Cluster', 'Arn'] },
          RoleArn: { 'Fn::GetAtt': ['SchedulerRole', 'Arn'] },
          EcsParameters: { TaskDefinitionArn: { Ref: 'TaskDefinition' }, TaskCount: 1 },
        },
      });
    });
  });

  describe('on EKS', () => {
    it('gives the pods their role through Pod Identity on nodes', async () => {
      const template = await templateFor(
        webWorkload({ name: 'catalog', control: { kubernetes: 'required' } }),
        'eks-managed-nodes',
      );
      expect(at(resource(template, 'PodIdentityAssociation'), 'Properties')).toEqual({
        ClusterName: { Ref: 'Cluster' },
        Namespace: 'catalog',
        ServiceAccount: 'catalog',
        RoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
      });
    });

    it('gives the pods their role through the cluster OIDC provider on Fargate', async () => {
      const template = await templateFor(
        webWorkload({ name: 'wiki', control: { kubernetes: 'required' } }),
        'eks-fargate',
      );
      const trust = at(
        resource(template, 'TaskRole'),
        'Properties',
        'AssumeRolePolicyDocument',
        'Fn::Sub',
      ) as [string, Node];
      expect(JSON.parse(trust[0])).toMatchObject({
        Statement: [
          { Action: 'sts:AssumeRoleWithWebIdentity', Principal: { Federated: subVariable('ProviderArn') } },
        ],
      });
      expect(trust[1]).toMatchObject({
        ProviderArn: { Ref: 'OidcProvider' },
        Namespace: 'wiki',
        ServiceAccount: 'wiki',
      });
    });

    it('starts self-managed nodes from the EKS-optimized AMI of their SSM parameter', async () => {
      const template = await templateFor(
        webWorkload({ control: { kubernetes: 'required', level: 'full', architecture: 'arm64' } }),
        'eks-self-managed-nodes',
      );
      expect(template.Parameters.AmiId?.Default).toMatch(
        /^\/aws\/service\/eks\/optimized-ami\/1\.\d+\/amazon-linux-2023\/arm64\/standard\/recommended\/image_id$/,
      );
    });
  });

  describe('when the request holds values that mean something in YAML or to Fn::Sub', () => {
    const prefix = `in"x'/#:{a}[b]&*!|>%@\`---\${AWS::Region}`;
    const image = `'team"x/app:1#{}\${Repository}`;
    const resourceArn = `arn:aws:s3:::a.b-c/"quoted'\${x}*`;
    const body = batchWorkload({
      trigger: { type: 's3-object-created', bucket: 'a.b-c', prefix },
      image,
      awsAccess: [{ service: 's3', resource: resourceArn, access: 'read' }],
    });
    // AWS Batch runs the S3-triggered job; a team that wants AWS to run everything keeps it on ECS on Fargate.
    const onEcs = { ...body, control: { level: 'minimal' as const } };

    it.each([
      { platform: 'ECS', request: onEcs, role: 'TaskRole' },
      { platform: 'AWS Batch', request: body, role: 'JobRole' },
    ])('keeps them intact, as plain values, through the YAML on $platform', async ({ request, role }) => {
      const file = fileAt(await starterFiles(request), TEMPLATE_PATH);
      const parsed = YAML.parse(file.content, { version: '1.1' }) as TemplateDocument;
      expect(parsed.Parameters.ImageUri?.Default).toBe(image);
      expect(
        at(
          parsed.Resources.ObjectCreatedRule,
          'Properties',
          'EventPattern',
          'detail',
          'object',
          'key',
          0,
          'prefix',
        ),
      ).toBe(prefix);
      expect(JSON.stringify(parsed.Resources[role])).toContain(JSON.stringify(resourceArn));
    });

    it('never puts them into a format string of Fn::Sub on any platform', async () => {
      const inputs = await inputsOnEveryEligiblePlatform(body);
      expect(inputs.map((input) => input.platform.id)).toContain('aws-batch');
      const formats = inputs.flatMap((input) =>
        (intrinsics(cloudFormationTemplate(input), 'Fn::Sub') as (string | [string])[]).map((value) =>
          typeof value === 'string' ? value : value[0],
        ),
      );
      expect(formats.length).toBeGreaterThan(0);
      for (const value of [prefix, image, resourceArn]) {
        expect(formats.filter((format) => format.includes(value))).toEqual([]);
      }
    });
  });

  describe('in the starter configuration', () => {
    const body = webWorkload({ name: 'orders-api', traffic: HTTPS });

    it('is the template the generator builds, byte for byte, every time', async () => {
      const [first, second] = [await starterFiles(body), await starterFiles(body)];
      expect(fileAt(first, TEMPLATE_PATH)).toEqual(fileAt(second, TEMPLATE_PATH));
      const input = (await inputsOnEveryEligiblePlatform(body)).find(
        (candidate) => candidate.platform.id === 'ecs-fargate',
      );
      if (input === undefined) throw new Error('ecs-fargate cannot run the body');
      expect(fileAt(first, TEMPLATE_PATH).content).toBe(
        cloudFormationTemplateFile(cloudFormationTemplate(input)).content,
      );
    });

    it('comes with a README that deploys it with exactly the parameters it requires', async () => {
      const files = await starterFiles(body);
      const template = YAML.parse(fileAt(files, TEMPLATE_PATH).content, {
        version: '1.1',
      }) as TemplateDocument;
      const readme = fileAt(files, 'README.md').content;
      const command = /```sh\n([\s\S]*?)\n```/.exec(readme)?.[1]?.replace(/ \\\n\s*/g, ' ') ?? '';
      expect(command).toMatch(
        /^aws cloudformation deploy --template-file cloudformation\/template\.yaml --stack-name orders-api --capabilities CAPABILITY_NAMED_IAM --parameter-overrides /,
      );
      const overridden = [...command.matchAll(/ (\w+)=/g)].map((match) => match[1]);
      expect(overridden).toEqual(requiredParameters(template));
      for (const name of Object.keys(template.Parameters)) expect(readme).toContain(`- \`${name}\` (`);
      for (const name of Object.keys(template.Outputs)) expect(readme).toContain(`- \`${name}\`: `);
    });
  });

  describe('when the container adds Linux capabilities', () => {
    it.each(['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances'] as const)(
      'adds them to the container definition on %s',
      async (platform) => {
        const template = await templateFor(
          webWorkload({ control: { capabilities: ['SYS_PTRACE'] } }),
          platform,
        );
        expect(
          at(
            resource(template, 'TaskDefinition'),
            'Properties',
            'ContainerDefinitions',
            0,
            'LinuxParameters',
          ),
        ).toEqual({
          Capabilities: { Add: ['SYS_PTRACE'] },
        });
      },
    );
  });
});
