import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Advisor } from '../../../advice/advisor';
import type { ApplicationAnswer } from '../../../advice/application/application-designer';
import type { FieldError } from '../../../contract/field-errors';
import { isRecord } from '../../../shared/json-value';
import { applicationSummaryText, composeErrorLines, importCompose } from '../../compose-import';
import { quote } from '../../text';
import { answer, type BerthTool, invalidInput, READ_ONLY, toolError, unknownFields } from '../tool';

const FIELDS = ['compose', 'variables', 'profiles'] as const;

/**
 * design_compose_application: POST /v1/architectures/from-compose for a model. It answers the application
 * in a few lines and, as structured content, where each service runs and what it costs; the whole answer
 * (each service's full recommendation and the starter files) is the API's, too large to hand a model.
 */
export function designComposeApplicationTool(advisor: Advisor): BerthTool {
  return {
    definition: {
      name: 'design_compose_application',
      description:
        'Designs the application a Docker Compose file describes: the AWS platform of each service, the containers better run as managed services (RDS, ElastiCache, …), the shared load balancers, the monthly cost, and the Compose keys it ignored, with why.',
      inputSchema: {
        type: 'object',
        properties: {
          compose: { type: 'string', description: 'The Compose file, as text' },
          variables: {
            type: 'object',
            additionalProperties: { type: 'string' },
            description: 'Values of the variables the file interpolates, by name',
          },
          profiles: { type: 'array', items: { type: 'string' }, description: 'Profiles to activate' },
        },
        required: ['compose'],
        additionalProperties: false,
      },
      annotations: READ_ONLY,
    },
    async call(args): Promise<CallToolResult> {
      const errors: FieldError[] = unknownFields(args, FIELDS);
      const { compose, variables = {}, profiles = [] } = args;
      if (typeof compose !== 'string')
        errors.push({ path: 'compose', message: 'is required: the Compose file as a string' });
      const variableEntries = isRecord(variables) ? Object.entries(variables) : undefined;
      if (variableEntries === undefined || variableEntries.some(([, value]) => typeof value !== 'string'))
        errors.push({ path: 'variables', message: 'must be an object of strings (NAME: value)' });
      const profileNames = Array.isArray(profiles) ? profiles : undefined;
      if (profileNames === undefined || profileNames.some((profile) => typeof profile !== 'string'))
        errors.push({ path: 'profiles', message: 'must be an array of profile names' });
      if (errors.length > 0 || typeof compose !== 'string') return invalidInput(errors);
      const imported = await importCompose(advisor, compose, {
        variables: new Map((variableEntries ?? []).map(([name, value]) => [name, String(value)])),
        profiles: (profileNames ?? []).map(String),
      });
      switch (imported.kind) {
        case 'unreadable':
        case 'invalid':
          return toolError(
            `The Compose file cannot be designed:\n${composeErrorLines(imported.errors).join('\n')}`,
            { errors: imported.errors },
          );
        case 'no-eligible-platform':
          return toolError(
            `No platform can run ${quote(imported.service)}:\n${imported.answer.platforms
              .map((platform) => `${platform.name}: ${platform.blockers[0] ?? ''}`)
              .join('\n')}`,
            { service: imported.service, platforms: imported.answer.platforms },
          );
        case 'architecture':
          return answer(`${applicationSummaryText(imported.answer)}.`, applicationOverview(imported.answer));
      }
    },
  };
}

/** Where each service runs and what it costs, with the rest of the answer a model acts on; no starter files. */
function applicationOverview(application: ApplicationAnswer): Record<string, unknown> {
  return {
    id: application.id,
    name: application.name,
    monthlyCost: application.monthlyCost,
    services: application.services.map(({ name, recommendation }) => ({
      name,
      platformId: recommendation.platform.id,
      monthlyCost: recommendation.platform.monthlyCost?.total,
      loadBalancer: recommendation.loadBalancer.type,
    })),
    managedServices: application.managedServices.map(({ service, replacement, usedBy }) => ({
      service,
      replacement: replacement.name,
      usedBy,
    })),
    connections: application.connections,
    warnings: application.warnings,
    ignored: application.ignored ?? [],
  };
}
