import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import { platformList } from '../../catalogue-views';
import { quote } from '../../text';
import { answer, type BerthTool, invalidInput, READ_ONLY, toolError, unknownFields } from '../tool';

/**
 * list_platforms: GET /v1/platforms as a tool, in two sizes: a line per platform, or, for the platform
 * asked for, what Berth knows about it (capabilities with their sources, limits), which costs a model
 * ten times more and is seldom needed.
 */
export function listPlatformsTool(advisor: Advisor): BerthTool {
  const { ruleSet } = advisor;
  const { platforms, traitDescriptions, rulesVersion } = platformList(ruleSet);
  const ids = platforms.map((platform) => platform.id);
  const lines = platforms.map(
    (platform) => `${platform.id}: ${platform.name} (${platform.service}, ${platform.capacity})`,
  );
  const overview = `${lines.join('\n')}\nCall list_platforms with platformId for one platform's capabilities and limits.\n`;
  return {
    definition: {
      name: 'list_platforms',
      description:
        "Lists the platforms Berth recommends, a line each; with platformId, that platform's capabilities (protocols, storage, GPU, Spot, …, each with its source) and task size limits.",
      inputSchema: {
        type: 'object',
        properties: { platformId: { type: 'string', description: 'A platform id, e.g. ecs-fargate' } },
        additionalProperties: false,
      },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const errors = unknownFields(args, ['platformId']);
      const { platformId } = args;
      if (errors.length > 0) return invalidInput(errors);
      if (platformId === undefined) {
        return answer(overview, {
          platforms: platforms.map(({ id, name, service, capacity }) => ({ id, name, service, capacity })),
          rulesVersion,
        });
      }
      const platform = platforms.find((candidate) => candidate.id === platformId);
      if (platform === undefined) {
        return toolError(`There is no platform ${quote(platformId)}; the platforms are ${ids.join(', ')}.`, {
          errors: [
            { path: 'platformId', message: 'is not a platform id', received: platformId, allowed: ids },
          ],
        });
      }
      const { traits, capabilities, limits } = platform;
      const text = `${platform.name} (${platform.id}): ${platform.summary}\n${JSON.stringify({ traits, capabilities, limits })}\n`;
      return answer(text, { ...platform, traitDescriptions, rulesVersion });
    },
  };
}
