import { isRecord } from '../../shared/json-value';
import { PLACEHOLDERS } from '../shared/placeholders';
import type { StarterConfigInput } from '../shared/starter-file';
import { getAtt, ref, select, type TemplateValue } from './intrinsics';
import type { TemplateBuilder } from './template';

/** NFS, the port EFS mount targets listen on. */
const NFS_PORT = 2049;

/**
 * CloudFormation has no loop over a subnet list, so the file system gets a mount target in each of the first
 * two private subnets, and whatever mounts it is placed in those two subnets only (a task in an Availability
 * Zone without a mount target could not mount the file system). The subnet parameter's description says so.
 */
export const MOUNT_TARGET_SUBNETS = 2;

export interface StackFileSystem {
  fileSystemId: TemplateValue;
  accessPointId: TemplateValue;
  /** The subnets its clients must run in: the ones with a mount target. */
  subnets: TemplateValue[];
  /** The logical ids of the mount targets, which the clients must wait for. */
  mountTargets: string[];
}

/**
 * The designed EFS file system: encrypted, elastic throughput, one mount target per private subnet used,
 * an NFS rule that admits only the clients' security group, and the access point the workload mounts
 * through, with the designed POSIX owner and root directory. Its data outlives the stack.
 */
export function addFileSystem(
  template: TemplateBuilder,
  input: StarterConfigInput,
  vpc: TemplateValue,
  privateSubnets: TemplateValue,
  clientSecurityGroup: TemplateValue,
): StackFileSystem {
  const { workload, design } = input;
  const details = design.storage.details ?? {};
  template.resource('FileSystem', {
    Type: 'AWS::EFS::FileSystem',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      Encrypted: details.encrypted !== false,
      PerformanceMode: details.performanceMode === 'maxIO' ? 'maxIO' : 'generalPurpose',
      ThroughputMode: details.throughputMode === 'bursting' ? 'bursting' : 'elastic',
      BackupPolicy: { Status: 'ENABLED' },
      FileSystemTags: [{ Key: 'Name', Value: workload.name }],
    },
  });
  template.resource('FileSystemSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'EFS mount targets: NFS from the workload only',
      VpcId: vpc,
      SecurityGroupIngress: [
        {
          Description: 'NFS from the workload',
          IpProtocol: 'tcp',
          FromPort: NFS_PORT,
          ToPort: NFS_PORT,
          SourceSecurityGroupId: clientSecurityGroup,
        },
      ],
    },
  });
  const subnets = Array.from({ length: MOUNT_TARGET_SUBNETS }, (_, index) => select(index, privateSubnets));
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
  const accessPoint = isRecord(details.accessPoint) ? details.accessPoint : {};
  const uid = typeof accessPoint.uid === 'number' ? String(accessPoint.uid) : '1000';
  const gid = typeof accessPoint.gid === 'number' ? String(accessPoint.gid) : '1000';
  template.resource('AccessPoint', {
    Type: 'AWS::EFS::AccessPoint',
    Properties: {
      FileSystemId: ref('FileSystem'),
      PosixUser: { Uid: uid, Gid: gid },
      RootDirectory: {
        Path: typeof accessPoint.path === 'string' ? accessPoint.path : `/${workload.name}`,
        CreationInfo: { OwnerUid: uid, OwnerGid: gid, Permissions: '750' },
      },
      AccessPointTags: [{ Key: 'Name', Value: workload.name }],
    },
  });
  template.output('FileSystemId', { Description: 'The EFS file system.', Value: ref('FileSystem') });
  template.output('AccessPointId', {
    Description: 'The EFS access point the workload mounts through.',
    Value: ref('AccessPoint'),
  });
  return {
    fileSystemId: ref('FileSystem'),
    accessPointId: ref('AccessPoint'),
    subnets,
    mountTargets,
  };
}

/** How the design rules name the file system in the task role's statement, placeholders included. */
export function designedFileSystemArn(input: StarterConfigInput): string {
  return `arn:aws:elasticfilesystem:${input.workload.region}:${PLACEHOLDERS.accountId}:file-system/${PLACEHOLDERS.efsFileSystemId}`;
}

export function fileSystemArn(): TemplateValue {
  return getAtt('FileSystem', 'Arn');
}
