import type { JsonSchema } from '../workload-json-schema';
import { workloadFlagHelp } from './workload-flags';

/** `berth help`: the commands, the exit codes, and every workload flag with its enum and default. */
export function usage(workloadSchema: JsonSchema): string {
  return [
    'berth: recommends the AWS container platform for a workload, and explains why.',
    '',
    'Usage:',
    '  berth recommend [--file workload.json|-] [workload flags] [--json] [--out DIR]',
    '  berth import compose.yaml|- [--var NAME=value]... [--profile P]... [--json] [--out DIR]',
    '  berth platforms [--json]',
    '  berth rules [NAME] [--json]',
    '  berth serve [--port N]        starts the HTTP API (the same start-up as npm start)',
    '  berth mcp                     runs the MCP server on stdin/stdout, for chat clients',
    '  berth help | --version',
    '',
    'recommend prints a summary: the platform, load balancer, storage, scaling, the top reasons and every',
    "platform ranked with its blockers. --json prints the API's response body instead; --out DIR writes",
    'the starter configuration files. Flags override the fields of --file. import designs the application a',
    'Compose file describes, as POST /v1/architectures/from-compose does (--var NAME=value fills in $NAME).',
    '',
    'Exit codes: 0 answered, 2 invalid input (the field paths and messages of the API), 3 no platform',
    'meets every hard requirement (the blockers and the smallest change that fixes it), 1 anything else.',
    '',
    'Workload flags (each sets one request field; see openapi.yaml for the details):',
    ...workloadFlagHelp(workloadSchema),
    '',
  ].join('\n');
}
