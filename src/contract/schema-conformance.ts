import type { z } from 'zod';
import type { WorkloadRequest } from './workload';
import type { workloadRequestSchema } from './workload-schema';

/**
 * Compile-time proof that the zod schema at the edge and the types generated from openapi.yaml describe
 * the same request: each must be assignable to the other, or `npm run typecheck` fails. (The normalized
 * Workload is checked where it is built: fillContextualDefaults returns the generated type.)
 */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const zodRequestMatchesOpenApi: MutuallyAssignable<
  z.input<typeof workloadRequestSchema>,
  WorkloadRequest
> = true;
