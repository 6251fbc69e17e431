import { getAtt, ref, select, type TemplateValue } from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import type { StackReferences } from '../stack-references';
import type { FileSystemPlan } from './plan';

/** NFS, the port EFS mount targets listen on. */
const NFS_PORT = 2049;

/**
 * CloudFormation has no loop over a subnet list, so the file system gets a mount target in each of the first
 * two private subnets, and whatever mounts it is placed in those two subnets only (a task in an Availability
 * Zone without a mount target could not mount the file system). The subnet parameter's description says so.
 */
export const MOUNT_TARGET_SUBNETS = 2;

/** Where the file system's clients must run, and what they must wait for. */
export interface StackFileSystem {
  /** The subnets its clients must run in: the ones with a mount target. */
  subnets: TemplateValue[];
  /** The logical ids of the mount targets. */
  mountTargets: string[];
}

/** Where the file system goes: the VPC, its private subnets, and the security group of its clients. */
export interface FileSystemNetwork {
  vpc: TemplateValue;
  privateSubnets: TemplateValue;
  clientSecurityGroup: TemplateValue;
}

/**
 * AWS::EFS::FileSystem `FileSystem` (its data outlives the stack), one mount target per private subnet used,
 * an NFS rule that admits only the clients' security group, and the access point. Provides `file-system`
 * (id, arn) and `file-system-access-point` (id) to references.
 */
export function addFileSystem(
  template: TemplateBuilder,
  references: StackReferences,
  plan: FileSystemPlan,
  network: FileSystemNetwork,
): StackFileSystem {
  template.resource('FileSystem', {
    Type: 'AWS::EFS::FileSystem',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      Encrypted: plan.encrypted,
      PerformanceMode: plan.performanceMode,
      ThroughputMode: plan.throughputMode,
      BackupPolicy: { Status: 'ENABLED' },
      FileSystemTags: [{ Key: 'Name', Value: plan.nameTag }],
    },
  });
  template.resource('FileSystemSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'EFS mount targets: NFS from the workload only',
      VpcId: network.vpc,
      SecurityGroupIngress: [
        {
          Description: 'NFS from the workload',
          IpProtocol: 'tcp',
          FromPort: NFS_PORT,
          ToPort: NFS_PORT,
          SourceSecurityGroupId: network.clientSecurityGroup,
        },
      ],
    },
  });
  const subnets = Array.from({ length: MOUNT_TARGET_SUBNETS }, (_, index) =>
    select(index, network.privateSubnets),
  );
  const mountTargets = subnets.map((subnet, index) =>
    template.resource(`FileSystemMountTarget${index + 1}`, {
      Type: 'AWS::EFS::MountTarget',
      Properties: {
        FileSystemId: ref('FileSystem'),
        SubnetId: subnet,
        SecurityGroups: [ref('FileSystemSecurityGroup')],
      },
    }),
  );
  const { uid, gid, path } = plan.accessPoint;
  template.resource('AccessPoint', {
    Type: 'AWS::EFS::AccessPoint',
    Properties: {
      FileSystemId: ref('FileSystem'),
      PosixUser: { Uid: uid, Gid: gid },
      RootDirectory: {
        Path: path,
        CreationInfo: { OwnerUid: uid, OwnerGid: gid, Permissions: '750' },
      },
      AccessPointTags: [{ Key: 'Name', Value: plan.nameTag }],
    },
  });
  template.output('FileSystemId', { Description: 'The EFS file system.', Value: ref('FileSystem') });
  template.output('AccessPointId', {
    Description: 'The EFS access point the workload mounts through.',
    Value: ref('AccessPoint'),
  });
  references.provide('file-system', { id: ref('FileSystem'), arn: getAtt('FileSystem', 'Arn') });
  references.provide('file-system-access-point', { id: ref('AccessPoint') });
  return { subnets, mountTargets };
}
