import type { WorkloadRequest } from '../../src/contract/workload';

/** A valid request body for each workload type; tests state only the fields they are about. */
export function webWorkload(overrides: Partial<WorkloadRequest> = {}): WorkloadRequest {
  return { workloadType: 'web', ...overrides };
}

export function workerWorkload(overrides: Partial<WorkloadRequest> = {}): WorkloadRequest {
  return { workloadType: 'worker', ...overrides };
}

export function batchWorkload(overrides: Partial<WorkloadRequest> = {}): WorkloadRequest {
  return { workloadType: 'batch', ...overrides };
}
