import { isRecord } from '../../../shared/json-value';
import { PLACEHOLDERS } from '../../shared/placeholders';
import type { StarterConfigInput } from '../../shared/starter-file';
import { type Reference, reference } from '../reference';

/**
 * The designed EFS file system: encrypted unless the design says otherwise, elastic throughput, backed up,
 * and the access point the workload mounts through with the designed POSIX owner and root directory.
 */
export interface FileSystemPlan {
  encrypted: boolean;
  performanceMode: 'generalPurpose' | 'maxIO';
  throughputMode: 'bursting' | 'elastic';
  nameTag: string;
  accessPoint: { uid: string; gid: string; path: string };
  /** How the workload's files name the file system and access point: placeholders until they exist. */
  fileSystemId: Reference;
  accessPointId: Reference;
}

/** The file system of a workload whose storage the design put on EFS, or null. */
export function fileSystemPlan(input: StarterConfigInput): FileSystemPlan | null {
  const { workload, design } = input;
  if (design.storage.type !== 'efs') return null;
  const details = design.storage.details ?? {};
  const accessPoint = isRecord(details.accessPoint) ? details.accessPoint : {};
  return {
    encrypted: details.encrypted !== false,
    performanceMode: details.performanceMode === 'maxIO' ? 'maxIO' : 'generalPurpose',
    throughputMode: details.throughputMode === 'bursting' ? 'bursting' : 'elastic',
    nameTag: workload.name,
    accessPoint: {
      uid: typeof accessPoint.uid === 'number' ? String(accessPoint.uid) : '1000',
      gid: typeof accessPoint.gid === 'number' ? String(accessPoint.gid) : '1000',
      path: typeof accessPoint.path === 'string' ? accessPoint.path : `/${workload.name}`,
    },
    fileSystemId: reference('file-system', 'id', PLACEHOLDERS.efsFileSystemId),
    accessPointId: reference('file-system-access-point', 'id', PLACEHOLDERS.efsAccessPointId),
  };
}
