/**
 * Validates every eksctl ClusterConfig Berth generates against eksctl's own JSON schema.
 *
 *   tsx scripts/validate-eksctl-configs.ts <path to eksctl's schema.json>
 *
 * The schema is eksctl's file (pkg/apis/eksctl.io/v1alpha5/assets/schema.json in eksctl-io/eksctl), not
 * Berth's, so it is not in this repository: CI passes its path, and without it this check cannot run and
 * fails. The configurations are those of the behaviour corpus (every scenario, the workload matrix and
 * generated workloads from a fixed seed) on every platform that can run each. Prints a summary; exits 1 when
 * any configuration is invalid, 2 when the schema is missing or unusable or no configuration was generated.
 */
import { existsSync, readFileSync } from 'node:fs';
import Ajv, { type ErrorObject } from 'ajv';
import YAML from 'yaml';
import { behaviourCorpus } from '../test/behaviour/behaviour-corpus';
import { startersOnEveryEligiblePlatform } from '../test/support/starter-corpus';
import { filesCheckedBy } from '../test/support/starter-file-checks';

/** Annotations eksctl's schema carries for editors and for its own ordering: no constraint on a config. */
const ANNOTATION_KEYWORDS = [
  'x-intellij-html-description',
  'preferredOrder',
  'x-kubernetes-group-version-kind',
];

interface Config {
  where: string;
  platform: string;
  document: unknown;
}

function describeError(error: ErrorObject): string {
  const params = Object.keys(error.params).length === 0 ? '' : ` ${JSON.stringify(error.params)}`;
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}${params}`;
}

async function generatedConfigs(): Promise<{ workloads: number; configs: Config[] }> {
  const corpus = behaviourCorpus();
  const configs: Config[] = [];
  for (const { label, platform, files } of await startersOnEveryEligiblePlatform(corpus)) {
    for (const file of filesCheckedBy('eksctl schema', files)) {
      configs.push({
        where: `${label} on ${platform}: ${file.path}`,
        platform,
        document: YAML.parse(file.content),
      });
    }
  }
  return { workloads: corpus.length, configs };
}

async function main(argv: readonly string[]): Promise<number> {
  const [schemaPath] = argv;
  if (schemaPath === undefined || argv.length !== 1) {
    process.stderr.write('usage: tsx scripts/validate-eksctl-configs.ts <path to eksctl schema.json>\n');
    return 2;
  }
  if (!existsSync(schemaPath)) {
    process.stderr.write(
      `eksctl's schema is not at ${schemaPath}: the eksctl ClusterConfig files cannot be checked without it\n`,
    );
    return 2;
  }
  // eksctl's schema lists properties without `type: object` beside them; strictTypes would only complain of
  // that style, which constrains no config.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addVocabulary(ANNOTATION_KEYWORDS);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

  const { workloads, configs } = await generatedConfigs();
  if (configs.length === 0) {
    process.stderr.write('no eksctl ClusterConfig was generated: the corpus reaches no EKS platform\n');
    return 2;
  }
  const distinct = new Map<string, Config>();
  for (const config of configs) distinct.set(JSON.stringify(config.document), config);
  const invalid: string[] = [];
  for (const config of distinct.values()) {
    if (!validate(config.document))
      invalid.push(...(validate.errors ?? []).map((error) => `${config.where}: ${describeError(error)}`));
  }
  const platforms = [...new Set(configs.map(({ platform }) => platform))].sort().join(', ');
  process.stdout.write(
    `eksctl schema ${schemaPath}: ${configs.length} ClusterConfig files (${distinct.size} distinct) from ${workloads} workloads on ${platforms}: ${invalid.length === 0 ? 'all valid' : `${invalid.length} errors`}\n`,
  );
  for (const line of invalid) process.stdout.write(`  ${line}\n`);
  return invalid.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
