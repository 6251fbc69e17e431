import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import { findRule, ruleView, summarizeRule } from '../../catalogue-views';
import { quote } from '../../text';
import { answer, type BerthTool, invalidInput, READ_ONLY, toolError, unknownFields } from '../tool';

/** explain_rule: one rule of GET /v1/rules, by the name a recommendation's rationale cites. */
export function explainRuleTool(advisor: Advisor): BerthTool {
  const { ruleSet } = advisor;
  return {
    definition: {
      name: 'explain_rule',
      description:
        "Explains one rule of a recommendation's rationale: what it decides, when it fires, its effect and its source (the AWS documentation it encodes).",
      inputSchema: {
        type: 'object',
        properties: {
          // Not an enum: the names of every rule would cost a model more than the rest of the tools.
          name: { type: 'string', description: "The rule's name, as rationale[].rule cites it" },
        },
        required: ['name'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const unknown = unknownFields(args, ['name']);
      const { name } = args;
      if (typeof name !== 'string') {
        unknown.unshift({
          path: 'name',
          message: name === undefined ? 'is required (string)' : `must be a string, not ${quote(name)}`,
        });
      }
      if (unknown.length > 0 || typeof name !== 'string') return invalidInput(unknown);
      const lookup = findRule(ruleSet, name);
      if (!lookup.found) {
        return toolError(
          `There is no rule named ${quote(name)}. The closest names are ${lookup.closest.map((closest) => quote(closest)).join(', ')}.`,
          {
            errors: [
              { path: 'name', message: 'is not the name of a rule', received: name, allowed: lookup.closest },
            ],
          },
        );
      }
      return answer(summarizeRule(ruleSet, lookup.rule), ruleView(ruleSet, lookup.rule));
    },
  };
}
