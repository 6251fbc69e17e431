import { hostInstances } from '../../shared/host-instances';
import {
  hostRootVolume,
  type RootVolumePlan,
  requestedScratchDisk,
  unsupportedScratchDiskSetting,
} from '../../shared/scratch-disk';
import type { StarterConfigInput } from '../../shared/starter-file';

/**
 * The kubelet evicts pods once less than 10% of a node's file system is free (its default hard eviction
 * threshold `nodefs.available<10%`), so a node's root volume keeps that share free on top of its pods.
 */
const KUBELET_EVICTION_RESERVE_PERCENT = 10;

/** The root device of the EKS-optimized AMIs (Amazon Linux 2023 /dev/xvda, Windows Server /dev/sda1). */
export const ROOT_DEVICE = { linux: '/dev/xvda', windows: '/dev/sda1' } as const;

export interface EksScratchDiskPlan {
  /** The container's `ephemeral-storage` request and limit, in GiB; null when the request sets none. */
  podRequestGiB: number | null;
  /** EC2 nodes: the root volume of the workload's nodes, where the kubelet counts those requests. */
  nodeRootVolume: RootVolumePlan | null;
}

const DEFAULT_SCRATCH_DISK: EksScratchDiskPlan = { podRequestGiB: null, nodeRootVolume: null };

/**
 * Where a pod's scratch disk comes from, as the platform's catalogue entry says it is set: always the
 * pod's own request (Fargate sizes the pod's storage from it; on nodes the scheduler places pods by it),
 * and on EC2 nodes also a root volume that holds as many such pods as a node takes.
 */
export function eksScratchDisk(input: StarterConfigInput): EksScratchDiskPlan {
  const scratch = requestedScratchDisk(input);
  if (scratch === null) return DEFAULT_SCRATCH_DISK;
  const { capability, requestedGiB } = scratch;
  switch (capability.setting) {
    case 'pod-request':
      return { podRequestGiB: requestedGiB, nodeRootVolume: null };
    case 'host-root-volume':
      return {
        podRequestGiB: requestedGiB,
        nodeRootVolume: hostRootVolume(capability, {
          os: input.facts.runtime.os,
          tasksPerHost: hostInstances(input).tasksPerHost,
          requestedGiB,
          reservePercent: KUBELET_EVICTION_RESERVE_PERCENT,
        }),
      };
    case 'none':
      return DEFAULT_SCRATCH_DISK;
    case 'task-definition':
      throw unsupportedScratchDiskSetting('eks', capability.setting);
  }
}
