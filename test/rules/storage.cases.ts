import type { components } from '../../src/contract/generated/openapi-types';
import { batchWorkload, webWorkload } from '../support/workloads';
import type { DeepPartial, DesignCase } from './rule-case';

type Storage = components['schemas']['Storage'];

const windowsFileShare = (sizeGiB: number) =>
  webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file', sizeGiB } });
const lustre = (sizeGiB: number) =>
  batchWorkload({ persistence: { type: 'high-performance-file', sizeGiB } });

/**
 * rules/storage.json: EFS for shared files, EBS for block volumes, FSx for Windows File Server for Windows
 * file shares (SSD minimum 32 GiB), FSx for Lustre for high-performance files (PERSISTENT_2: 1,200 GiB,
 * then 2,400 GiB steps). FSx for Windows runs on ECS only on Windows EC2 instances and FSx for Lustre only
 * on EKS EC2 nodes (docs/sources.md §2, summary 8).
 */
export const storageCases: DesignCase<DeepPartial<Storage>>[] = [
  {
    given: 'the workload keeps no state',
    rule: 'no-persistent-storage',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: { type: 'none' },
  },
  {
    given: 'the workload shares 100 GiB of files',
    rule: 'efs-for-shared-files',
    workload: webWorkload({ persistence: { type: 'shared-file', sizeGiB: 100 } }),
    platform: 'ecs-fargate',
    want: { type: 'efs', sizeGiB: 100, details: { encrypted: true, transitEncryption: true } },
  },
  {
    given: 'a Kubernetes workload shares files',
    rule: 'efs-for-shared-files',
    workload: webWorkload({ control: { kubernetes: 'required' }, persistence: { type: 'shared-file' } }),
    platform: 'eks-auto-mode',
    want: { type: 'efs' },
  },
  {
    given: 'the workload keeps no state',
    rule: 'efs-for-shared-files',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    fires: false,
    want: { type: 'none' },
  },
  {
    given: 'the workload needs a 50 GiB block volume',
    rule: 'ebs-for-block-storage',
    workload: webWorkload({ persistence: { type: 'block', sizeGiB: 50 } }),
    platform: 'ecs-fargate',
    want: { type: 'ebs', sizeGiB: 50, details: { volumeType: 'gp3', encrypted: true } },
  },
  {
    given: 'a Windows workload needs a block volume',
    rule: 'ebs-ntfs-for-windows-block-storage',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'block', sizeGiB: 50 } }),
    platform: 'ecs-ec2',
    want: { type: 'ebs', sizeGiB: 50, mountPath: 'C:\\data', details: { filesystemType: 'ntfs' } },
  },
  {
    given: 'a Windows workload needs a block volume',
    rule: 'ebs-for-block-storage',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'block', sizeGiB: 50 } }),
    platform: 'ecs-ec2',
    fires: false,
    want: { type: 'ebs', details: { filesystemType: 'ntfs' } },
  },
  {
    given: 'a Windows workload asks for a 20 GiB file share, below the FSx minimum',
    rule: 'fsx-windows-for-windows-file-shares',
    workload: windowsFileShare(20),
    platform: 'ecs-ec2',
    want: { type: 'fsx-windows', sizeGiB: 32, details: { requiresActiveDirectory: true } },
  },
  {
    given: 'a Windows workload asks for a 500 GiB file share',
    rule: 'fsx-windows-for-windows-file-shares',
    workload: windowsFileShare(500),
    platform: 'ecs-ec2',
    want: { type: 'fsx-windows', sizeGiB: 500 },
  },
  {
    given: 'an HPC job asks for 20 GiB of Lustre, below the minimum',
    rule: 'fsx-lustre-for-high-performance-files',
    workload: lustre(20),
    platform: 'eks-auto-mode',
    want: { type: 'fsx-lustre', sizeGiB: 1200, details: { deploymentType: 'PERSISTENT_2' } },
  },
  {
    given: 'an HPC job asks for exactly 1,200 GiB of Lustre',
    rule: 'fsx-lustre-for-high-performance-files',
    workload: lustre(1200),
    platform: 'eks-auto-mode',
    want: { type: 'fsx-lustre', sizeGiB: 1200 },
  },
  {
    given: 'an HPC job asks for 2,000 GiB of Lustre',
    rule: 'fsx-lustre-for-high-performance-files',
    workload: lustre(2000),
    platform: 'eks-auto-mode',
    want: { type: 'fsx-lustre', sizeGiB: 2400 },
  },
  {
    given: 'an HPC job asks for 5,000 GiB of Lustre',
    rule: 'fsx-lustre-for-high-performance-files',
    workload: lustre(5000),
    platform: 'eks-auto-mode',
    want: { type: 'fsx-lustre', sizeGiB: 7200 },
  },
];
