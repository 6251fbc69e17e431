import YAML from 'yaml';
import { behaviourCorpus } from '../behaviour/behaviour-corpus';
import { advisor } from '../support/advisor';
import { startersOnEveryEligiblePlatform } from '../support/starter-corpus';
import { filesCheckedBy } from '../support/starter-file-checks';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import {
  type KubernetesModelsReport,
  type KubernetesObjectCheck,
  validateWithKubernetesModels,
} from './support/kubernetes-models';
import { at } from './support/starter';
import { UNMODELLED_KUBERNETES_KINDS } from './support/unmodelled-kubernetes-kinds';

describe('Kubernetes manifests checked by kubernetes-models', () => {
  const platforms = new Set<string>();
  const checks: KubernetesObjectCheck[] = [];
  let report: KubernetesModelsReport;

  beforeAll(async () => {
    // Identical objects (every workload's Namespace looks alike) are validated once, under their first label.
    const seen = new Set<string>();
    for (const { label, platform, files } of await startersOnEveryEligiblePlatform(behaviourCorpus())) {
      for (const file of filesCheckedBy('kubernetes-models', files)) {
        platforms.add(platform);
        for (const [index, document] of YAML.parseAllDocuments(file.content).entries()) {
          const where = `${label} on ${platform}: ${file.path} document ${index + 1}`;
          if (document.errors.length > 0) throw new Error(`${where}: ${document.errors.join('; ')}`);
          const object: unknown = document.toJS();
          const key = JSON.stringify(object);
          if (seen.has(key)) continue;
          seen.add(key);
          checks.push({ label: where, object });
        }
      }
    }
    report = validateWithKubernetesModels(checks);
  }, CORPUS_TIMEOUT_MS);

  it('reads the manifests of every platform where Kubernetes runs the workload', () => {
    const kubernetesPlatforms = advisor.ruleSet.platforms.filter((platform) => platform.traits.kubernetes);
    expect(kubernetesPlatforms.filter((platform) => !platforms.has(platform.id)).map(({ id }) => id)).toEqual(
      [],
    );
    expect(report.checked).toBeGreaterThan(0);
  });

  it('finds no object its model rejects', () => {
    expect(report.failures.map(({ label, kind, error }) => `${label} (${kind}): ${error}`)).toEqual([]);
  });

  it('has a model for every kind, but the kinds listed with their reason', () => {
    const unexplained = report.unmodelled.filter(
      ({ kind }) => UNMODELLED_KUBERNETES_KINDS[kind] === undefined,
    );
    expect(unexplained.map(({ label, kind }) => `${label}: ${kind}`)).toEqual([]);
  });

  it('names every object', () => {
    const unnamed = checks.filter(({ object }) => {
      const name = at(object, 'metadata', 'name');
      return typeof name !== 'string' || name === '';
    });
    expect(unnamed.map(({ label }) => label)).toEqual([]);
  });
});
