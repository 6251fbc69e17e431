import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM_IDS } from '../../src/catalogue/platform-catalogue';
import { cloudFormationTemplateFile } from '../../src/generators/cloudformation/cloudformation-template';
import type { TemplateDocument } from '../../src/generators/cloudformation/template';
import { cloudFormationTemplate } from '../../src/generators/starter-config';
import { PROJECT_ROOT } from '../../src/project-paths';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { WORKLOAD_MATRIX } from '../support/workload-matrix';
import { designedApplication, HTTPS_PAIR, WEB_API_WORKER } from './support/application-templates';
import { type ParameterValue, plausibleParameters } from './support/moto-parameters';
import { type MotoServer, startMotoServer } from './support/moto-server';
import { inputsOnEveryEligiblePlatform } from './support/starter-inputs';

/**
 * The workloads deployed, each on every platform that can run it: private HTTPS behind an internal ALB, a
 * public web service storing shared files (EFS), and batch jobs on a schedule and on S3 events (queue,
 * EventBridge rule). Not the TCP, UDP and TLS ones: moto's CloudFormation makes every
 * AWS::ElasticLoadBalancingV2::LoadBalancer an application load balancer whatever its Type, which then
 * refuses their listeners; cfn-lint checks those.
 */
const DEPLOYED_WORKLOADS = [
  'web https',
  'web storing shared-file',
  'batch on schedule',
  'batch on s3-object-created',
  'web with configuration and secrets',
];
/**
 * Applications whose application/template.yaml is deployed too: only Application Load Balancers, for the
 * reason above (the split one with a UDP service is left to cfn-lint).
 */
const DEPLOYED_APPLICATIONS = [
  { label: 'application web, api and worker', body: WEB_API_WORKER },
  { label: 'application HTTPS pair', body: HTTPS_PAIR },
];
const REGION = 'us-east-1';

interface StackToDeploy {
  label: string;
  platform: string;
  template: TemplateDocument;
  templatePath: string;
  parameters: Record<string, ParameterValue>;
}

interface DeployedStack {
  label: string;
  status: string;
  reason: string | null;
  failedEvents: string[];
  created: { logicalId: string; type: string }[];
  standIns: { logicalId: string; attribute: string; type: string }[];
}

/** The resource types docs/deploying.md says moto does not model, in its "How the templates are checked". */
function documentedUnmodelledTypes(): string[] {
  const page = readFileSync(join(PROJECT_ROOT, 'docs', 'deploying.md'), 'utf8');
  const list = /\nResource types moto does not model[^\n]*\n([\s\S]*?)\n\n/.exec(page)?.[1];
  if (list === undefined)
    throw new Error('docs/deploying.md has no list of "Resource types moto does not model"');
  return [...list.matchAll(/`(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)`/g)].map((match) => match[1] as string);
}

