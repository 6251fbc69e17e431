import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { quote } from '../../text';
import type { RecommendationResources } from '../recommendation-resources';
import { type BerthTool, invalidInput, READ_ONLY, toolError, unknownFields } from '../tool';

/**
 * get_starter_file: one starter file of a recommendation, for clients whose model cannot read the
 * resources the recommend tool links to. The text is the file, whole, and nothing else.
 */
export function getStarterFileTool(resources: RecommendationResources): BerthTool {
  return {
    definition: {
      name: 'get_starter_file',
      description:
        'Returns one starter file of a recommendation made by recommend_container_platform in this session (the same as reading its resource link).',
      inputSchema: {
        type: 'object',
        properties: {
          recommendationId: { type: 'string', description: 'The recommendation id, rec_…' },
          path: {
            type: 'string',
            description: 'A path from its starter files, e.g. cloudformation/template.yaml',
          },
        },
        required: ['recommendationId', 'path'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const errors = unknownFields(args, ['recommendationId', 'path']);
      const { recommendationId, path } = args;
      for (const [name, value] of [
        ['recommendationId', recommendationId],
        ['path', path],
      ] as const) {
        if (typeof value !== 'string') {
          errors.push({
            path: name,
            message: value === undefined ? 'is required (string)' : `must be a string, not ${quote(value)}`,
          });
        }
      }
      if (errors.length > 0 || typeof recommendationId !== 'string' || typeof path !== 'string') {
        return invalidInput(errors);
      }
      const lookup = await resources.starterFile(recommendationId, path);
      if (lookup.found) return { content: [{ type: 'text', text: lookup.file.content }] };
      if (lookup.reason === 'unknown-recommendation') {
        return toolError(
          `Berth holds no recommendation ${quote(recommendationId)} (it keeps the latest ones it answered, until it restarts); call recommend_container_platform again to get one.`,
        );
      }
      return toolError(
        `Recommendation ${recommendationId} has no starter file ${quote(path)}; its files are ${lookup.paths.join(', ')}.`,
        {
          errors: [
            {
              path: 'path',
              message: 'is not a starter file of the recommendation',
              received: path,
              allowed: lookup.paths,
            },
          ],
        },
      );
    },
  };
}
