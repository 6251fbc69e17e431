import { webWorkload, workerWorkload } from '../support/workloads';
import { noLoadBalancer, publicHttp, type Scenario, stateless } from './scenarios.cases';

/**
 * Storage and per-host agents, end to end: where FSx for Windows File Server can be mounted and what the
 * instances need for it, EFS mount targets in every subnet the workload runs in, and the daemon that
 * `control.daemons` asks for. Each `why` cites the AWS page the expectation rests on.
 */
export const storageAndDaemonScenarios: Scenario[] = [
  {
    name: 'a Windows web app that prefers Kubernetes and keeps its files on an FSx for Windows share',
    why: 'Amazon ECS mounts FSx for Windows File Server in the task definition, on Windows EC2 container instances only (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html). On EKS there is no AWS CSI driver for it: the community SMB CSI driver needs CSI Proxy, which "the Amazon EKS Optimized Windows AMI does not contain" (https://aws.github.io/aws-eks-best-practices/windows/docs/storage), so a preference for Kubernetes cannot outweigh a share only ECS on EC2 mounts.',
    workload: webWorkload({
      name: 'claims-portal',
      control: { os: 'windows', kubernetes: 'preferred' },
      persistence: { type: 'windows-file', sizeGiB: 100 },
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: publicHttp,
      storage: { type: 'fsx-windows', mountPath: 'C:\\data' },
      scalingPolicy: 'target-tracking',
      blockers: {
        'eks-managed-nodes':
          /cannot provide windows-file storage to windows containers\. .*Amazon ECS on EC2/,
        'eks-self-managed-nodes':
          /cannot provide windows-file storage to windows containers\. .*Amazon ECS on EC2/,
      },
    },
  },
  {
    name: 'a Windows document service on FSx for Windows File Server, deployed from the starter files',
    why: 'FSx for Windows File Server volumes need "an ECS Windows EC2 instance that is joined to a valid domain" and a Secrets Manager secret with the credentials (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html); instances join an AWS Directory Service domain through the AWS-JoinDirectoryServiceDomain Systems Manager document (https://docs.aws.amazon.com/directoryservice/latest/admin-guide/launching_instance.html), and the agent fetches the secret with the task execution role (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html).',
    workload: webWorkload({
      name: 'docs-share',
      control: { os: 'windows' },
      persistence: { type: 'windows-file', sizeGiB: 200 },
      resources: { cpu: 2, memoryGiB: 8 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: publicHttp,
      storage: { type: 'fsx-windows' },
      scalingPolicy: 'target-tracking',
      starterFiles: {
        'ssm/domain-join-association.json':
          /"Name": "AWS-JoinDirectoryServiceDomain"[\s\S]*"directoryId"[\s\S]*"directoryName"[\s\S]*"dnsIpAddresses"/,
        'iam/roles.json':
          /"RoleName": "docs-share-execution"[\s\S]*"secretsmanager:GetSecretValue"[\s\S]*"<fsx-credentials-secret-arn>"/,
        'cloudformation/template.yaml':
          /Type: AWS::SSM::Association[\s\S]*directoryId:\s+- Ref: ActiveDirectoryId[\s\S]*dnsIpAddresses:\s+Ref: ActiveDirectoryDnsIps/,
      },
    },
  },
  {
    name: 'a content service on EFS in a VPC with three Availability Zones',
    why: 'AWS: "at a minimum, you should create a mount target in each Availability Zone from which you want to access the file system", and only one per Availability Zone (https://docs.aws.amazon.com/efs/latest/ug/manage-fs-access-create-delete-mount-targets.html); the service spreads tasks over every subnet it is given (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html), so every private subnet listed needs its mount target, not only the first two.',
    workload: webWorkload({
      name: 'cms',
      persistence: { type: 'shared-file', sizeGiB: 50 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: { type: 'efs' },
      scalingPolicy: 'target-tracking',
      starterFiles: {
        'cloudformation/template.yaml':
          /FileSystemMountTarget3:\s+Type: AWS::EFS::MountTarget\s+Condition: HasPrivateSubnet3/,
        'README.md': /for subnet in <private-subnet-ids>; do aws efs create-mount-target/,
      },
    },
  },
  {
    name: 'a Windows queue worker with a per-host log shipper on ECS',
    why: 'A per-host agent on ECS is a service with the DAEMON scheduling strategy, which runs one task on every container instance and does not run on Fargate (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html); Windows containers with their own hosts mean ECS on EC2. The agent is its own task definition with its own roles, so the workload’s task role grants it nothing (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html). The worker itself reads its SQS queue and scales on the backlog per task (https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking-metric-math.html).',
    workload: workerWorkload({
      name: 'invoices',
      control: { os: 'windows', daemons: true, kubernetes: 'avoid' },
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [{ type: 'sqs-queue', queueName: 'invoices-queue' }],
      blockers: { 'ecs-fargate': /per-host daemons/ },
      starterFiles: {
        'ecs/daemon-service.json': /"schedulingStrategy": "DAEMON"/,
        'ecs/daemon-task-definition.json': /"family": "invoices-agent"[\s\S]*"image": "<daemon-image>"/,
        'iam/roles.json': /"RoleName": "invoices-agent-execution"[\s\S]*"RoleName": "invoices-agent-task"/,
        'cloudformation/template.yaml': /DaemonImageUri:[\s\S]*SchedulingStrategy: DAEMON/,
      },
    },
  },
  {
    name: 'a Windows web service on Kubernetes with a node agent',
    why: 'A DaemonSet runs one pod on every node (https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html); EKS Fargate does not run DaemonSets and Auto Mode does not run Windows, so Windows nodes in a managed node group carry it. The agent gets its own ServiceAccount and IAM role; EKS Pod Identity is available only on Linux EC2 nodes (https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html, restrictions), so on Windows nodes the role is trusted through the cluster OIDC provider and named in the ServiceAccount annotation (https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html).',
    workload: webWorkload({
      name: 'storefront',
      control: { os: 'windows', kubernetes: 'required', daemons: true },
      resources: { cpu: 2, memoryGiB: 4 },
    }),
    want: {
      platform: 'eks-managed-nodes',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /per-host daemons/ },
      starterFiles: {
        'eks/manifests.yaml':
          /kind: ServiceAccount\s+metadata:\s+name: storefront-agent[\s\S]*eks\.amazonaws\.com\/role-arn: arn:aws:iam::<account-id>:role\/storefront-agent[\s\S]*kind: DaemonSet[\s\S]*serviceAccountName: storefront-agent/,
        'eks/cluster.yaml': /withOIDC: true/,
        'iam/roles.json':
          /"RoleName": "storefront-agent"[\s\S]*sts:AssumeRoleWithWebIdentity[\s\S]*system:serviceaccount:storefront:storefront-agent/,
      },
    },
  },
];
