import type { PlatformId } from '../catalogue/platform-catalogue';
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
import { isRecord, valueAtPath } from '../shared/json-value';

export type Suggestion = components['schemas']['Suggestion'];
type Change = components['schemas']['RequestChange'];

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
  region: ['us-east-1'],
};

const DROPS_A_REQUIREMENT: readonly [string, unknown][] = [
  ['control.gpu', false],
  ['control.privileged', false],
  ['control.daemons', false],
];

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
          description: `${result.changes
            .map(
              (change) =>
                `set ${change.path} to ${JSON.stringify(change.to)} (now ${JSON.stringify(change.from)})`,
            )
            .join(' and ')} to make ${evaluation.platform.name} eligible.`.replace(/^./, (first) =>
            first.toUpperCase(),
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
        if (!(await evaluator.isEligible(changed, evaluation.platform))) continue;
        best = { changes, score: (await evaluator.evaluate(changed, evaluation.platform)).score, cost };
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * Giving up a requirement (a GPU, privileged mode, daemons) or changing the kind of storage is a bigger
 * change than adjusting a stance or a value, and dropping storage altogether is bigger still, so such
 * suggestions rank after the others.
 */
function costOf(change: Change): number {
  if (change.path === 'persistence.type') return change.to === 'none' ? 3 : 2;
  return DROPS_A_REQUIREMENT.some(([path, value]) => change.path === path && change.to === value) ? 2 : 1;
}

function candidatesFor(field: string, workload: Workload, evaluation: PlatformEvaluation): unknown[] {
  const current = valueAtPath(workload, field.split('.'));
  const { taskSize } = evaluation.facts;
  if (field === 'resources.cpu')
    return taskSize.maxVcpu > 0 && current !== taskSize.maxVcpu ? [taskSize.maxVcpu] : [];
  if (field === 'resources.memoryGiB') {
    const largest = taskSize.maxMemoryGiB - taskSize.memoryOverheadGiB;
    return largest >= 0.5 && current !== largest ? [largest] : [];
  }
  if (field === 'resources.ephemeralStorageGiB') {
    // The request is an integer, so the platform's limit is offered rounded down (App Runner's 2.79 GiB is 2).
    const largest = Math.floor(evaluation.platform.capabilities.ephemeralStorage.maxGiB);
    return typeof current === 'number' && current > largest && largest >= 1 ? [largest] : [];
  }
  return (ENUM_CANDIDATES[field] ?? []).filter((value) => value !== current);
}

function* combinations<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let index = start; index <= items.length - size; index += 1) {
    for (const rest of combinations(items, size - 1, index + 1)) yield [items[index] as T, ...rest];
  }
}

function* cartesian(lists: readonly unknown[][]): Generator<unknown[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const value of first ?? []) {
    for (const tail of cartesian(rest)) yield [value, ...tail];
  }
}

/**
 * The workload with the changes made: a new object along each changed path, the rest shared with the
 * original (nothing downstream modifies a workload), which is far cheaper than a deep copy per try.
 */
function withChanges(workload: Workload, changes: readonly Change[]): Workload {
  let changed = workload as unknown as Record<string, unknown>;
  for (const change of changes) changed = withValueAt(changed, change.path.split('.'), change.to);
  return changed as unknown as Workload;
}

function withValueAt(
  record: Record<string, unknown>,
  [key, ...rest]: readonly string[],
  value: unknown,
): Record<string, unknown> {
  if (key === undefined) return record;
  const inner = record[key];
  return {
    ...record,
    [key]: rest.length === 0 ? value : withValueAt(isRecord(inner) ? inner : {}, rest, value),
  };
}
