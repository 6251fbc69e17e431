import { PLACEHOLDERS } from '../../shared/placeholders';
import { NFS_PORT } from './cloudformation';
import type { FileSystemPlan } from './plan';

/** Who mounts the file system: the security group its NFS rule admits, and whether it uses the access point. */
export interface FileSystemClients {
  securityGroup: string;
  accessPoint: boolean;
}

/**
 * The CLI calls that create what the stack's file system part creates: the file system, the security group
 * of its mount targets with the NFS rule, a mount target in every private subnet the workload runs in (AWS
 * asks for one in every Availability Zone the file system is used from, and allows one per zone) and, when
 * the workload mounts through it, the access point.
 */
export function fileSystemSteps(plan: FileSystemPlan, clients: FileSystemClients): string[] {
  const name = plan.nameTag;
  const fileSystemId = PLACEHOLDERS.efsFileSystemId;
  const securityGroup = PLACEHOLDERS.efsSecurityGroupId;
  const { uid, gid, path } = plan.accessPoint;
  return [
    `Create the EFS file system, then copy its FileSystemId: \`aws efs create-file-system ${plan.encrypted ? '--encrypted' : '--no-encrypted'} --performance-mode ${plan.performanceMode} --throughput-mode ${plan.throughputMode} --backup --tags Key=Name,Value=${name}\``,
    `Create the security group of its mount targets, then copy its GroupId: \`aws ec2 create-security-group --group-name ${name}-efs --description "EFS mount targets: NFS from the workload only" --vpc-id ${PLACEHOLDERS.vpcId}\``,
    `Let only the workload reach them over NFS: \`aws ec2 authorize-security-group-ingress --group-id ${securityGroup} --protocol tcp --port ${NFS_PORT} --source-group ${clients.securityGroup}\``,
    `Give the file system a mount target in every private subnet the workload runs in, one per Availability Zone: \`for subnet in ${PLACEHOLDERS.privateSubnetIds}; do aws efs create-mount-target --file-system-id ${fileSystemId} --subnet-id "$subnet" --security-groups ${securityGroup}; done\``,
    ...(clients.accessPoint
      ? [
          `Create the access point the workload mounts through, then copy its AccessPointId: \`aws efs create-access-point --file-system-id ${fileSystemId} --posix-user Uid=${uid},Gid=${gid} --root-directory 'Path=${path},CreationInfo={OwnerUid=${uid},OwnerGid=${gid},Permissions=750}' --tags Key=Name,Value=${name}\``,
        ]
      : []),
  ];
}
