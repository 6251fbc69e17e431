import {
  requestedScratchDisk,
  taskEphemeralStorageGiB,
  unsupportedScratchDiskSetting,
} from '../../shared/scratch-disk';
import { StarterConfigError } from '../../shared/starter-config-error';
import type { StarterConfigInput } from '../../shared/starter-file';

/**
 * The job definition's ephemeralStorage.sizeInGiB, or null to leave the default. Batch takes the setting
 * on Fargate compute environments only; on EC2 the job shares the instance's root volume, which the
 * starter does not size, so eligibility (`batch-ec2-scratch-disk-beyond-default`) keeps a larger request
 * off EC2 compute environments and reaching one here is a broken rule, not a smaller disk.
 */
export function batchJobEphemeralStorageGiB(
  input: StarterConfigInput,
  capacity: 'fargate' | 'ec2',
): number | null {
  const scratch = requestedScratchDisk(input);
  if (scratch === null) return null;
  const { capability, requestedGiB } = scratch;
  if (capability.setting !== 'task-definition')
    throw unsupportedScratchDiskSetting('batch', capability.setting);
  if (capacity === 'fargate') return taskEphemeralStorageGiB(capability, requestedGiB);
  if (requestedGiB > capability.defaultGiB)
    throw new StarterConfigError(
      `an EC2 compute environment cannot give a job ${requestedGiB} GiB of scratch disk: the starter does not size the instances' root volume`,
    );
  return null;
}
