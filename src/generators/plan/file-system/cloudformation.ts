import {
  equals,
  fnIf,
  getAtt,
  type Intrinsic,
  join,
  NO_VALUE,
  not,
  ref,
  select,
  split,
  type TemplateValue,
} from '../../cloudformation/intrinsics';
import type { TemplateBuilder } from '../../cloudformation/template';
import type { StackReferences } from '../stack-references';
import type { FileSystemPlan } from './plan';

/** NFS, the port EFS mount targets listen on. */
export const NFS_PORT = 2049;

/**
 * AWS asks for a mount target in every Availability Zone the file system is used from, and a file system
 * takes one per zone, so every private subnet the clients run in (one per zone) gets one. Six is
 * the most Availability Zones any Region has (us-east-1); the subnet list holds at least two.
 */
export const MOUNT_TARGET_SUBNETS = { always: 2, most: 6 } as const;

/** Logical id of the wait handle whose metadata names every mount target the stack creates. */
export const MOUNT_TARGETS_READY = 'FileSystemMountTargets';

/** What the file system's clients must wait for. */
export interface StackFileSystem {
  /**
   * The resource to depend on: DependsOn cannot name a resource whose condition may be false, so a wait
   * handle refers to each mount target (through Fn::If for the conditional ones) and clients depend on it.
   */
  mountTargets: string[];
}

/** Where the file system goes: the VPC, its private subnets, and the security group of its clients. */
export interface FileSystemNetwork {
  vpc: TemplateValue;
  /** The private subnets list parameter. */
  privateSubnets: Intrinsic;
  clientSecurityGroup: TemplateValue;
}

/**
 * AWS::EFS::FileSystem `FileSystem` (its data outlives the stack), a mount target in every private subnet,
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
  const mountTargets = Array.from({ length: MOUNT_TARGET_SUBNETS.most }, (_, index) => {
    const condition =
      index < MOUNT_TARGET_SUBNETS.always
        ? undefined
        : template.condition(`HasPrivateSubnet${index + 1}`, hasSubnet(network.privateSubnets, index));
    const logicalId = template.resource(`FileSystemMountTarget${index + 1}`, {
      Type: 'AWS::EFS::MountTarget',
      ...(condition === undefined ? {} : { Condition: condition }),
      Properties: {
        FileSystemId: ref('FileSystem'),
        SubnetId: select(index, network.privateSubnets),
        SecurityGroups: [ref('FileSystemSecurityGroup')],
      },
    });
    return condition === undefined ? ref(logicalId) : fnIf(condition, ref(logicalId), NO_VALUE);
  });
  template.resource(MOUNT_TARGETS_READY, {
    Type: 'AWS::CloudFormation::WaitConditionHandle',
    Metadata: { MountTargets: mountTargets },
    Properties: {},
  });
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
  return { mountTargets: [MOUNT_TARGETS_READY] };
}

/**
 * Whether the subnet list has an item at `index`, without the AWS::LanguageExtensions transform: the list is
 * joined, padded with empty items so that every index up to the last mount target exists, and split again.
 */
function hasSubnet(subnets: Intrinsic, index: number): Intrinsic {
  const padding = Array.from({ length: MOUNT_TARGET_SUBNETS.most - MOUNT_TARGET_SUBNETS.always }, () => '');
  const padded = split(',', join(',', [join(',', subnets), ...padding]));
  return not(equals(select(index, padded), ''));
}
