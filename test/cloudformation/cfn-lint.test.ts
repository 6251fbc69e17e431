import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PLATFORM_IDS } from '../../src/catalogue/platform-catalogue';
import type { WorkloadRequest } from '../../src/contract/workload';
import {
  cloudFormationTemplate,
  cloudFormationTemplateFile,
} from '../../src/generators/cloudformation/cloudformation-template';
import { TEMPLATE_PATH } from '../../src/generators/cloudformation/template';
import { PROJECT_ROOT } from '../../src/project-paths';
import { workloadRequest } from '../properties/arbitraries';
import { scenarios } from '../scenarios/scenarios.cases';
import { advise } from '../support/advisor';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { cfnLint, describeMatch, type LintMatch } from './support/cfn-lint';
import { inputsOnEveryEligiblePlatform } from './support/starter-inputs';

const PROTOCOLS = ['http', 'https', 'grpc', 'websocket', 'tcp', 'udp', 'tls'] as const;
const PERSISTENCE = ['none', 'shared-file', 'block', 'windows-file', 'high-performance-file'] as const;
const TRIGGERS: NonNullable<WorkloadRequest['trigger']>[] = [
  { type: 'schedule', expression: 'cron(0 2 * * ? *)' },
  { type: 's3-object-created', bucket: 'uploads.example', prefix: 'in/' },
  { type: 'sqs', queueName: 'jobs' },
  { type: 'manual' },
];
/** Random valid workloads, as the API would answer them: the recommended platform's template. */
const RANDOM_WORKLOADS = 40;
const SEED = Math.floor(Math.random() * 0x7fffffff);

/**
 * The matrix: each protocol, each persistence type and each trigger, on every platform that can run it,
 * plus the hard requirements that change what a template holds (Spot, Arm, GPU, Windows, host access).
 */
const MATRIX: { label: string; body: WorkloadRequest }[] = [
  ...PROTOCOLS.map((protocol, index) => ({
    label: `web ${protocol}`,
    body: webWorkload({
      name: `web-${protocol}`,
      traffic: { protocol, exposure: index % 2 === 0 ? 'public' : 'private' },
      existingAppRunnerCustomer: true,
    }),
  })),
  ...PERSISTENCE.map((type) => ({
    label: `web storing ${type}`,
    body: webWorkload({
      name: `store-${type}`,
      persistence: { type },
      ...(type === 'windows-file' ? { control: { os: 'windows' }, resources: { cpu: 1, memoryGiB: 2 } } : {}),
    }),
  })),
  ...TRIGGERS.map((trigger) => ({
    label: `batch on ${trigger.type}`,
    body: batchWorkload({ name: `batch-${trigger.type}`, trigger, persistence: { type: 'shared-file' } }),
  })),
  { label: 'spot worker', body: workerWorkload({ name: 'spot-worker', cost: { interruptible: true } }) },
  {
    label: 'spot web on EC2 hosts',
    body: webWorkload({ name: 'spot-web', cost: { interruptible: true }, control: { privileged: true } }),
  },
  { label: 'arm64 web', body: webWorkload({ name: 'arm-web', control: { architecture: 'arm64' } }) },
  { label: 'gpu web', body: webWorkload({ name: 'gpu-web', control: { gpu: true } }) },
  {
    label: 'windows web',
    body: webWorkload({ name: 'win-web', control: { os: 'windows' }, resources: { cpu: 1, memoryGiB: 2 } }),
  },
  {
    label: 'windows worker on spot',
    body: workerWorkload({
      name: 'win-worker',
      control: { os: 'windows', level: 'full' },
      cost: { interruptible: true },
    }),
  },
  {
    label: 'web with per-host daemons and block storage',
    body: webWorkload({ name: 'daemon-web', control: { daemons: true }, persistence: { type: 'block' } }),
  },
];

interface CheckedTemplate {
  source: string;
  platform: string;
  path: string;
}

/** The warnings the README's "Deploy what Berth recommends" section explains, by cfn-lint rule id. */
function explainedWarnings(): Set<string> {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = /## Deploy what Berth recommends\n([\s\S]*?)(\n## |$)/.exec(readme)?.[1] ?? '';
  return new Set([...section.matchAll(/`(W\d{4})`/g)].map((match) => match[1] as string));
}

describe(`${TEMPLATE_PATH} checked by cfn-lint`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'berth-cfn-'));
  const checked: CheckedTemplate[] = [];
  const seen = new Set<string>();
  let matches: LintMatch[] = [];

  function write(source: string, platform: string, content: string): void {
    const digest = createHash('sha256').update(content).digest('hex');
    if (seen.has(digest)) return;
    seen.add(digest);
    const path = join(directory, `${String(checked.length).padStart(3, '0')}-${platform}.yaml`);
    writeFileSync(path, content);
    checked.push({ source, platform, path });
  }

  async function writeEveryPlatform(source: string, body: WorkloadRequest): Promise<void> {
    for (const input of await inputsOnEveryEligiblePlatform(body)) {
      write(source, input.platform.id, cloudFormationTemplateFile(cloudFormationTemplate(input)).content);
    }
  }

  beforeAll(async () => {
    for (const scenario of scenarios)
      await writeEveryPlatform(`scenario: ${scenario.name}`, scenario.workload);
    for (const { label, body } of MATRIX) await writeEveryPlatform(`matrix: ${label}`, body);
    const bodies = fc.sample(workloadRequest, { numRuns: RANDOM_WORKLOADS, seed: SEED });
    for (const [index, body] of bodies.entries()) {
      const advice = await advise(body);
      if (advice.kind !== 'recommendation') continue;
      const template = advice.recommendation.starterConfig.files.find((file) => file.path === TEMPLATE_PATH);
      if (template !== undefined)
        write(`random workload ${index} (seed ${SEED})`, advice.recommendation.platform.id, template.content);
    }
    matches = cfnLint(checked.map((template) => template.path));
  }, 180_000);

  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  function located(match: LintMatch): string {
    const template = checked.find((candidate) => candidate.path === match.Filename);
    return `${template?.source ?? '?'} on ${template?.platform ?? '?'}: ${describeMatch(match)}`;
  }

  it('covers every platform, with the template of every scenario on every platform that can run it', () => {
    const platforms = new Set(checked.map((template) => template.platform));
    expect([...PLATFORM_IDS].filter((platform) => !platforms.has(platform))).toEqual([]);
    expect(checked.filter((template) => template.source.startsWith('scenario')).length).toBeGreaterThan(
      scenarios.length,
    );
  });

  it('finds no error in any template', () => {
    expect(matches.filter((match) => match.Level === 'Error').map(located)).toEqual([]);
  });

  it('leaves only warnings the README explains', () => {
    const explained = explainedWarnings();
    expect(
      matches.filter((match) => match.Level === 'Warning' && !explained.has(match.Rule.Id)).map(located),
    ).toEqual([]);
  });
});
