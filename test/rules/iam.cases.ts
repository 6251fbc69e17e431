import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type Iam = components['schemas']['Iam'];
type IamStatement = components['schemas']['IamStatement'];

export interface IamWant {
  /** Compared with toMatchObject: statement lists and action lists must match exactly. */
  roles: DeepPartial<Iam>;
  /** Role slots the platform must not have. */
  without?: (keyof Iam)[];
}

const policy = (name: string) => `arn:aws:iam::aws:policy/${name}`;
const onKubernetes = { kubernetes: 'required' } as const;
const onKubernetesNodes = { kubernetes: 'required', daemons: true } as const;
/** Full control rules out the nodes AWS runs (EKS Auto Mode) and leaves the team's own. */
const onNodesTheTeamRuns = { kubernetes: 'required', level: 'full' } as const;
const existingAppRunnerCustomer = {
  existingAppRunnerCustomer: true,
  control: { level: 'minimal' },
  traffic: { pattern: 'intermittent' },
} as const;
const readsOrders = {
  service: 'dynamodb',
  resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
  access: 'read',
} as const;
const readOrdersStatement = {
  effect: 'Allow',
  actions: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:DescribeTable',
  ],
  resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
} as const;
const consumeQueue = (arn: string): IamStatement => ({
  effect: 'Allow',
  actions: [
    'sqs:ReceiveMessage',
    'sqs:DeleteMessage',
    'sqs:ChangeMessageVisibility',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
  ],
  resources: [arn],
});

/**
 * rules/iam.json: an execution role that pulls the image and writes logs (AmazonECSTaskExecutionRolePolicy on
 * ECS; the node role on EKS EC2 nodes; the pod execution role on EKS Fargate; the ECR access role on App
 * Runner), a least-privilege task role built from awsAccess (rules/catalogue/aws-access-actions.json), and
 * the platform's own roles: Express Mode's infrastructure role, the ECS container instance role, the EKS
 * cluster role (docs/sources.md §A).
 */
