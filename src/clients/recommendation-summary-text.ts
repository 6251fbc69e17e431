import type { RecommendationSummary } from '../advice/recommendation-summary';
import { describeLoadBalancer, describeStorage } from './advice-summary';

/**
 * A RecommendationSummary in words, one entry a line, for the model that repeats it (the text of the MCP
 * tool's answer, whose structured content is the summary itself): the platform and its monthly cost, the
 * design, the reasons that decided, every platform in one line, the warnings and what would change.
 */
export function summaryText(summary: RecommendationSummary): string {
  const { platform, loadBalancer, storage, scaling, computeEnvironment } = summary;
  const lines = [
    `Platform: ${platform.name} (${platform.id})${platform.monthlyCost === undefined ? '' : `, about ${money(platform.monthlyCost)} a month`}.`,
    `Load balancer: ${describeLoadBalancer(loadBalancer)}.${loadBalancer.reason === undefined ? '' : ` ${loadBalancer.reason}`}`,
    `Storage: ${describeStorage(storage)}.${storage.reason === undefined ? '' : ` ${storage.reason}`}`,
    `Scaling: ${scaling.minCapacity} to ${scaling.maxCapacity} tasks${scaling.instanceMarket === undefined ? '' : `, ${scaling.instanceMarket}`}. ${scaling.policies.map((policy) => policy.description).join(' ')}`.trimEnd(),
  ];
  if (computeEnvironment !== undefined) {
    lines.push(`Compute environment: ${computeEnvironment.type} (${computeEnvironment.capacity}).`);
  }
  for (const trigger of summary.triggers) lines.push(`Trigger: ${trigger.type}. ${trigger.description}`);
  lines.push('', 'Why this platform (largest score contributions):', ...bullets(summary.reasons));
  lines.push('', 'Every platform, best first (rank. id: score, monthly cost or blockers):');
  for (const alternative of summary.alternatives) {
    const standing = alternative.eligible
      ? `${alternative.score}${alternative.monthlyCost === undefined ? '' : `, ${money(alternative.monthlyCost)}/month`}`
      : `blocked: ${alternative.blockers.join(' ')}`;
    lines.push(`${alternative.rank}. ${alternative.platformId}: ${standing}`);
  }
  if (summary.warnings.length > 0) lines.push('', 'Warnings:', ...bullets(summary.warnings));
  if (summary.whatWouldChange.length > 0) {
    lines.push('', 'What would change the answer:', ...bullets(summary.whatWouldChange));
  }
  lines.push(
    '',
    `Recommendation ${summary.id} (rules ${summary.rulesVersion}). Starter files: ${summary.starterConfig.files.map((file) => file.path).join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

function bullets(items: readonly string[]): string[] {
  return items.length === 0 ? ['- none'] : items.map((item) => `- ${item}`);
}

function money(cost: { total: number; currency: string }): string {
  return `${cost.total.toFixed(2)} ${cost.currency}`;
}
