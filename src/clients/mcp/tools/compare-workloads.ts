import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import type { FieldError } from '../../../contract/field-errors';
import { validateWorkload } from '../../../contract/workload';
import { RECOMMEND_TOOL_NAME } from '../../tool-definition';
import { compareAdvice, summarizeComparison } from '../../workload-comparison';
import { answer, type BerthTool, invalidInput, READ_ONLY, unknownFields } from '../tool';

const SIDES = ['a', 'b'] as const;
/**
 * Each side refers to the recommend tool's input schema rather than repeating it: twice the workload
 * schema would cost a model more tokens, on every turn, than all the other tools together.
 */
const WORKLOAD_DESCRIPTION = `A workload, exactly as the input of ${RECOMMEND_TOOL_NAME}`;

/** compare_workloads: two workloads, and how their recommendations differ. */
export function compareWorkloadsTool(advisor: Advisor): BerthTool {
  return {
    definition: {
      name: 'compare_workloads',
      description:
        'Recommends a platform for two workloads (typically one and a variant: another protocol, persistence, Kubernetes stance or control level) and reports what differs: the inputs after defaults, the platform, the monthly cost, every design field (load balancer, storage, scaling, triggers, IAM, …), warnings, and every platform\'s rank, score or blockers. For "what if" questions.',
      inputSchema: {
        type: 'object',
        properties: Object.fromEntries(
          SIDES.map((side) => [side, { type: 'object', description: WORKLOAD_DESCRIPTION }]),
        ),
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