export const iamCases: DesignCase<IamWant>[] = [
  {
    given: 'a web service named orders-api runs on ECS Fargate',
    rule: 'ecs-task-execution-role',
    workload: webWorkload({ name: 'orders-api' }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        executionRole: {
          name: 'orders-api-execution',
          trustedService: 'ecs-tasks.amazonaws.com',
          managedPolicyArns: [policy('service-role/AmazonECSTaskExecutionRolePolicy')],
        },
      },
      without: ['nodeRole', 'infrastructureRole', 'clusterRole'],
    },
  },
  {
    given: 'a minimal-ops web app runs on Express Mode',
    rule: 'ecs-task-execution-role',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: {
      roles: {
        executionRole: { managedPolicyArns: [policy('service-role/AmazonECSTaskExecutionRolePolicy')] },
      },
    },
  },
  {
    given: 'the application calls nothing on AWS',
    rule: 'ecs-task-role-least-privilege',
    workload: webWorkload({ name: 'orders-api' }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: { name: 'orders-api-task', trustedService: 'ecs-tasks.amazonaws.com', statements: [] },
      },
    },
  },
  {
    given: 'the application writes to an S3 bucket and reads a DynamoDB table',
    rule: 'ecs-task-role-least-privilege',
    workload: webWorkload({
      awsAccess: [{ service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'write' }, readsOrders],
    }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['s3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
              resources: ['arn:aws:s3:::uploads/*'],
            },
            readOrdersStatement,
          ],
        },
      },
    },
  },
  {
    given: 'the application both sends to and receives from a queue',
    rule: 'ecs-task-role-least-privilege',
    workload: webWorkload({
      awsAccess: [
        { service: 'sqs', resource: 'arn:aws:sqs:us-east-1:123456789012:orders', access: 'read-write' },
      ],
    }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              actions: [
                'sqs:ReceiveMessage',
                'sqs:DeleteMessage',
                'sqs:ChangeMessageVisibility',
                'sqs:GetQueueAttributes',
                'sqs:GetQueueUrl',
                'sqs:SendMessage',
              ],
              resources: ['arn:aws:sqs:us-east-1:123456789012:orders'],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a minimal-ops web app named shop runs on Express Mode',
    rule: 'express-mode-infrastructure-role',
    workload: webWorkload({ name: 'shop', control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: {
      roles: {
        infrastructureRole: {
          name: 'shop-infrastructure',
          trustedService: 'ecs.amazonaws.com',
          managedPolicyArns: [policy('service-role/AmazonECSInfrastructureRoleforExpressGatewayServices')],
        },
      },
    },
  },
  {
    given: 'a GPU service named inference runs on EC2 container instances its team needs full control of',
    rule: 'ecs-container-instance-role',
    workload: webWorkload({ name: 'inference', control: { gpu: true, level: 'full' } }),
    platform: 'ecs-ec2',
    want: {
      roles: {
        executionRole: { managedPolicyArns: [policy('service-role/AmazonECSTaskExecutionRolePolicy')] },
        nodeRole: {
          name: 'inference-instance',
          trustedService: 'ec2.amazonaws.com',
          managedPolicyArns: [
            policy('service-role/AmazonEC2ContainerServiceforEC2Role'),
            policy('AmazonSSMManagedInstanceCore'),
          ],
        },
      },
    },
  },
  {
    given: 'a GPU service named inference runs on ECS Managed Instances',
    rule: 'managed-instances-infrastructure-role',
    workload: webWorkload({ name: 'inference', control: { gpu: true, level: 'minimal' } }),
    platform: 'ecs-managed-instances',
    want: {
      roles: {
        infrastructureRole: {
          name: 'inference-infrastructure',
          trustedService: 'ecs.amazonaws.com',
          managedPolicyArns: [policy('AmazonECSInfrastructureRolePolicyForManagedInstances')],
        },
      },
    },
  },
  {
    given: 'a GPU service named inference runs on ECS Managed Instances',
    rule: 'managed-instances-instance-role',
    workload: webWorkload({ name: 'inference', control: { gpu: true, level: 'minimal' } }),
    platform: 'ecs-managed-instances',
    want: {
      roles: {
        nodeRole: {
          name: 'ecsInstanceRole-inference',
          trustedService: 'ec2.amazonaws.com',
          managedPolicyArns: [policy('AmazonECSInstanceRolePolicyForManagedInstances')],
        },
      },
    },
  },
  {
    given: 'a cost-sensitive workload requires Kubernetes, which lands on Fargate',
    rule: 'eks-cluster-role',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    want: {
      roles: {
        clusterRole: {
          trustedService: 'eks.amazonaws.com',
          managedPolicyArns: [policy('AmazonEKSClusterPolicy')],
        },
      },
    },
  },
  {
    given: 'a Kubernetes workload runs on EC2 nodes the team owns',
    rule: 'eks-node-role-pulls-images',
    workload: webWorkload({ control: onNodesTheTeamRuns }),
    platform: 'eks-self-managed-nodes',
    want: {
      roles: {
        executionRole: {
          name: 'app-node',
          trustedService: 'ec2.amazonaws.com',
          managedPolicyArns: [
            policy('AmazonEKSWorkerNodePolicy'),
            policy('AmazonEKS_CNI_Policy'),
            policy('AmazonEC2ContainerRegistryReadOnly'),
            policy('AmazonSSMManagedInstanceCore'),
          ],
        },
      },
      without: ['nodeRole', 'infrastructureRole'],
    },
  },
  // The EKS Auto Mode cluster role: five AWS managed policies and sts:TagSession in its trust
  // (https://docs.aws.amazon.com/eks/latest/userguide/auto-cluster-iam-role.html); the node role: the
  // minimal worker policy and ECR pull (https://docs.aws.amazon.com/eks/latest/userguide/auto-create-node-role.html).
  {
    given: 'the workload requires Kubernetes, which EKS Auto Mode runs',
    rule: 'eks-auto-mode-cluster-role',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: {
      roles: {
        clusterRole: {
          trustedService: 'eks.amazonaws.com',
          trustActions: ['sts:AssumeRole', 'sts:TagSession'],
          managedPolicyArns: [
            policy('AmazonEKSClusterPolicy'),
            policy('AmazonEKSComputePolicy'),
            policy('AmazonEKSBlockStoragePolicy'),
            policy('AmazonEKSLoadBalancingPolicy'),
            policy('AmazonEKSNetworkingPolicy'),
          ],
        },
      },
    },
  },
  {
    given: 'the workload requires Kubernetes, which EKS Auto Mode runs',
    rule: 'eks-cluster-role',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    fires: false,
    want: { roles: { clusterRole: { name: 'app-cluster' } } },
  },
  {
    given: 'a Kubernetes workload runs on nodes EKS Auto Mode launches',
    rule: 'eks-auto-mode-node-role',
    workload: webWorkload({ control: onKubernetesNodes }),
    platform: 'eks-auto-mode',
    want: {
      roles: {
        executionRole: {
          name: 'app-node',
          trustedService: 'ec2.amazonaws.com',
          managedPolicyArns: [
            policy('AmazonEKSWorkerNodeMinimalPolicy'),
            policy('AmazonEC2ContainerRegistryPullOnly'),
          ],
        },
      },
    },
  },
  {
    given: 'a cost-sensitive Kubernetes workload runs on Fargate',
    rule: 'eks-fargate-pod-execution-role',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    want: {
      roles: {
        executionRole: {
          trustedService: 'eks-fargate-pods.amazonaws.com',
          managedPolicyArns: [policy('AmazonEKSFargatePodExecutionRolePolicy')],
        },
      },
    },
  },
  {
    given: 'a Kubernetes workload on EC2 nodes reads a DynamoDB table',
    rule: 'eks-pod-identity-role',
    workload: webWorkload({ control: onKubernetesNodes, awsAccess: [readsOrders] }),
    platform: 'eks-auto-mode',
    want: {
      roles: { taskRole: { trustedService: 'pods.eks.amazonaws.com', statements: [readOrdersStatement] } },
    },
  },
  // EKS Fargate has no instance metadata and no Pod Identity agent: IRSA it is.
  {
    given: 'a cost-sensitive Kubernetes workload on Fargate reads a DynamoDB table',
    rule: 'eks-fargate-irsa-role',
    workload: webWorkload({
      control: onKubernetes,
      cost: { sensitivity: 'high' },
      awsAccess: [readsOrders],
    }),
    platform: 'eks-fargate',
    want: {
      roles: {
        taskRole: {
          trustedService: 'cluster OIDC provider (sts:AssumeRoleWithWebIdentity)',
          statements: [readOrdersStatement],
        },
      },
    },
  },
  {
    given: 'a cost-sensitive Kubernetes workload on Fargate reads a DynamoDB table',
    rule: 'eks-pod-identity-role',
    workload: webWorkload({
      control: onKubernetes,
      cost: { sensitivity: 'high' },
      awsAccess: [readsOrders],
    }),
    platform: 'eks-fargate',
    fires: false,
    want: {
      roles: { taskRole: { trustedService: 'cluster OIDC provider (sts:AssumeRoleWithWebIdentity)' } },
    },
  },
  // The EKS Pod Identity agent runs on Linux nodes only (https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html):
  // pods on Windows nodes get their role through IRSA.
  {
    given: 'a Windows Kubernetes workload on EC2 nodes reads a DynamoDB table',
    rule: 'eks-windows-nodes-irsa-role',
    workload: webWorkload({ control: { ...onKubernetes, os: 'windows' }, awsAccess: [readsOrders] }),
    platform: 'eks-managed-nodes',
    want: {
      roles: {
        taskRole: {
          trustedService: 'cluster OIDC provider (sts:AssumeRoleWithWebIdentity)',
          statements: [readOrdersStatement],
        },
      },
    },
  },
  {
    given: 'a Windows Kubernetes workload on EC2 nodes reads a DynamoDB table',
    rule: 'eks-pod-identity-role',
    workload: webWorkload({ control: { ...onKubernetes, os: 'windows' }, awsAccess: [readsOrders] }),
    platform: 'eks-managed-nodes',
    fires: false,
    want: {
      roles: { taskRole: { trustedService: 'cluster OIDC provider (sts:AssumeRoleWithWebIdentity)' } },
    },
  },
  {
    given: 'an existing App Runner customer serves an intermittent web app',
    rule: 'app-runner-access-role',
    workload: webWorkload(existingAppRunnerCustomer),
    platform: 'app-runner',
    want: {
      roles: {
        executionRole: {
          trustedService: 'build.apprunner.amazonaws.com',
          managedPolicyArns: [policy('service-role/AWSAppRunnerServicePolicyForECRAccess')],
        },
      },
    },
  },
  {
    given: 'an existing App Runner customer serves an intermittent web app that reads a DynamoDB table',
    rule: 'app-runner-instance-role',
    workload: webWorkload({ ...existingAppRunnerCustomer, awsAccess: [readsOrders] }),
    platform: 'app-runner',
    want: {
      roles: {
        taskRole: { trustedService: 'tasks.apprunner.amazonaws.com', statements: [readOrdersStatement] },
      },
    },
  },
  {
    given: 'a worker in eu-west-1 is fed by the SQS queue "invoices"',
    rule: 'worker-consumes-its-queue',
    workload: workerWorkload({ region: 'eu-west-1', trigger: { type: 'sqs', queueName: 'invoices' } }),
    platform: 'ecs-fargate',
    want: { roles: { taskRole: { statements: [consumeQueue('arn:aws:sqs:eu-west-1:*:invoices')] } } },
  },
  {
    given: 'a worker fed by a queue also reads a DynamoDB table',
    rule: 'worker-consumes-its-queue',
    workload: workerWorkload({ name: 'billing', awsAccess: [readsOrders] }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: {
          statements: [readOrdersStatement, consumeQueue('arn:aws:sqs:us-east-1:*:billing-queue')],
        },
      },
    },
  },
  {
    given: 'a web service in eu-west-1 shares files on EFS',
    rule: 'efs-client-access-for-the-task-role',
    workload: webWorkload({ region: 'eu-west-1', persistence: { type: 'shared-file' } }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
              resources: [
                'arn:aws:elasticfilesystem:eu-west-1:<account-id>:file-system/<efs-file-system-id>',
              ],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a web service keeps its data on an EBS volume',
    rule: 'efs-client-access-for-the-task-role',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { roles: { taskRole: { statements: [] } } },
  },
  {
    given: 'a web service reads no queue',
    rule: 'worker-consumes-its-queue',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: { roles: { taskRole: { statements: [] } } },
  },
  {
    given:
      'a team that wants AWS to run everything has a batch job handle each object uploaded under incoming/ in photo-uploads',
    rule: 's3-triggered-job-reads-its-objects',
    workload: batchWorkload({
      control: { level: 'minimal' },
      trigger: { type: 's3-object-created', bucket: 'photo-uploads', prefix: 'incoming/' },
    }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['s3:GetObject'],
              resources: ['arn:aws:s3:::photo-uploads/incoming/*'],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a Kubernetes batch job handles each object uploaded to photo-uploads',
    rule: 'eks-s3-events-consumer-reads-its-queue',
    workload: batchWorkload({
      name: 'resizer',
      control: onKubernetes,
      trigger: { type: 's3-object-created', bucket: 'photo-uploads' },
    }),
    platform: 'eks-auto-mode',
    want: {
      roles: {
        taskRole: {
          statements: [
            { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::photo-uploads/*'] },
            consumeQueue('arn:aws:sqs:us-east-1:*:resizer-events'),
          ],
        },
      },
    },
  },
  {
    given:
      'a batch job on ECS handles each object uploaded to photo-uploads, for a team that wants AWS to run everything',
    rule: 'eks-s3-events-consumer-reads-its-queue',
    workload: batchWorkload({
      control: { level: 'minimal' },
      trigger: { type: 's3-object-created', bucket: 'photo-uploads' },
    }),
    platform: 'ecs-fargate',
    fires: false,
    want: {
      roles: {
        taskRole: {
          statements: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::photo-uploads/*'] }],
        },
      },
    },
  },
  // FSx for Windows File Server on ECS (Amazon ECS Developer Guide, wfsx-volumes.html and its tutorial): the
  // agent reads the domain credentials with the execution role; the instances join the directory through
  // Systems Manager, which AmazonSSMDirectoryServiceAccess allows with ds:CreateComputer and DescribeDirectories.
  {
    given: 'a Windows web app keeps its files on an FSx for Windows File Server share',
    rule: 'fsx-windows-execution-role-reads-credentials',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'ecs-ec2',
    want: {
      roles: {
        executionRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['secretsmanager:GetSecretValue'],
              resources: ['<fsx-credentials-secret-arn>'],
            },
          ],
        },
      },
    },
  },
  // ECS and Batch set a container's secrets with the task execution role, App Runner with the instance role
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html,
  // https://docs.aws.amazon.com/apprunner/latest/dg/env-variable.html).
  {
    given: 'a web service reads a database password from Secrets Manager',
    rule: 'execution-role-reads-container-secrets',
    workload: webWorkload({ secrets: [{ name: 'DB_PASSWORD' }] }),
    platform: 'ecs-fargate',
    want: {
      roles: {
        executionRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['secretsmanager:GetSecretValue'],
              resources: ['arn:aws:secretsmanager:us-east-1:<account-id>:secret:app/*'],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a GPU batch job reads an API token from Secrets Manager',
    rule: 'execution-role-reads-container-secrets',
    workload: batchWorkload({ name: 'train', control: { gpu: true }, secrets: [{ name: 'API_TOKEN' }] }),
    platform: 'aws-batch',
    want: {
      roles: {
        executionRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['secretsmanager:GetSecretValue'],
              resources: ['arn:aws:secretsmanager:us-east-1:<account-id>:secret:train/*'],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a web service without secrets',
    rule: 'execution-role-reads-container-secrets',
    workload: webWorkload({ environment: { LOG_LEVEL: 'info' } }),
    platform: 'ecs-fargate',
    fires: false,
    want: { roles: { executionRole: { statements: [] } } },
  },
  {
    given: 'an App Runner web service reads a database password from Secrets Manager',
    rule: 'app-runner-instance-role-reads-container-secrets',
    workload: webWorkload({ ...existingAppRunnerCustomer, secrets: [{ name: 'DB_PASSWORD' }] }),
    platform: 'app-runner',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['secretsmanager:GetSecretValue'],
              resources: ['arn:aws:secretsmanager:us-east-1:<account-id>:secret:app/*'],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a Windows web app keeps its files on an FSx for Windows File Server share',
    rule: 'fsx-windows-instances-join-the-directory',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'ecs-ec2',
    want: {
      roles: {
        nodeRole: {
          managedPolicyArns: [
            policy('service-role/AmazonEC2ContainerServiceforEC2Role'),
            policy('AmazonSSMManagedInstanceCore'),
          ],
          statements: [
            {
              effect: 'Allow',
              actions: ['ds:CreateComputer', 'ds:DescribeDirectories'],
              resources: ['*'],
            },
          ],
        },
      },
    },
  },
  // AWS Batch: an execution role for the agent, a job role from awsAccess
  // (https://docs.aws.amazon.com/batch/latest/userguide/execution-IAM-role.html).
  {
    given: 'a GPU batch job reads the orders table',
    rule: 'batch-job-execution-role',
    workload: batchWorkload({ name: 'train', control: { gpu: true }, awsAccess: [readsOrders] }),
    platform: 'aws-batch',
    want: {
      roles: {
        executionRole: {
          name: 'train-execution',
          trustedService: 'ecs-tasks.amazonaws.com',
          managedPolicyArns: [policy('service-role/AmazonECSTaskExecutionRolePolicy')],
        },
      },
      without: ['nodeRole', 'infrastructureRole', 'clusterRole'],
    },
  },
  {
    given: 'a GPU batch job reads the orders table',
    rule: 'batch-job-role-least-privilege',
    workload: batchWorkload({ name: 'train', control: { gpu: true }, awsAccess: [readsOrders] }),
    platform: 'aws-batch',
    want: {
      roles: {
        taskRole: {
          name: 'train-job',
          trustedService: 'ecs-tasks.amazonaws.com',
          statements: [readOrdersStatement],
        },
      },
    },
  },
  {
    given: 'an interruptible batch job shares files on EFS in eu-west-1',
    rule: 'efs-client-access-for-the-task-role',
    workload: batchWorkload({
      region: 'eu-west-1',
      persistence: { type: 'shared-file' },
      cost: { interruptible: true },
    }),
    platform: 'aws-batch',
    want: {
      roles: {
        taskRole: {
          statements: [
            {
              effect: 'Allow',
              actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
              resources: [
                'arn:aws:elasticfilesystem:eu-west-1:<account-id>:file-system/<efs-file-system-id>',
              ],
            },
          ],
        },
      },
    },
  },
  {
    given: 'a Windows web app without a file share runs on ECS on EC2',
    rule: 'fsx-windows-instances-join-the-directory',
    workload: webWorkload({
      control: { os: 'windows', kubernetes: 'avoid' },
      resources: { cpu: 8, memoryGiB: 32 },
    }),
    platform: 'ecs-ec2',
    fires: false,
    want: { roles: { nodeRole: { statements: [] }, executionRole: { statements: [] } } },
  },
];
