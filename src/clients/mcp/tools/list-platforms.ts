import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import { platformList, summarizePlatforms } from '../../catalogue-views';
import { answer, type BerthTool, invalidInput, READ_ONLY, unknownFields } from '../tool';

/** list_platforms: GET /v1/platforms as a tool. */
export function listPlatformsTool(advisor: Advisor): BerthTool {
  const { ruleSet } = advisor;
  return {
    definition: {
      name: 'list_platforms',
      title: 'List the AWS container platforms Berth knows',
      description:
        'Lists the platforms Berth can recommend (their ids appear in every recommendation), each with a one-paragraph summary, its capabilities (protocols, storage, GPU, privileged containers, daemons, architectures, Spot) with the source of each, and its task size limits.',
      inputSchema: { type: 'object', properties: {}, additionalProperties: false },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const unknown = unknownFields(args, []);
      if (unknown.length > 0) return invalidInput(unknown);
      return answer(summarizePlatforms(ruleSet), platformList(ruleSet));
    },
  };
}
