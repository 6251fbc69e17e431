import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { measureMcpTokens, tokensOf } from '../../scripts/support/mcp-token-counts';
import { BerthTools } from '../../src/clients/mcp/berth-tools';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH } from '../../src/project-paths';
import { scenarios } from '../scenarios/all-scenarios';
import { advisor } from '../support/advisor';

const document = loadOpenApiDocument(OPENAPI_PATH).json;
const tools = new BerthTools(advisor, document);
const definitionTokens = tokensOf(JSON.stringify(tools.definitions));
const perTool = tools.definitions.map((tool) => `${tool.name} ${tokensOf(JSON.stringify(tool))}`).join(', ');

const TOOL_DEFINITIONS_BUDGET = 3000;
const SUMMARY_TEXT_BUDGET = 2000;

describe("what Berth's MCP server costs a model, counted in o200k_base tokens (gpt-tokenizer)", () => {
  describe('tools/list', () => {
    it(`costs ${definitionTokens} tokens for every tool together (${perTool}), at most ${TOOL_DEFINITIONS_BUDGET}`, () => {
      expect(definitionTokens).toBeLessThanOrEqual(TOOL_DEFINITIONS_BUDGET);
    });
  });

  describe.each(scenarios.map((scenario) => [scenario.name, scenario.workload] as const))(
    'recommend_container_platform, given the scenario %s',
    (_name, workload) => {
      let result: CallToolResult;

      beforeAll(async () => {
        const called = await tools.call('recommend_container_platform', workload);
        if (called === undefined) throw new Error('recommend_container_platform is not a tool');
        result = called;
      });

      it(`answers a text of at most ${SUMMARY_TEXT_BUDGET} tokens`, () => {
        const [text] = result.content;
        expect(text?.type).toBe('text');
        expect(tokensOf(text?.type === 'text' ? text.text : '')).toBeLessThanOrEqual(SUMMARY_TEXT_BUDGET);
      });

      it('gives as structured content the summary, neither the full answer nor the text again', async () => {
        const structured = result.structuredContent ?? {};
        expect(Object.keys(structured)).not.toEqual(expect.arrayContaining(['rationale', 'iam', 'workload']));
        const files = (structured.starterConfig as { files: Record<string, unknown>[] }).files;
        for (const file of files) expect(file).not.toHaveProperty('content');
        const fullAnswer = await tools.readResource(`berth://recommendations/${String(structured.id)}`);
        const full = fullAnswer?.contents[0];
        const fullTokens = full !== undefined && 'text' in full ? tokensOf(full.text) : 0;
        expect(tokensOf(JSON.stringify(structured))).toBeLessThan(fullTokens / 4);
        const texts = result.content.flatMap((block) => (block.type === 'text' ? [block.text] : []));
        expect(texts).toHaveLength(1);
        expect(texts[0]).not.toContain(JSON.stringify(structured));
      });
    },
  );

  describe('measured over every scenario (scripts/support/mcp-token-counts.ts, the table in docs/chatbots.md)', () => {
    it('finds the largest resource to be a full answer, which no answer carries', async () => {
      const counts = await measureMcpTokens(
        advisor,
        document,
        scenarios.slice(0, 5).map(({ name, workload }) => ({ name, workload })),
      );
      expect(counts.toolDefinitions).toBe(definitionTokens);
      for (const answer of counts.answers) {
        expect(answer.largestResource.uri).toMatch(/^berth:\/\/recommendations\/rec_[0-9a-f]{24}$/);
        expect(answer.largestResource.tokens).toBe(answer.full);
        expect(answer.text + answer.links).toBeLessThan(answer.full / 4);
      }
    });
  });
});
