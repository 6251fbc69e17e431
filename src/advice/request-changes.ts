import type { components } from '../contract/generated/openapi-types';
import type { Workload } from '../contract/workload';
import { isRecord, valueAtPath } from '../shared/json-value';

/** One field of the request and the value it would take. */
export type RequestChange = components['schemas']['RequestChange'];

const DROPS_A_REQUIREMENT: readonly [string, unknown][] = [
  ['control.gpu', false],
  ['control.privileged', false],
  ['control.daemons', false],
  ['control.hostNetwork', false],
];

/** The change of one field of the workload to a value, with the value it has now. */
export function changeOf(workload: Workload, path: string, to: unknown): RequestChange {
  return { path, from: valueAtPath(workload, path.split('.')), to };
}

/**
 * Giving up a requirement (a GPU, privileged mode, daemons, the host's network) or changing the kind of storage is a bigger
 * change than adjusting a stance or a value, and dropping storage altogether is bigger still, so such
 * suggestions rank after the others.
 */
export function costOf(change: RequestChange): number {
  if (change.path === 'persistence.type') return change.to === 'none' ? 3 : 2;
  // Giving up an added Linux capability is giving up a requirement too.
  if (change.path === 'control.capabilities') return 2;
  return DROPS_A_REQUIREMENT.some(([path, value]) => change.path === path && change.to === value) ? 2 : 1;
}

/** The changes in words, for a sentence: `set a to "x" (now "y") and set b to …`. */
export function changesInWords(changes: readonly RequestChange[]): string {
  return changes
    .map(
      (change) => `set ${change.path} to ${JSON.stringify(change.to)} (now ${JSON.stringify(change.from)})`,
    )
    .join(' and ');
}

/** A sentence beginning with a capital letter. */
export function capitalized(sentence: string): string {
  return sentence.replace(/^./, (first) => first.toUpperCase());
}

/**
 * The workload with the changes made: a new object along each changed path, the rest shared with the
 * original (nothing downstream modifies a workload), which is far cheaper than a deep copy per try.
 */
export function withChanges(workload: Workload, changes: readonly RequestChange[]): Workload {
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

/** Every choice of `size` items, in the items' order. */
export function* combinations<T>(items: readonly T[], size: number, start = 0): Generator<T[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let index = start; index <= items.length - size; index += 1) {
    for (const rest of combinations(items, size - 1, index + 1)) yield [items[index] as T, ...rest];
  }
}

/** Every way of taking one value from each list, the first list varying slowest. */
export function* cartesian(lists: readonly unknown[][]): Generator<unknown[]> {
  if (lists.length === 0) {
    yield [];
    return;
  }
  const [first, ...rest] = lists;
  for (const value of first ?? []) {
    for (const tail of cartesian(rest)) yield [value, ...tail];
  }
}
