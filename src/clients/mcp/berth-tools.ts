import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../advice/advisor';
import type { OpenApiDocument } from '../../contract/openapi-document';
import { workloadRequestJsonSchema } from '../workload-json-schema';
import type { BerthTool } from './tool';
import { compareWorkloadsTool } from './tools/compare-workloads';
import { explainRuleTool } from './tools/explain-rule';
import { listPlatformsTool } from './tools/list-platforms';
import { recommendContainerPlatformTool } from './tools/recommend-container-platform';

/**
 * Berth's MCP tools, built once from the advisor and the OpenAPI document and shared by every MCP
 * server instance (the Streamable HTTP endpoint makes one per request).
 */
export class BerthTools {
  private readonly tools: Map<string, BerthTool>;

  constructor(advisor: Advisor, document: OpenApiDocument['json']) {
    const workloadSchema = workloadRequestJsonSchema(document);
    this.tools = new Map(
      [
        recommendContainerPlatformTool(advisor, workloadSchema),
        listPlatformsTool(advisor),
        explainRuleTool(advisor),
        compareWorkloadsTool(advisor, workloadSchema),
      ].map((tool) => [tool.definition.name, tool]),
    );
  }

  get definitions(): Tool[] {
    return [...this.tools.values()].map((tool) => tool.definition);
  }

  /** Runs a tool; `undefined` when there is no tool of that name. */
  call(name: string, args: Record<string, unknown>): Promise<CallToolResult> | undefined {
    return this.tools.get(name)?.call(args);
  }
}
