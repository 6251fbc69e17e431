import type { Platform } from '../catalogue/platform-catalogue';
import type { OpenApiDocument } from '../contract/openapi-document';
import { compactWorkloadSchema } from './tool-input-schema';
import type { JsonSchema } from './workload-json-schema';

/** The one tool name a chatbot calls Berth by, in function calling and in MCP alike. */
export const RECOMMEND_TOOL_NAME = 'recommend_container_platform';

/**
 * What the tool does and how to fill it in, written for the model that decides whether to call it. The
 * platforms are named from the catalogue, so a new platform appears here without an edit.
 */
export function recommendToolDescription(platforms: readonly Platform[]): string {
  const names = platforms.map((platform) =>
    platform.capabilities.newCustomers.supported === false
      ? `${platform.name} (existing customers only)`
      : platform.name,
  );
  const listed = names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return [
    `Recommends where to run a container workload on AWS: ${listed}.`,
    'The answer: the platform and its monthly cost, the load balancer, storage, scaling and triggers, every',
    'platform ranked with the reasons or blockers behind its score, and starter files (CloudFormation, AWS API',
    'inputs, Kubernetes manifests). Only workloadType is required. Fill in only what the user has said and leave',
    'every other field out: each has a documented default. Fields described as hard requirements, and protocol,',
    'persistence type and task size, exclude platforms, so ask the user before setting one they did not mention.',
    'Unknown fields are rejected; an invalid',
    'field is reported with its dotted path, so correct that field and call again.',
  ].join(' ');
}

/** An entry of a Chat Completions-style `tools` array (OpenAI, and the APIs compatible with it). */
export interface FunctionToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema };
}

/** An entry of the Anthropic Messages API `tools` array. */
export interface InputSchemaToolDefinition {
  name: string;
  description: string;
  input_schema: JsonSchema;
}

/**
 * The body of GET /v1/tool-definition: the same tool in the two shapes function-calling APIs accept,
 * with the same compact schema and description as the MCP tool of the same name.
 */
export interface ToolDefinitions {
  openai: FunctionToolDefinition;
  anthropic: InputSchemaToolDefinition;
}

export function recommendToolDefinitions(
  document: OpenApiDocument['json'],
  platforms: readonly Platform[],
): ToolDefinitions {
  const schema = compactWorkloadSchema(document);
  const description = recommendToolDescription(platforms);
  return {
    openai: {
      type: 'function',
      function: { name: RECOMMEND_TOOL_NAME, description, parameters: schema },
    },
    anthropic: { name: RECOMMEND_TOOL_NAME, description, input_schema: schema },
  };
}
