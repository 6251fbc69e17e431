import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import type { FieldError } from '../../../contract/field-errors';
import { validateWorkload } from '../../../contract/workload';
import { compareAdvice, summarizeComparison } from '../../workload-comparison';
import type { JsonSchema } from '../../workload-json-schema';
import { answer, type BerthTool, invalidInput, READ_ONLY, unknownFields } from '../tool';

const SIDES = ['a', 'b'] as const;

/** compare_workloads: two workloads, and how their recommendations differ. */
export function compareWorkloadsTool(advisor: Advisor, workloadSchema: JsonSchema): BerthTool {
  return {
    definition: {
      name: 'compare_workloads',
      title: 'Compare the recommendations for two workloads',
      description:
        'Recommends a platform for two workloads (typically one workload and a variant of it: another protocol, persistence, Kubernetes stance or control level) and reports what differs: the inputs after defaults, the platform, the load balancer, storage, scaling, triggers, warnings, and every platform\'s rank, score or blockers. Use it to answer "what if" questions.',
      inputSchema: {
        type: 'object',
        properties: {
          a: { ...workloadSchema, description: `The first workload. ${String(workloadSchema.description)}` },
          b: { ...workloadSchema, description: 'The second workload, in the same form as a.' },
        },
        required: [...SIDES],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const errors: FieldError[] = unknownFields(args, SIDES);
      const workloads = SIDES.map((side) => {
        const validation = validateWorkload(args[side]);
        if (!validation.ok) {
          errors.push(
            ...validation.errors.map((error) => ({
              ...error,
              path: error.path === '' ? side : `${side}.${error.path}`,
            })),
          );
          return undefined;
        }
        return validation.workload;
      });
      const [a, b] = workloads;
      if (errors.length > 0 || a === undefined || b === undefined) return invalidInput(errors);
      const [adviceA, adviceB] = await Promise.all([advisor.advise(a), advisor.advise(b)]);
      const comparison = compareAdvice({ a, b }, { a: adviceA, b: adviceB });
      return answer(summarizeComparison(comparison), { ...comparison });
    },
  };
}
