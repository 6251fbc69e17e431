import type { Recommendation } from '../api/berth-client';

/** One design field whose value differs between two answers. */
export interface Difference {
  path: string;
  a: string | undefined;
  b: string | undefined;
}

/**
 * The parts of an answer that are not the design: explanations, rankings and the generated files
 * (which follow from the design), and the identity of the answer itself. The cost is compared apart.
 */
const NOT_DESIGN = new Set([
  'id',
  'rulesVersion',
  'rationale',
  'alternatives',
  'warnings',
  'whatWouldChange',
  'suggestions',
  'starterConfig',
  'platform.monthlyCost',
  'platform.summary',
]);

function leaves(value: unknown, path: string, into: Map<string, string>): void {
  if (NOT_DESIGN.has(path)) return;
  if (typeof value === 'object' && value !== null) {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) into.set(path, JSON.stringify(value));
    for (const [key, child] of entries) leaves(child, path === '' ? key : `${path}.${key}`, into);
    return;
  }
  into.set(path, JSON.stringify(value));
}

/** Every design field (the workload after defaults, the platform, and the architecture) that differs. */
export function designDifferences(a: Recommendation, b: Recommendation): Difference[] {
  const left = new Map<string, string>();
  const right = new Map<string, string>();
  leaves(a, '', left);
  leaves(b, '', right);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  return paths
    .filter((path) => left.get(path) !== right.get(path))
    .map((path) => ({ path, a: left.get(path), b: right.get(path) }));
}
