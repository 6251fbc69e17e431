import { type PlatformId, refusedLinuxCapabilities } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { Workload } from '../contract/workload';
import {
  ARCHITECTURES,
  CONTROL_LEVELS,
  EXPOSURES,
  KUBERNETES_STANCES,
  OPERATING_SYSTEMS,
  PERSISTENCE_TYPES,
  PROTOCOLS,
} from '../contract/workload-schema';
import { touchesAny } from '../engine/fields-read';
import type { PlatformEvaluation, PlatformEvaluator } from '../engine/platform-evaluation';
import { valueAtPath } from '../shared/json-value';
import {
  type RequestChange as Change,
  capitalized,
  cartesian,
  changesInWords,
  combinations,
  costOf,
  withChanges,
} from './request-changes';

export type Suggestion = components['schemas']['Suggestion'];

/** The values a blocked field may be changed to, in the order they are tried (closest first). */
const ENUM_CANDIDATES: Record<string, readonly unknown[]> = {
  'traffic.protocol': PROTOCOLS,
  'traffic.exposure': EXPOSURES,
  'traffic.tlsTermination': ['load-balancer'],
  'persistence.type': PERSISTENCE_TYPES,
  'control.level': ['standard', ...CONTROL_LEVELS.filter((level) => level !== 'standard')],
  'control.kubernetes': [
    'no-preference',
    ...KUBERNETES_STANCES.filter((stance) => stance !== 'no-preference'),
  ],
  'control.os': OPERATING_SYSTEMS,
  'control.architecture': ['any', ...ARCHITECTURES.filter((architecture) => architecture !== 'any')],
  'control.gpu': [false],
  'control.privileged': [false],
  'control.daemons': [false],
  'control.hostNetwork': [false],
  region: ['us-east-1'],
};

/** How many what-if evaluations one platform may cost; keeps the 422 path bounded. */
const MAX_TRIES_PER_PLATFORM = 64;

/**
 * Finds, for each blocked platform, the smallest change to the request that makes it eligible, by trying
 * the blocked fields' other values and re-evaluating: every suggestion is verified, never guessed.
 * Suggestions come back smallest first.
 */
export async function findSmallestChanges(
  workload: Workload,
  evaluations: readonly PlatformEvaluation[],
  evaluator: PlatformEvaluator,
): Promise<Suggestion[]> {
  const found: { suggestion: Suggestion; score: number; cost: number; order: number }[] = [];
  for (const [order, evaluation] of evaluations.entries()) {
    if (evaluation.blockers.some((blocker) => !blocker.changeable)) continue;
    const fields = [...new Set(evaluation.blockers.flatMap((blocker) => blocker.fields))].sort();
    const result = await smallestChangeFor(workload, evaluation, fields, evaluator);
    if (result !== undefined) {
      found.push({
        order,
        score: result.score,
        cost: result.cost,
        suggestion: {
          platformId: evaluation.platform.id as PlatformId,
          changes: result.changes,
          description: capitalized(
            `${changesInWords(result.changes)} to make ${evaluation.platform.name} eligible.`,
          ),
        },
      });
    }
  }
  return found
    .sort(
      (a, b) =>
        a.suggestion.changes.length - b.suggestion.changes.length ||
        a.cost - b.cost ||
        b.score - a.score ||
        a.order - b.order,
    )
    .map(({ suggestion }) => suggestion);
}

async function smallestChangeFor(
  workload: Workload,
  evaluation: PlatformEvaluation,
  fields: readonly string[],
  evaluator: PlatformEvaluator,
): Promise<{ changes: Change[]; score: number; cost: number } | undefined> {
  // A change that touches none of the fields a blocker reads cannot lift it: such a try is counted, as
  // it always was, but not evaluated.
  const readByBlockers = evaluation.blockers.map(
    (blocker) => evaluator.fieldsReadBy(evaluation.platform.id, blocker.rule) ?? new Set<string>(),
  );
  let tries = 0;
  for (let size = 1; size <= fields.length; size += 1) {
    let best: { changes: Change[]; score: number; cost: number } | undefined;
    for (const subset of combinations(fields, size)) {
      const canLiftEveryBlocker = readByBlockers.every((read) =>
        subset.some((path) => touchesAny(path, read)),
      );
      const candidateLists = subset.map((field) => candidatesFor(field, workload, evaluation));
      for (const values of cartesian(candidateLists)) {
        tries += 1;
        if (tries > MAX_TRIES_PER_PLATFORM) return best;
        if (!canLiftEveryBlocker) continue;
        const changes = subset.map((path, index) => ({
          path,
          from: valueAtPath(workload, path.split('.')),
          to: values[index],
        }));
        const cost = changes.reduce((sum, change) => sum + costOf(change), 0);
        if (best !== undefined && cost >= best.cost) continue;
        const changed = withChanges(workload, changes);
        // Re-deciding only the rules the change touches gives what evaluating would; the engine runs only
        // where the facts alone cannot tell.
        const restood = evaluator.restand(evaluation, changed, subset);
        if (restood !== undefined) {
          if (restood.eligible) best = { changes, score: restood.score, cost };
          continue;
        }
        if (!(await evaluator.isEligible(changed, evaluation.platform))) continue;
        best = { changes, score: (await evaluator.evaluate(changed, evaluation.platform)).score, cost };
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** The values a blocked field may be changed to, closest first; none when nothing else could lift it. */
export function candidatesFor(field: string, workload: Workload, evaluation: PlatformEvaluation): unknown[] {
  const current = valueAtPath(workload, field.split('.'));
  const { taskSize } = evaluation.facts;
  if (field === 'resources.cpu')
    return taskSize.maxVcpu > 0 && current !== taskSize.maxVcpu ? [taskSize.maxVcpu] : [];
  if (field === 'resources.memoryGiB') {
    const largest = taskSize.maxMemoryGiB - taskSize.memoryOverheadGiB;
    return largest >= 0.5 && current !== largest ? [largest] : [];
  }
  if (field === 'control.capabilities') {
    // Keep what the platform can add: dropping only the refused capabilities is the smallest change.
    const requested = Array.isArray(current) ? current.map(String) : [];
    const refused = refusedLinuxCapabilities(evaluation.platform, requested);
    return refused.length === 0 ? [] : [requested.filter((name) => !refused.includes(name))];
  }
  if (field === 'resources.ephemeralStorageGiB') {
    // The request is an integer, so the platform's limit is offered rounded down (App Runner's 2.79 GiB is 2).
    const largest = Math.floor(evaluation.platform.capabilities.ephemeralStorage.maxGiB);
    return typeof current === 'number' && current > largest && largest >= 1 ? [largest] : [];
  }
  return (ENUM_CANDIDATES[field] ?? []).filter((value) => value !== current);
}
