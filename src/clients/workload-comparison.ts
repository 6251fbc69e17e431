import type { Advice, Recommendation } from '../advice/advice';
import type { Workload } from '../contract/workload';
import { isRecord } from '../shared/json-value';
import { quote } from './text';

/** One field whose value differs between the two sides (`undefined` where a side has no such field). */
export interface Difference {
  path: string;
  a: unknown;
  b: unknown;
}

/** How one platform fared on each side. */
export interface PlatformStanding {
  platformId: string;
  a: Standing;
  b: Standing;
}

type Standing = { rank: number; eligible: boolean; score: number; blockers: string[] };

type Outcome =
  | { outcome: 'recommendation'; recommendationId: string; platformId: string; platformName: string }
  | { outcome: 'no-eligible-platform' };

export interface WorkloadComparison {
  a: Outcome;
  b: Outcome;
  samePlatform: boolean;
  /** The workload fields that differ, after defaults: what caused every other difference. */
  inputDifferences: Difference[];
  /** The parts of the two recommendations that differ (empty unless both sides got one). */
  recommendationDifferences: Difference[];
  /** Every platform whose rank, eligibility or score differs. */
  platformDifferences: PlatformStanding[];
}

/**
 * What changes between the answers for two workloads: which inputs differ, and how the platform, the
 * architecture around it and every platform's standing follow from them.
 */
export function compareAdvice(
  workloads: { a: Workload; b: Workload },
  advice: { a: Advice; b: Advice },
): WorkloadComparison {
  const a = outcomeOf(advice.a);
  const b = outcomeOf(advice.b);
  const recommendationDifferences =
    advice.a.kind === 'recommendation' && advice.b.kind === 'recommendation'
      ? [
          ...leafDifferences(headline(advice.a.recommendation), headline(advice.b.recommendation)),
          ...warningDifferences(advice.a.recommendation.warnings, advice.b.recommendation.warnings),
        ]
      : [];
  return {
    a,
    b,
    samePlatform:
      a.outcome === 'recommendation' && b.outcome === 'recommendation' && a.platformId === b.platformId,
    inputDifferences: leafDifferences(workloads.a, workloads.b),
    recommendationDifferences,
    platformDifferences: platformDifferences(standings(advice.a), standings(advice.b)),
  };
}

export function summarizeComparison(comparison: WorkloadComparison): string {
  const describe = (outcome: Outcome) =>
    outcome.outcome === 'recommendation'
      ? `${outcome.platformName} (${outcome.platformId})`
      : 'no eligible platform';
  const lines = [
    `Workload a: ${describe(comparison.a)}. Workload b: ${describe(comparison.b)}.`,
    comparison.samePlatform ? 'Both get the same platform.' : 'The two workloads get different answers.',
    '',
    'Inputs that differ (after defaults):',
    ...listOrNone(comparison.inputDifferences.map(describeDifference)),
  ];
  if (comparison.a.outcome === 'recommendation' && comparison.b.outcome === 'recommendation') {
    lines.push(
      '',
      'What differs in the recommendations:',
      ...listOrNone(comparison.recommendationDifferences.map(describeDifference)),
    );
  }
  lines.push(
    '',
    'Platforms whose standing differs:',
    ...listOrNone(
      comparison.platformDifferences.map(
        ({ platformId, a, b }) => `${platformId}: ${describeStanding(a)} -> ${describeStanding(b)}`,
      ),
    ),
  );
  return `${lines.join('\n')}\n`;
}

function outcomeOf(advice: Advice): Outcome {
  if (advice.kind === 'no-eligible-platform') return { outcome: 'no-eligible-platform' };
  const { recommendation } = advice;
  return {
    outcome: 'recommendation',
    recommendationId: recommendation.id,
    platformId: recommendation.platform.id,
    platformName: recommendation.platform.name,
  };
}

/**
 * The parts of a recommendation worth comparing: the platform, its monthly cost and every part of the
 * design (load balancer, storage, scaling, compute environment, triggers, monitoring, IAM, registry). The
 * rest (id, rationale, file contents) follows from them; the alternatives are compared as standings.
 */
function headline(recommendation: Recommendation): Record<string, unknown> {
  const { platform } = recommendation;
  const cost = platform.monthlyCost;
  return {
    platform: { id: platform.id, service: platform.service, capacity: platform.capacity },
    monthlyCost:
      cost === undefined
        ? undefined
        : { total: cost.total, low: cost.low, high: cost.high, currency: cost.currency },
    loadBalancer: recommendation.loadBalancer,
    storage: recommendation.storage,
    scaling: recommendation.scaling,
    computeEnvironment: recommendation.computeEnvironment,
    triggers: recommendation.triggers,
    monitoring: recommendation.monitoring,
    iam: recommendation.iam,
    registry: recommendation.registry,
  };
}

/** The warnings only one side has (`a`: only a's, `b`: only b's); none when both have the same. */
function warningDifferences(a: readonly string[], b: readonly string[]): Difference[] {
  const onlyA = a.filter((warning) => !b.includes(warning));
  const onlyB = b.filter((warning) => !a.includes(warning));
  return onlyA.length === 0 && onlyB.length === 0 ? [] : [{ path: 'warnings', a: onlyA, b: onlyB }];
}

function standings(advice: Advice): Map<string, Standing> {
  if (advice.kind === 'recommendation') {
    return new Map(
      advice.recommendation.alternatives.map((alternative) => [
        alternative.platformId,
        {
          rank: alternative.rank,
          eligible: alternative.eligible,
          score: alternative.score,
          blockers: alternative.blockers,
        },
      ]),
    );
  }
  return new Map(
    advice.platforms.map((platform, index) => [
      platform.platformId,
      { rank: index + 1, eligible: false, score: 0, blockers: platform.blockers },
    ]),
  );
}

function platformDifferences(a: Map<string, Standing>, b: Map<string, Standing>): PlatformStanding[] {
  const differences: PlatformStanding[] = [];
  for (const [platformId, standingA] of a) {
    const standingB = b.get(platformId);
    if (standingB === undefined) continue;
    if (
      standingA.rank !== standingB.rank ||
      standingA.eligible !== standingB.eligible ||
      standingA.score !== standingB.score
    ) {
      differences.push({ platformId, a: standingA, b: standingB });
    }
  }
  return differences;
}

/** Every leaf (arrays count as leaves) whose value differs, by dotted path. */
function leafDifferences(a: unknown, b: unknown, path = ''): Difference[] {
  if (isRecord(a) && isRecord(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => leafDifferences(a[key], b[key], path === '' ? key : `${path}.${key}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [{ path, a, b }];
}

function describeDifference({ path, a, b }: Difference): string {
  if (path === 'warnings') {
    const side = (name: string, warnings: unknown) =>
      (warnings as string[]).map((warning) => `warning only for ${name}: ${warning}`);
    return [...side('a', a), ...side('b', b)].join('\n  - ');
  }
  const show = (value: unknown) => (value === undefined ? '(not set)' : quote(value));
  return `${path}: ${show(a)} -> ${show(b)}`;
}

function describeStanding(standing: Standing): string {
  return standing.eligible
    ? `rank ${standing.rank}, score ${standing.score}`
    : `rank ${standing.rank}, blocked (${standing.blockers[0] ?? 'no blocker given'})`;
}

function listOrNone(items: string[]): string[] {
  return items.length === 0 ? ['  - none'] : items.map((item) => `  - ${item}`);
}
