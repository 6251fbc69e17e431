import type { CallToolResult, ReadResourceResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../advice/advisor';
import type { OpenApiDocument } from '../../contract/openapi-document';
import { compactWorkloadSchema } from '../tool-input-schema';
import { RecommendationResources } from './recommendation-resources';
import type { BerthTool } from './tool';
import { compareWorkloadsTool } from './tools/compare-workloads';
import { designComposeApplicationTool } from './tools/design-compose-application';
import { explainRuleTool } from './tools/explain-rule';
import { getStarterFileTool } from './tools/get-starter-file';
import { listPlatformsTool } from './tools/list-platforms';
import { recommendContainerPlatformTool } from './tools/recommend-container-platform';

/**
 * Berth's MCP tools and resources, built once from the advisor and the OpenAPI document and shared by
 * every MCP server instance (the Streamable HTTP endpoint makes one per request), so a recommendation
 * answered in one request can be read as a resource in the next.
 */
export class BerthTools {
  private readonly tools: Map<string, BerthTool>;
  private readonly resources: RecommendationResources;

  constructor(advisor: Advisor, document: OpenApiDocument['json']) {
    this.resources = new RecommendationResources(advisor);
    this.tools = new Map(
      [
        recommendContainerPlatformTool(advisor, compactWorkloadSchema(document), this.resources),
        compareWorkloadsTool(advisor),
        designComposeApplicationTool(advisor),
        getStarterFileTool(this.resources),
        listPlatformsTool(advisor),
        explainRuleTool(advisor),
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

  /** Reads a resource a tool linked to; `undefined` when the URI names nothing Berth holds. */
  readResource(uri: string): Promise<ReadResourceResult | undefined> {
    return this.resources.read(uri);
  }
}
