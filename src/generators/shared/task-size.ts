import type { Facts } from '../../engine/facts';
import { StarterConfigError } from './starter-config-error';

/** The platform's task (or instance) size in the units AWS APIs take: CPU units (1024 a vCPU) and MiB. */
export interface TaskUnits {
  cpuUnits: number;
  memoryMiB: number;
}

export function taskUnits(facts: Facts): TaskUnits {
  const { vcpu, memoryGiB } = facts.taskSize;
  if (vcpu === null || memoryGiB === null) {
    throw new StarterConfigError(
      `${facts.platform.id} has no task size for the workload: ${facts.taskSize.limitText}`,
    );
  }
  return { cpuUnits: Math.round(vcpu * 1024), memoryMiB: Math.round(memoryGiB * 1024) };
}
