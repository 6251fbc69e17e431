import type fc from 'fast-check';
import { validateWorkload, type Workload } from '../../src/contract/workload';
import { workloadRequest } from './arbitraries';

/** Generated request bodies the contract accepts, with their defaults filled in (invalid ones are the 400 path). */
export const validWorkload: fc.Arbitrary<Workload> = workloadRequest
  .map((body) => validateWorkload(body))
  .filter((validation) => validation.ok)
  .map((validation) => (validation.ok ? validation.workload : (undefined as never)));
