import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { encode } from 'gpt-tokenizer/cjs/encoding/o200k_base';
import type { Advisor } from '../../src/advice/advisor';
import { BerthTools } from '../../src/clients/mcp/berth-tools';
import type { OpenApiDocument } from '../../src/contract/openapi-document';

/** Tokens of a text in o200k_base, the encoding of OpenAI's current models: what a model pays to read it. */
export function tokensOf(text: string): number {
  return encode(text).length;
}

/** What one recommend_container_platform answer costs, in tokens. */
export interface AnswerCost {
  name: string;
  /** The text a model reads and repeats. */
  text: number;
  /** The resource links after it. */
  links: number;
  /** structuredContent as JSON (for the client; a model that is shown it pays this too). */
  structured: number;
  /** The full answer, as the resource the first link names. */
  full: number;
  /** The largest resource linked: the full answer or a starter file. */
  largestResource: { uri: string; tokens: number };
}

export interface McpTokenCounts {
  /** tools/list's tools, as JSON: what a client puts before the model on every turn. */
  toolDefinitions: number;
  perTool: { name: string; tokens: number }[];
  answers: AnswerCost[];
}

/**
 * Measures, with a real tokenizer, what Berth's MCP server costs a model: the tool definitions, and for
 * each workload the recommend tool's answer and every resource it links to (read as a client would).
 */
export async function measureMcpTokens(
  advisor: Advisor,
  document: OpenApiDocument['json'],
  workloads: readonly { name: string; workload: unknown }[],
): Promise<McpTokenCounts> {
  const tools = new BerthTools(advisor, document);
  const answers: AnswerCost[] = [];
  for (const { name, workload } of workloads) {
    const result = await tools.call('recommend_container_platform', workload as Record<string, unknown>);
    if (result === undefined || result.isError === true) continue;
    answers.push({ name, ...(await answerCost(tools, result)) });
  }
  return {
    toolDefinitions: tokensOf(JSON.stringify(tools.definitions)),
    perTool: tools.definitions.map((tool) => ({ name: tool.name, tokens: tokensOf(JSON.stringify(tool)) })),
    answers,
  };
}

async function answerCost(tools: BerthTools, result: CallToolResult): Promise<Omit<AnswerCost, 'name'>> {
  const [first, ...rest] = result.content;
  const links = rest.filter((block) => block.type === 'resource_link');
  const sizes: { uri: string; tokens: number }[] = [];
  for (const link of links) {
    const read = await tools.readResource(link.uri);
    const contents = read?.contents[0];
    sizes.push({
      uri: link.uri,
      tokens: contents !== undefined && 'text' in contents ? tokensOf(contents.text) : 0,
    });
  }
  const largestResource = sizes.reduce((largest, size) => (size.tokens > largest.tokens ? size : largest), {
    uri: '',
    tokens: 0,
  });
  return {
    text: first?.type === 'text' ? tokensOf(first.text) : 0,
    links: tokensOf(JSON.stringify(links)),
    structured: tokensOf(JSON.stringify(result.structuredContent)),
    full: sizes[0]?.tokens ?? 0,
    largestResource,
  };
}
