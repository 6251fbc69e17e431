import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { FieldError } from '../../contract/field-errors';
import { summarizeFieldErrors } from '../advice-summary';
import type { JsonSchema } from '../workload-json-schema';

/** One MCP tool: what `tools/list` advertises, and what `tools/call` runs. */
export interface BerthTool {
  definition: Tool;
  call(args: Record<string, unknown>): Promise<CallToolResult>;
}

/** Facts that no tool changes: every Berth tool reads, computes and answers. */
export const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

/**
 * An answer: a short text the model can repeat, and the same facts as structured content for the client
 * (never a second text block of JSON: a model would pay for every answer twice).
 */
export function answer(
  summary: string,
  structured: Record<string, unknown>,
  more: CallToolResult['content'] = [],
): CallToolResult {
  return { content: [{ type: 'text', text: summary }, ...more], structuredContent: structured };
}

/**
 * A tool error the model can act on (MCP `isError`, not a protocol error): what is wrong in the API's
 * words, with the field path, so the model can fix the input and call again.
 */
export function toolError(text: string, structured?: Record<string, unknown>): CallToolResult {
  const result: CallToolResult = { isError: true, content: [{ type: 'text', text }] };
  if (structured !== undefined) result.structuredContent = structured;
  return result;
}

export function invalidInput(errors: FieldError[]): CallToolResult {
  return toolError(summarizeFieldErrors(errors), { errors });
}

/** The input schema MCP requires: a JSON Schema of an object. */
export function objectSchema(schema: JsonSchema): Tool['inputSchema'] {
  if (schema.type !== 'object') throw new Error('an MCP tool input schema must describe an object');
  return schema as Tool['inputSchema'];
}

/** Fields a tool does not take, reported like the API reports unknown fields. */
export function unknownFields(args: Record<string, unknown>, known: readonly string[]): FieldError[] {
  return Object.keys(args)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      path: key,
      message: 'is not a field of this object (unknown fields are rejected so typos never pass silently)',
    }));
}
