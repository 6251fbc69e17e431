import { hostInstances } from '../../shared/host-instances';
import {
  hostRootVolume,
  type RootVolumePlan,
  requestedScratchDisk,
  taskEphemeralStorageGiB,
  unsupportedScratchDiskSetting,
} from '../../shared/scratch-disk';
import type { StarterConfigInput } from '../../shared/starter-file';

/**
 * The root device of the ECS-optimized AMIs: a block device mapping on any other name adds a second,
 * unused volume instead of enlarging the one Docker writes to (Amazon Linux 2023 boots from /dev/xvda,
 * Windows Server from /dev/sda1).
 */
const ROOT_DEVICE = { linux: '/dev/xvda', windows: '/dev/sda1' } as const;

export interface EcsScratchDiskPlan {
  /** Fargate: the task definition's ephemeralStorage.sizeInGiB; null leaves the default. */
  taskSizeInGiB: number | null;
  /** EC2: the container instances' root volume (ECS places tasks by CPU and memory, never by disk). */
  rootVolume: (RootVolumePlan & { deviceName: string }) | null;
}

const DEFAULT_SCRATCH_DISK: EcsScratchDiskPlan = { taskSizeInGiB: null, rootVolume: null };

/** Where an ECS task's scratch disk comes from, as the platform's catalogue entry says it is set. */
export function ecsScratchDisk(input: StarterConfigInput): EcsScratchDiskPlan {
  const scratch = requestedScratchDisk(input);
  if (scratch === null) return DEFAULT_SCRATCH_DISK;
  const { capability, requestedGiB } = scratch;
  switch (capability.setting) {
    case 'task-definition':
      return { taskSizeInGiB: taskEphemeralStorageGiB(capability, requestedGiB), rootVolume: null };
    case 'host-root-volume': {
      const os = input.facts.runtime.os;
      const volume = hostRootVolume(capability, {
        os,
        tasksPerHost: hostInstances(input).tasksPerHost,
        requestedGiB,
        reservePercent: 0,
      });
      return { taskSizeInGiB: null, rootVolume: { ...volume, deviceName: ROOT_DEVICE[os] } };
    }
    case 'none':
      // A fixed amount: eligibility has already checked that the request fits in it.
      return DEFAULT_SCRATCH_DISK;
    case 'pod-request':
      throw unsupportedScratchDiskSetting('ecs', capability.setting);
  }
}
