import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import { validateWorkload } from '../../../contract/workload';
import { summarizeNoEligiblePlatform, summarizeRecommendation } from '../../advice-summary';
import { RECOMMEND_TOOL_NAME, recommendToolDescription } from '../../tool-definition';
import type { JsonSchema } from '../../workload-json-schema';
import { answer, type BerthTool, invalidInput, objectSchema, READ_ONLY, toolError } from '../tool';

/**
 * recommend_container_platform: POST /v1/recommendations as a tool. The input schema is the API's request
 * schema and the input is validated by the API's own validation, so errors name the same fields.
 */
export function recommendContainerPlatformTool(advisor: Advisor, workloadSchema: JsonSchema): BerthTool {
  return {
    definition: {
      name: RECOMMEND_TOOL_NAME,
      title: 'Recommend an AWS container platform',
      description: recommendToolDescription(advisor.ruleSet.platforms),
      inputSchema: objectSchema(workloadSchema),
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const validation = validateWorkload(args);
      if (!validation.ok) return invalidInput(validation.errors);
      const advice = await advisor.advise(validation.workload);
      if (advice.kind === 'no-eligible-platform') {
        return toolError(summarizeNoEligiblePlatform(advice), {
          kind: advice.kind,
          platforms: advice.platforms,
          suggestions: advice.suggestions,
        });
      }
      return answer(summarizeRecommendation(advice.recommendation), advice.recommendation);
    },
  };
}