function deployOnMoto(endpoint: string, stacks: readonly StackToDeploy[]): DeployedStack[] {
  const run = spawnSync('python3', [join(PROJECT_ROOT, 'scripts', 'deploy-on-moto.py')], {
    input: JSON.stringify({
      endpoint,
      region: REGION,
      stacks: stacks.map(({ label, templatePath, parameters }) => ({ label, templatePath, parameters })),
    }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) throw new Error(`deploy-on-moto.py exited ${run.status}: ${run.stderr}${run.stdout}`);
  return (JSON.parse(run.stdout) as { stacks: DeployedStack[] }).stacks;
}

/** The resources of a template moto did not create: the ones whose type it does not model. */
function skippedResources(
  stack: StackToDeploy,
  deployed: DeployedStack,
): { logicalId: string; type: string }[] {
  const created = new Set(deployed.created.map(({ logicalId }) => logicalId));
  return Object.entries(stack.template.Resources)
    .filter(([logicalId, resource]) => resource.Condition === undefined && !created.has(logicalId))
    .map(([logicalId, resource]) => ({ logicalId, type: resource.Type }));
}

describe(`starter templates deployed on a local moto server`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'berth-moto-'));
  const stacks: StackToDeploy[] = [];
  let moto: MotoServer | undefined;
  let deployed: DeployedStack[] = [];

  beforeAll(async () => {
    for (const label of DEPLOYED_WORKLOADS) {
      const workload = WORKLOAD_MATRIX.find((candidate) => candidate.label === label);
      if (workload === undefined) throw new Error(`the workload matrix has no workload "${label}"`);
      for (const input of await inputsOnEveryEligiblePlatform(workload.body)) {
        const template = cloudFormationTemplate(input);
        const where = `${label} on ${input.platform.id}`;
        const templatePath = join(directory, `${String(stacks.length).padStart(2, '0')}.yaml`);
        writeFileSync(templatePath, cloudFormationTemplateFile(template).content);
        stacks.push({
          label: where,
          platform: input.platform.id,
          template,
          templatePath,
          parameters: plausibleParameters(where, template.Parameters),
        });
      }
    }
    for (const { label, body } of DEPLOYED_APPLICATIONS) {
      const { template, text } = await designedApplication(body);
      const templatePath = join(directory, `${String(stacks.length).padStart(2, '0')}.yaml`);
      writeFileSync(templatePath, text);
      stacks.push({
        label,
        platform: 'application',
        template,
        templatePath,
        parameters: plausibleParameters(label, template.Parameters),
      });
    }
    moto = await startMotoServer(directory);
    deployed = deployOnMoto(moto.endpoint, stacks);
  }, CORPUS_TIMEOUT_MS);

  afterAll(async () => {
    await moto?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  function result(stack: StackToDeploy): DeployedStack {
    const match = deployed.find(({ label }) => label === stack.label);
    if (match === undefined) throw new Error(`${stack.label} was not deployed`);
    return match;
  }

  it('deploys a template of every platform', () => {
    const platforms = new Set(stacks.map(({ platform }) => platform));
    expect(PLATFORM_IDS.filter((platform) => !platforms.has(platform))).toEqual([]);
  });

  it('creates every stack (CREATE_COMPLETE)', () => {
    const failed = stacks
      .map((stack) => ({ stack, deployed: result(stack) }))
      .filter(({ deployed: outcome }) => outcome.status !== 'CREATE_COMPLETE')
      .map(
        ({ stack, deployed: outcome }) =>
          `${stack.label}: ${outcome.status} ${outcome.reason ?? ''} ${outcome.failedEvents.join('; ')}`,
      );
    // moto answers a request it cannot handle with a bare 500; its log says why.
    const motoErrors =
      failed.length === 0
        ? []
        : [
            ...new Set(
              (moto?.output() ?? '').split('\n').filter((line) => /^\w*(Error|Exception)\b/.test(line)),
            ),
          ];
    expect([...failed, ...motoErrors]).toEqual([]);
  });

  it('lists in docs/deploying.md exactly the resource types moto skipped, which rest on cfn-lint alone', () => {
    const skipped = new Set(
      stacks.flatMap((stack) => skippedResources(stack, result(stack)).map(({ type }) => type)),
    );
    // Stand-ins on a type moto creates are gaps in its model of that type (an attribute it does not answer,
    // a property it requires and AWS does not), not a skipped resource.
    const unanswered = new Set(
      deployed.flatMap(({ standIns }) =>
        standIns
          .filter(({ type }) => !skipped.has(type))
          .map(({ type, attribute }) => `${type}.${attribute}`),
      ),
    );
    process.stderr.write(
      `moto created ${deployed.filter(({ status }) => status === 'CREATE_COMPLETE').length} of ${stacks.length} stacks; ` +
        `resource types it does not model (checked by cfn-lint only): ${[...skipped].sort().join(', ')}; ` +
        `stand-in values on types it models: ${[...unanswered].sort().join(', ')}\n`,
    );
    expect([...skipped].sort()).toEqual(documentedUnmodelledTypes().sort());
  });
});
