import type { PlatformId } from '../catalogue/platform-catalogue';
import type { components } from '../contract/generated/openapi-types';
import type { PlatformEvaluation } from '../engine/platform-evaluation';
import type { FiredRule } from '../engine/rules-engine';

type RationaleEntry = components['schemas']['RationaleEntry'];

/** Every rule that fired, explained: the platform-fit and cost-fit rules of each platform, then the chosen design's. */
export function rationale(
  evaluations: readonly PlatformEvaluation[],
  designFired: readonly FiredRule[],
): RationaleEntry[] {
  const entries: RationaleEntry[] = [];
  for (const evaluation of evaluations) {
    for (const fired of evaluation.fired) entries.push(rationaleEntry(fired, evaluation.platform.id));
  }
  for (const fired of designFired) entries.push(rationaleEntry(fired));
  return entries;
}

function rationaleEntry(fired: FiredRule, platformId?: PlatformId): RationaleEntry {
  const { rule } = fired;
  const entry: RationaleEntry = {
    rule: rule.name,
    group: rule.group as components['schemas']['RuleGroup'],
    effect: effectOf(fired, platformId),
    message: messageOf(fired),
    source: rule.source,
  };
  if (platformId !== undefined) entry.platformId = platformId;
  return entry;
}

function effectOf({ type, params }: FiredRule, platformId?: PlatformId): string {
  switch (type) {
    case 'blocker':
      return `excludes ${platformId}`;
    case 'score': {
      const points = Number(params.points);
      return `${points > 0 ? '+' : ''}${points} ${platformId}`;
    }
    case 'warning':
      return platformId === undefined ? 'warns' : `warns about ${platformId}`;
    case 'note':
      return 'notes';
    case 'load-balancer':
      return `load balancer: ${String(params.type)}`;
    case 'load-balancer-scheme':
      return `load balancer scheme: ${String(params.scheme)}`;
    case 'storage':
      return `storage: ${String(params.type)}`;
    case 'scaling-policy':
      return `scaling policy: ${String((params.policy as { type: string }).type)}`;
    case 'capacity':
      return 'capacity';
    case 'trigger':
      return `trigger: ${String((params.trigger as { type: string }).type)}`;
    case 'monitoring-rule':
      return `monitoring: ${String((params.rule as { name: string }).name)}`;
    case 'iam-role':
      return `IAM ${String(params.slot)}: ${String((params.role as { name: string }).name)}`;
    case 'iam-statement':
      return `IAM ${String(params.slot)} statement`;
    case 'registry':
      return `registry: ecr ${String(params.repositoryName)}`;
    default:
      return type;
  }
}

function messageOf({ rule, type, params }: FiredRule): string {
  if (type === 'blocker' || type === 'warning' || type === 'note') return String(params.message);
  if (type === 'score') return String(params.reason);
  if (typeof params.reason === 'string') return params.reason;
  for (const nested of ['policy', 'trigger', 'rule', 'role'] as const) {
    const description = (params[nested] as { description?: unknown } | undefined)?.description;
    if (typeof description === 'string') return description;
  }
  return rule.description;
}
