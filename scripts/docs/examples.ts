import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { Advisor } from '../../src/advice/advisor';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { OPENAPI_PATH, PROJECT_ROOT, RULES_DIR } from '../../src/project-paths';
import { scenarios } from '../../test/scenarios/all-scenarios';
import { measureMcpTokens } from '../support/mcp-token-counts';
import { type CliResult, type RunningServer, runCli } from './berth-processes';
import { fence, json, lines } from './markdown';
import { jqFilter, type Projection, project } from './projection';
import { type CurlRequest, curlCommand, jqArgument, shellQuote } from './shell';
import { sourcesTable } from './sources-table';

export interface ExampleContext {
  readonly server: RunningServer;
  /** An empty folder the CLI examples run in (for `--file` and `--out`). */
  readonly workDir: string;
}

/** One generated block: the Markdown between its markers. */
export type Example = (context: ExampleContext) => Promise<string>;

async function send(context: ExampleContext, request: CurlRequest): Promise<Response> {
  return fetch(`${context.server.base}${request.path}`, {
    method: request.body === undefined ? 'GET' : 'POST',
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
}

/** `curl … | jq '<projection>'` and what it prints. */
function curlJq(request: CurlRequest, projection: Projection, note?: string): Example {
  return async (context) => {
    const answer: unknown = await (await send(context, request)).json();
    const command = `${curlCommand(request)} \\\n  | jq ${jqArgument(jqFilter(projection))}`;
    return `${note === undefined ? '' : `${note}\n\n`}${fence('sh', command)}\n${fence('json', json(project(answer, projection)))}`;
  };
}

interface CliExample {
  readonly args: readonly string[];
  /** Shown as `| head -n N` or `| tail -n N`. */
  readonly only?: { readonly end: 'head' | 'tail'; readonly count: number };
  /** Shown as `; echo "exit $?"`, with the exit code printed after the output. */
  readonly showExit?: boolean;
  /** Files written into the working folder first, each shown with `cat`. */
  readonly files?: Readonly<Record<string, unknown>>;
}

function cliCommand(example: CliExample): string {
  let command = ['npx berth', ...example.args.map(shellQuote)].join(' ');
  if (example.only !== undefined) command += ` | ${example.only.end} -n ${example.only.count}`;
  if (example.showExit === true)
    command +=
      example.only === undefined
        ? '; echo "exit $?"'
        : // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, not a template
          '; echo "exit ${PIPESTATUS[0]}"';
  return command;
}

function cliOutput(example: CliExample, result: CliResult): string {
  const output =
    example.only === undefined ? result.output : lines(result.output, example.only.end, example.only.count);
  return example.showExit === true ? `${output}exit ${result.code}\n` : output;
}

/** `npx berth …` and what it prints. */
function cli(example: CliExample): Example {
  return async (context) => {
    const shown: string[] = [];
    for (const [path, content] of Object.entries(example.files ?? {})) {
      writeFileSync(join(context.workDir, path), json(content));
      shown.push(fence('sh', `cat ${shellQuote(path)}`), fence('json', json(content)));
    }
    const result = await runCli(example.args, context.workDir);
    if (example.showExit !== true && result.code !== 0)
      throw new Error(`berth ${example.args.join(' ')} exited with ${result.code}:\n${result.output}`);
    return [...shown, fence('sh', cliCommand(example)), fence('text', cliOutput(example, result))].join('\n');
  };
}

/** The MCP endpoint's JSON-RPC `tools/call` request for one tool. */
function mcpCall(id: number, tool: string, args: unknown): CurlRequest {
  return {
    path: '/mcp',
    headers: { accept: 'application/json, text/event-stream' },
    body: { jsonrpc: '2.0', id, method: 'tools/call', params: { name: tool, arguments: args } },
  };
}

/** The text of the tool result, as `jq -r '.result.content[0].text'` prints it. */
function mcpText(request: CurlRequest, only?: { count: number }): Example {
  return async (context) => {
    const answer = (await (await send(context, request)).json()) as {
      result: { content: { text: string }[] };
    };
    const text = `${answer.result.content[0]?.text ?? ''}`;
    const head = only === undefined ? '' : ` | head -n ${only.count}`;
    const command = `${curlCommand(request)} \\\n  | jq -r '.result.content[0].text'${head}`;
    const output = only === undefined ? text : lines(text, 'head', only.count);
    return `${fence('sh', command)}\n${fence('text', output)}`;
  };
}

/**
 * What Berth's MCP server costs a model, measured with gpt-tokenizer (o200k_base) over every scenario of
 * test/scenarios: the table docs/chatbots.md shows, the same figures test/clients/mcp-token-budget.test.ts
 * holds to their budgets.
 */
async function mcpTokenTable(): Promise<string> {
  const counts = await measureMcpTokens(
    Advisor.fromRulesDir(RULES_DIR),
    loadOpenApiDocument(OPENAPI_PATH).json,
    scenarios.map(({ name, workload }) => ({ name, workload })),
  );
  const { answers } = counts;
  const figure = (tokens: number) => tokens.toLocaleString('en-US');
  const largest = (pick: (answer: (typeof answers)[number]) => number) =>
    figure(Math.max(...answers.map(pick)));
  const median = (pick: (answer: (typeof answers)[number]) => number) => {
    const sorted = answers.map(pick).sort((a, b) => a - b);
    return figure(sorted[Math.floor(sorted.length / 2)] ?? 0);
  };
  const rows = [
    ['All tool definitions (`tools/list`)', figure(counts.toolDefinitions), '3,000'],
    ...counts.perTool.map(({ name, tokens }) => [`- \`${name}\``, figure(tokens), '']),
    [
      '`recommend_container_platform` text, median / largest',
      `${median((a) => a.text)} / ${largest((a) => a.text)}`,
      '2,000',
    ],
    ['its resource links, median / largest', `${median((a) => a.links)} / ${largest((a) => a.links)}`, ''],
    [
      'its `structuredContent` (the summary), median / largest',
      `${median((a) => a.structured)} / ${largest((a) => a.structured)}`,
      '',
    ],
    [
      'The largest resource (a full answer), median / largest',
      `${median((a) => a.largestResource.tokens)} / ${largest((a) => a.largestResource.tokens)}`,
      'read on request',
    ],
  ];
  return [
    `Measured over the ${answers.length} scenarios of \`test/scenarios\` that get a recommendation:`,
    '',
    '| What a model reads | Tokens | Budget |',
    '| --- | --: | --: |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

/** `curl -o FILE` of a zip answer, then `unzip -l FILE`, rendered from the archive's own entries. */
function zipListing(request: CurlRequest & { outputFile: string }): Example {
  return async (context) => {
    const zip = await JSZip.loadAsync(await (await send(context, request)).arrayBuffer());
    const rows: string[] = [];
    let total = 0;
    for (const entry of Object.values(zip.files)) {
      const size = (await entry.async('uint8array')).length;
      total += size;
      const when = entry.date.toISOString();
      rows.push(`${String(size).padStart(9)}  ${when.slice(0, 10)} ${when.slice(11, 16)}   ${entry.name}`);
    }
    const listing = [
      `Archive:  ${request.outputFile}`,
      '  Length      Date    Time    Name',
      '---------  ---------- -----   ----',
      ...rows,
      '---------                     -------',
      `${String(total).padStart(9)}                     ${rows.length} files`,
    ].join('\n');
    const command = `${curlCommand(request)}\nunzip -l ${shellQuote(request.outputFile)}`;
    return `${fence('sh', command)}\n${fence('text', listing)}`;
  };
}

/** A rule exactly as its rule file holds it. */
function ruleJson(file: string, name: string): Example {
  return async () => {
    const rules = (JSON.parse(readFileSync(join(RULES_DIR, file), 'utf8')) as { rules: { name: string }[] })
      .rules;
    const rule = rules.find((candidate) => candidate.name === name);
    if (rule === undefined) throw new Error(`rules/${file} has no rule named "${name}"`);
    return fence('json', json(rule));
  };
}

const ORDERS_API = {
  name: 'orders-api',
  workloadType: 'web',
  traffic: { protocol: 'https' },
  persistence: { type: 'shared-file' },
  awsAccess: [
    {
      service: 'dynamodb',
      resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      access: 'read-write',
    },
  ],
};

/** Berth's own workload: a private HTTPS API that portals call all day. */
export const BERTH_WORKLOAD = {
  name: 'berth',
  workloadType: 'web',
  traffic: { protocol: 'https', exposure: 'private', pattern: 'steady' },
  persistence: { type: 'none' },
  resources: { cpu: 0.5, memoryGiB: 1, minTasks: 2, maxTasks: 6 },
  containerPort: 3000,
  healthCheckPath: '/readyz',
};

const THUMBNAIL_WORKER = {
  name: 'thumbnails',
  workloadType: 'worker',
  trigger: { type: 'sqs' },
  cost: { sensitivity: 'high', interruptible: true },
  awsAccess: [{ service: 's3', resource: 'arn:aws:s3:::uploads/*', access: 'read-write' }],
};

const RECOMMEND = '/v1/recommendations';

export const EXAMPLES: Readonly<Record<string, Example>> = {
  'readme-recommend': curlJq(
    { path: RECOMMEND, body: { name: 'hello', workloadType: 'web' } },
    {
      id: 'id',
      platform: 'platform.id',
      monthlyTotal: 'platform.monthlyCost.total',
      runnerUp: 'alternatives[1].platformId',
      files: 'starterConfig.files[].path',
    },
  ),
  'readme-cli': cli({
    args: ['recommend', '--type', 'web', '--protocol', 'grpc'],
    only: { end: 'head', count: 9 },
  }),
  'api-recommend': curlJq(
    { path: RECOMMEND, body: ORDERS_API },
    {
      id: 'id',
      platform: 'platform.id',
      monthlyCost: {
        total: 'platform.monthlyCost.total',
        low: 'platform.monthlyCost.low',
        high: 'platform.monthlyCost.high',
      },
      loadBalancer: {
        type: 'loadBalancer.type',
        scheme: 'loadBalancer.scheme',
        listeners: 'loadBalancer.listeners',
      },
      storage: 'storage.type',
      scaling: 'scaling.policies[0].description',
      taskRole: 'iam.taskRole.statements',
      alternatives: {
        each: 'alternatives',
        pick: {
          platformId: 'platformId',
          score: 'score',
          monthly: 'monthlyCost.total',
          blocker: 'blockers[0]',
        },
      },
      warnings: 'warnings',
      whatWouldChange: 'whatWouldChange',
      files: 'starterConfig.files[].path',
    },
  ),
  'api-invalid': curlJq(
    {
      path: RECOMMEND,
      body: { workloadType: 'worker', traffic: { protocol: 'udp' }, resources: { cpu: '2' } },
    },
    { status: 'status', title: 'title', errors: 'errors' },
  ),
  'api-no-platform': curlJq(
    { path: RECOMMEND, body: { workloadType: 'web', persistence: { type: 'windows-file' } } },
    { status: 'status', title: 'title', suggestion: 'suggestions[0].description' },
  ),
  'deploy-zip': zipListing({
    path: RECOMMEND,
    headers: { accept: 'application/zip' },
    body: ORDERS_API,
    outputFile: 'orders-api.zip',
  }),
  'cli-recommend': cli({
    args: ['recommend', '--type', 'web', '--protocol', 'udp', '--kubernetes', 'avoid'],
  }),
  'cli-out': cli({
    args: ['recommend', '--file', 'workload.json', '--out', 'starter'],
    only: { end: 'tail', count: 13 },
    files: { 'workload.json': THUMBNAIL_WORKER },
  }),
  'cli-invalid': cli({
    args: ['recommend', '--type', 'worker', '--protocol', 'udp', '--cpu', 'two', '--access', 's3:read'],
    showExit: true,
  }),
  'cli-no-platform': cli({
    args: ['recommend', '--type', 'web', '--persistence', 'windows-file'],
    only: { end: 'tail', count: 9 },
    showExit: true,
  }),
  'mcp-compare': mcpText(
    mcpCall(1, 'compare_workloads', {
      a: { workloadType: 'web', traffic: { protocol: 'https' } },
      b: { workloadType: 'web', traffic: { protocol: 'udp' }, control: { kubernetes: 'avoid' } },
    }),
    { count: 16 },
  ),
  'mcp-recommend': mcpText(mcpCall(3, 'recommend_container_platform', ORDERS_API)),
  'mcp-token-counts': mcpTokenTable,
  'api-summary': curlJq(
    { path: `${RECOMMEND}?view=summary`, body: ORDERS_API },
    {
      id: 'id',
      platform: 'platform',
      loadBalancer: 'loadBalancer.type',
      storage: 'storage.type',
      reasons: 'reasons',
      alternatives: {
        each: 'alternatives',
        pick: { platformId: 'platformId', score: 'score', blockers: 'blockers' },
      },
      files: 'starterConfig.files[].path',
    },
  ),
  'mcp-error': curlJq(
    mcpCall(2, 'recommend_container_platform', {
      workloadType: 'worker',
      traffic: { protocol: 'udp' },
      resources: { cpu: '2' },
    }),
    { isError: 'result.isError', text: 'result.content[0].text' },
  ),
  'tool-definition-openai': curlJq(
    { path: '/v1/tool-definition' },
    {
      type: 'openai.type',
      name: 'openai.function.name',
      required: 'openai.function.parameters.required',
      fields: 'openai.function.parameters.properties | keys',
    },
  ),
  'tool-definition-anthropic': curlJq(
    { path: '/v1/tool-definition' },
    { name: 'anthropic.name', fields: 'anthropic | keys', required: 'anthropic.input_schema.required' },
  ),
  'berth-on-aws': curlJq(
    { path: RECOMMEND, body: BERTH_WORKLOAD },
    {
      platform: 'platform.id',
      loadBalancer: {
        type: 'loadBalancer.type',
        scheme: 'loadBalancer.scheme',
        healthCheckPath: 'loadBalancer.targetGroup.healthCheckPath',
      },
      tasks: { min: 'scaling.minCapacity', max: 'scaling.maxCapacity' },
      runnerUp: 'alternatives[1].platformId',
    },
  ),
  'rule-example': ruleJson('eligibility.json', 'gpu-must-be-available'),
  'sources-table': async () => sourcesTable(PROJECT_ROOT),
};
