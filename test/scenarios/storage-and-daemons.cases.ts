import { webWorkload } from '../support/workloads';
import { publicHttp, type Scenario } from './scenarios.cases';

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
];
