import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { PLATFORM_IDS } from '../../src/catalogue/platform-catalogue';
import type { WorkloadRequest } from '../../src/contract/workload';
import { cloudFormationTemplateFile } from '../../src/generators/cloudformation/cloudformation-template';
import { TEMPLATE_PATH } from '../../src/generators/cloudformation/template';
import { cloudFormationTemplate } from '../../src/generators/starter-config';
import { PROJECT_ROOT } from '../../src/project-paths';
import { validWorkloadRequest, workloadRequest } from '../properties/arbitraries';
import { scenarios } from '../scenarios/all-scenarios';
import { advise } from '../support/advisor';
import { RANDOM_SEED } from '../support/random-seed';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { WORKLOAD_MATRIX } from '../support/workload-matrix';
import {
  applicationTemplateOf,
  designer,
  HTTPS_PAIR,
  SPLIT_WITH_UDP,
  WEB_API_WORKER,
} from './support/application-templates';
import { cfnLint, describeMatch, type LintMatch } from './support/cfn-lint';
import { inputsOnEveryEligiblePlatform } from './support/starter-inputs';

/** Random valid workloads, as the API would answer them: the recommended platform's template. */
const RANDOM_WORKLOADS = 40;
/** Random applications of two to four services: their application/template.yaml. */
const RANDOM_APPLICATIONS = 8;
const SEED = RANDOM_SEED;

interface CheckedTemplate {
  source: string;
  platform: string;
  path: string;
}

/** The warnings docs/deploying.md's "How the templates are checked" section explains, by cfn-lint rule id. */
function explainedWarnings(): Set<string> {
  const page = readFileSync(join(PROJECT_ROOT, 'docs', 'deploying.md'), 'utf8');
  const section = /\n## How the templates are checked\n([\s\S]*?)(\n## |$)/.exec(page)?.[1];
  if (section === undefined)
    throw new Error('docs/deploying.md has no "How the templates are checked" section');
  return new Set([...section.matchAll(/`(W\d{4})`/g)].map((match) => match[1] as string));
}

describe(`${TEMPLATE_PATH} checked by cfn-lint`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'berth-cfn-'));
  const checked: CheckedTemplate[] = [];
  const seen = new Set<string>();
  let matches: LintMatch[] = [];
  const stopLinting = new AbortController();

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
    for (const { label, body } of WORKLOAD_MATRIX) await writeEveryPlatform(`matrix: ${label}`, body);
    const bodies = fc.sample(workloadRequest, { numRuns: RANDOM_WORKLOADS, seed: SEED });
    for (const [index, body] of bodies.entries()) {
      const advice = await advise(body);
      if (advice.kind !== 'recommendation') continue;
      const template = advice.recommendation.starterConfig.files.find((file) => file.path === TEMPLATE_PATH);
      if (template !== undefined)
        write(`random workload ${index} (seed ${SEED})`, advice.recommendation.platform.id, template.content);
    }
    const applications = [
      { source: 'application: web, api and worker', body: WEB_API_WORKER },
      { source: 'application: HTTPS pair', body: HTTPS_PAIR },
      { source: 'application: split with UDP', body: SPLIT_WITH_UDP },
      ...fc
        .sample(fc.array(validWorkloadRequest, { minLength: 2, maxLength: 4 }), {
          numRuns: RANDOM_APPLICATIONS,
          seed: SEED,
        })
        .map((requests, index) => ({
          source: `random application ${index} (seed ${SEED})`,
          body: { name: 'app', services: requests.map((request, at) => ({ ...request, name: `svc-${at}` })) },
        })),
    ];
    for (const { source, body } of applications) {
      const design = await designer.design(body);
      if (design.kind === 'architecture')
        write(source, 'application', applicationTemplateOf(design.answer).text);
    }
    matches = await cfnLint(
      checked.map((template) => template.path),
      { signal: stopLinting.signal },
    );
  }, CORPUS_TIMEOUT_MS);

  afterAll(() => {
    stopLinting.abort();
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

  it('lints the application templates of POST /v1/architectures too', () => {
    expect(checked.filter((template) => template.platform === 'application').length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('finds no error in any template', () => {
    expect(matches.filter((match) => match.Level === 'Error').map(located)).toEqual([]);
  });

  it('leaves only warnings docs/deploying.md explains', () => {
    const explained = explainedWarnings();
    expect(
      matches.filter((match) => match.Level === 'Warning' && !explained.has(match.Rule.Id)).map(located),
    ).toEqual([]);
  });
});
