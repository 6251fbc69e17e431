import type { EphemeralStorageCapability } from '../../catalogue/platform-catalogue';
import { StarterConfigError } from './starter-config-error';
import type { StarterConfigInput } from './starter-file';

/**
 * The workload's scratch disk (`resources.ephemeralStorageGiB`) in the units every family writes: the
 * sizes follow from the request and the platform's catalogue data (`capabilities.ephemeralStorage`), and
 * each family writes them where its platforms take them (families/README.md, "Scratch disk").
 */
export interface RequestedScratchDisk {
  requestedGiB: number;
  capability: EphemeralStorageCapability;
}

/** The request and the platform's capability, or null when the request sets no scratch disk. */
export function requestedScratchDisk(input: StarterConfigInput): RequestedScratchDisk | null {
  const requestedGiB = input.workload.resources.ephemeralStorageGiB;
  if (requestedGiB === undefined) return null;
  return { requestedGiB, capability: input.platform.capabilities.ephemeralStorage };
}

type Setting<Name extends EphemeralStorageCapability['setting']> = Extract<
  EphemeralStorageCapability,
  { setting: Name }
>;

/**
 * `task-definition`: the size to write, or null when the default already holds the request (a task
 * definition without the setting gets the default, and the setting takes no value below `minSettableGiB`).
 */
export function taskEphemeralStorageGiB(
  capability: Setting<'task-definition'>,
  requestedGiB: number,
): number | null {
  if (requestedGiB <= capability.defaultGiB) return null;
  return Math.max(requestedGiB, capability.minSettableGiB);
}

/** The root volume of the EC2 instances that host the tasks or pods, and how its size was reached. */
export interface RootVolumePlan {
  sizeGiB: number;
  tasksPerHost: number;
  scratchGiB: number;
  allowanceGiB: number;
  /** The share of the volume kept free on top (the kubelet evicts pods before a node's disk fills). */
  reservePercent: number;
}

/**
 * `host-root-volume`: every task or pod an instance holds writes to the same root volume, so it is sized
 * for all of them plus the operating system and images, and, where the host keeps a share of its disk
 * free (`reservePercent`), that share on top.
 */
export function hostRootVolume(
  capability: Setting<'host-root-volume'>,
  { os, tasksPerHost, requestedGiB, reservePercent }: HostRootVolumeRequest,
): RootVolumePlan {
  const allowanceGiB = capability.hostAllowanceGiB[os];
  const sizeGiB = Math.ceil((tasksPerHost * requestedGiB + allowanceGiB) / (1 - reservePercent / 100));
  if (sizeGiB > capability.maxGiB)
    throw new StarterConfigError(
      `a root volume for ${tasksPerHost} task(s) of ${requestedGiB} GiB scratch disk needs ${sizeGiB} GiB, more than the ${capability.maxGiB} GiB an EBS root volume holds`,
    );
  return { sizeGiB, tasksPerHost, scratchGiB: requestedGiB, allowanceGiB, reservePercent };
}

export interface HostRootVolumeRequest {
  os: 'linux' | 'windows';
  tasksPerHost: number;
  requestedGiB: number;
  reservePercent: number;
}

/** Why the root volume has its size, in the words the README and the template parameters use. */
export function rootVolumeReason(volume: RootVolumePlan, unit: 'task' | 'pod'): string {
  const base = `${volume.tasksPerHost} ${unit}(s) per instance × ${volume.scratchGiB} GiB of scratch disk + ${volume.allowanceGiB} GiB for the operating system and images`;
  return volume.reservePercent === 0 ? base : `(${base}) with ${volume.reservePercent}% kept free`;
}

/** A setting the family does not know how to write: a catalogue entry that names the wrong family. */
export function unsupportedScratchDiskSetting(family: string, setting: string): StarterConfigError {
  return new StarterConfigError(
    `the ${family} family cannot write a scratch disk set by "${setting}" (capabilities.ephemeralStorage.setting)`,
  );
}
