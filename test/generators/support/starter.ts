import YAML from 'yaml';
import type { Recommendation } from '../../../src/advice/advice';
import { Advisor } from '../../../src/advice/advisor';
import type { PlatformId } from '../../../src/catalogue/platform-catalogue';
import { validateWorkload } from '../../../src/contract/workload';
import { generateStarterConfig, type StarterFile } from '../../../src/generators/starter-config';
import { RULES_DIR } from '../../../src/project-paths';

let advisor: Advisor | undefined;

function sharedAdvisor(): Advisor {
  advisor ??= Advisor.fromRulesDir(RULES_DIR);
  return advisor;
}

/** The recommendation for a request body, through the real rules; fails the test when there is none. */
export async function recommend(body: Record<string, unknown>): Promise<Recommendation> {
  const validation = validateWorkload(body);
  if (!validation.ok)
    throw new Error(`invalid test workload ${JSON.stringify(body)}: ${JSON.stringify(validation.errors)}`);
  const advice = await sharedAdvisor().advise(validation.workload);
  if (advice.kind !== 'recommendation') throw new Error(`no platform fits ${JSON.stringify(body)}`);
  return advice.recommendation;
}

/**
 * The starter files for a request body, as the API returns them; given a platform, the files that platform
 * would get if it were chosen (it must be eligible), for tests about a platform the body does not reach.
 */
export async function starterFiles(
  body: Record<string, unknown>,
  platform?: PlatformId,
): Promise<StarterFile[]> {
  if (platform === undefined) return (await recommend(body)).starterConfig.files;
  const validation = validateWorkload(body);
  if (!validation.ok)
    throw new Error(`invalid test workload ${JSON.stringify(body)}: ${JSON.stringify(validation.errors)}`);
  const { workload } = validation;
  const designed = (await sharedAdvisor().designEveryEligiblePlatform(workload)).find(
    ({ evaluation }) => evaluation.platform.id === platform,
  );
  if (designed === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  return generateStarterConfig({
    // The workload as the advisor designed it: secret-looking variables already moved to secrets.
    workload: designed.evaluation.facts.workload,
    platform: designed.evaluation.platform,
    facts: designed.evaluation.facts,
    design: designed.design,
    instances: sharedAdvisor().ruleSet.instanceCatalogue,
  });
}

export function fileAt(files: readonly StarterFile[], path: string): StarterFile {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined)
    throw new Error(`no ${path} among ${files.map((candidate) => candidate.path).join(', ')}`);
  return file;
}

/** A JSON file, typed as the AWS request it claims to be. */
export function jsonAt<T = Record<string, unknown>>(files: readonly StarterFile[], path: string): T {
  return JSON.parse(fileAt(files, path).content) as T;
}

export type Document = Record<string, unknown>;

/** The value at a path of keys and indexes, or undefined where the path leads nowhere. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string | number, unknown>)[key]
        : undefined,
    value,
  );
}

/** Every document of a YAML file, as plain objects; fails on any YAML error. */
export function yamlDocumentsAt(files: readonly StarterFile[], path: string): Document[] {
  return YAML.parseAllDocuments(fileAt(files, path).content).map((document) => {
    if (document.errors.length > 0) throw new Error(`${path}: ${document.errors.map(String).join('; ')}`);
    return document.toJS() as Document;
  });
}

/** The one document of the given kind (and name, when several share the kind). */
export function kubernetesObject(documents: readonly Document[], kind: string, name?: string): Document {
  const matches = documents.filter(
    (document) => document.kind === kind && (name === undefined || at(document, 'metadata', 'name') === name),
  );
  const [match] = matches;
  if (matches.length !== 1 || match === undefined) {
    throw new Error(
      `expected one ${kind}${name === undefined ? '' : ` named ${name}`}, found ${matches.length}`,
    );
  }
  return match;
}

export function kinds(documents: readonly Document[]): unknown[] {
  return documents.map((document) => document.kind);
}
