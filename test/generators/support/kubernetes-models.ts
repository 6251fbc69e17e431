import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../../src/project-paths';

/** One object to validate, and where it came from. */
export interface KubernetesObjectCheck {
  label: string;
  object: unknown;
}

export interface KubernetesModelsReport {
  checked: number;
  byKind: Record<string, number>;
  failures: { label: string; kind: string; error: string }[];
  unmodelled: { label: string; kind: string }[];
}

/**
 * Runs scripts/validate-kubernetes-objects.mts in its own Node process: the model packages are ES modules
 * only, which jest's CommonJS runtime cannot load.
 */
export function validateWithKubernetesModels(
  checks: readonly KubernetesObjectCheck[],
): KubernetesModelsReport {
  const tsx = pathToFileURL(require.resolve('tsx/esm', { paths: [PROJECT_ROOT] })).href;
  const run = spawnSync(
    process.execPath,
    ['--import', tsx, join(PROJECT_ROOT, 'scripts', 'validate-kubernetes-objects.mts')],
    { input: JSON.stringify(checks), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0)
    throw new Error(`validate-kubernetes-objects.mts exited ${run.status}: ${run.stderr}${run.stdout}`);
  return JSON.parse(run.stdout) as KubernetesModelsReport;
}
