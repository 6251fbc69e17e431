import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import { recommendationSummary } from '../../../advice/recommendation-summary';
import { validateWorkload } from '../../../contract/workload';
import { summarizeNoEligiblePlatform } from '../../advice-summary';
import { summaryText } from '../../recommendation-summary-text';
import { RECOMMEND_TOOL_NAME, recommendToolDescription } from '../../tool-definition';
import type { JsonSchema } from '../../workload-json-schema';
import type { RecommendationResources } from '../recommendation-resources';
import { answer, type BerthTool, invalidInput, objectSchema, READ_ONLY, toolError } from '../tool';

/**
 * recommend_container_platform: POST /v1/recommendations?view=summary as a tool. The input is validated
 * by the API's own validation, so errors name the same fields. The answer is the summary (its text, and
 * the summary itself as structured content) with links to the full answer and to each starter file, as
 * MCP resources: a model reads the CloudFormation template only when it needs it.
 */
export function recommendContainerPlatformTool(
  advisor: Advisor,
  workloadSchema: JsonSchema,
  resources: RecommendationResources,
): BerthTool {
  return {
    definition: {
      name: RECOMMEND_TOOL_NAME,
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
      const summary = recommendationSummary(advice.recommendation, advice.scoreContributions);
      return answer(summaryText(summary), summary, resources.linksTo(advice.recommendation));
    },
  };
}
