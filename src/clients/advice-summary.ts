import type { Advice, Recommendation } from '../advice/advice';
import type { FieldError } from '../contract/field-errors';
import { quote, wrap } from './text';

export type NoEligiblePlatform = Extract<Advice, { kind: 'no-eligible-platform' }>;

/** How a summary is laid out: wrapped for a terminal, or one paragraph per line for a model. */
export interface SummaryOptions {
  /** Wrap lines at this many characters; unset keeps each entry on one line. */
  width?: number;
  /** How many of the chosen platform's reasons to show. Default 3. */
  topReasons?: number;
}

const LABEL_WIDTH = 15;

/**
 * A recommendation in words: the platform, the load balancer, storage, scaling and triggers around it,
 * the reasons it won, every other platform ranked with its reasons or blockers, the warnings and what
 * would change the answer. What the CLI prints and what the MCP tool tells the model it may repeat.
 */
export function summarizeRecommendation(
  recommendation: Recommendation,
  options: SummaryOptions = {},
): string {
  const { width, topReasons = 3 } = options;
  const { platform, loadBalancer, storage, scaling, triggers, alternatives } = recommendation;
  const chosen = alternatives[0];
  const labelled = (label: string, text: string) =>
    wrap(text, `${label}:`.padEnd(LABEL_WIDTH), ' '.repeat(LABEL_WIDTH), width);
  const detail = (text: string) => wrap(text, ' '.repeat(LABEL_WIDTH), ' '.repeat(LABEL_WIDTH), width);

  const lines = [
    ...labelled(
      'Platform',
      `${platform.name} (${platform.id})${chosen === undefined ? '' : `, score ${chosen.score} of 100`}`,
    ),
    ...detail(platform.summary),
    ...(platform.monthlyCost === undefined
      ? []
      : labelled('Monthly cost', describeCost(platform.monthlyCost))),
    ...labelled('Load balancer', describeLoadBalancer(loadBalancer)),
    ...(loadBalancer.reason === undefined ? [] : detail(loadBalancer.reason)),
    ...labelled('Storage', describeStorage(storage)),
    ...(storage.reason === undefined ? [] : detail(storage.reason)),
    ...labelled(
      'Scaling',
      `${scaling.minCapacity} to ${scaling.maxCapacity} tasks${scaling.instanceMarket === undefined ? '' : `, ${scaling.instanceMarket}`}`,
    ),
    ...scaling.policies.flatMap((policy) => detail(policy.description)),
  ];
  const { computeEnvironment } = recommendation;
  if (computeEnvironment !== undefined) {
    lines.push(
      ...labelled(
        'Compute',
        `${computeEnvironment.type} compute environment${computeEnvironment.allocationStrategy === undefined ? '' : `, ${computeEnvironment.allocationStrategy}`}`,
      ),
      ...detail(computeEnvironment.reason),
    );
  }
  if (triggers.length > 0) {
    lines.push(...labelled('Triggers', triggers.map((trigger) => trigger.type).join(', ')));
    lines.push(...triggers.flatMap((trigger) => detail(trigger.description)));
  }
  lines.push('', 'Why this platform:');
  lines.push(
    ...largestContributionsFirst(chosen?.reasons ?? [])
      .slice(0, topReasons)
      .flatMap((reason) => bullet(reason, width)),
  );
  lines.push('', 'Every platform, best first:');
  for (const alternative of alternatives) {
    const head = `  ${alternative.rank}. ${alternative.platformId.padEnd(23)}`;
    if (alternative.rank === 1) {
      lines.push(`${head}${String(alternative.score).padStart(3)}  recommended`);
    } else if (alternative.eligible) {
      lines.push(`${head}${String(alternative.score).padStart(3)}`);
      lines.push(...alternative.reasons.flatMap((reason) => wrap(reason, '       - ', '         ', width)));
    } else {
      lines.push(`${head}  -  blocked`);
      lines.push(
        ...alternative.blockers.flatMap((blocker) => wrap(blocker, '       - ', '         ', width)),
      );
    }
  }
  if (recommendation.warnings.length > 0) {
    lines.push('', 'Warnings:', ...recommendation.warnings.flatMap((warning) => bullet(warning, width)));
  }
  if (recommendation.whatWouldChange.length > 0) {
    lines.push(
      '',
      'What would change the answer:',
      ...recommendation.whatWouldChange.flatMap((line) => bullet(line, width)),
    );
  }
  if (recommendation.suggestions.length > 0) {
    lines.push(
      '',
      'Changes that make another platform the answer:',
      ...recommendation.suggestions.flatMap((suggestion) => bullet(suggestion.description, width)),
    );
  }
  lines.push(
    '',
    `Recommendation ${recommendation.id} (rules ${recommendation.rulesVersion}), ${recommendation.starterConfig.files.length} starter files.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Why no platform fits: each platform's blockers, then the smallest changes that make one eligible. */
export function summarizeNoEligiblePlatform(
  advice: NoEligiblePlatform,
  options: SummaryOptions = {},
): string {
  const { width } = options;
  const lines = ['No platform meets every hard requirement of this workload.', '', 'Blockers:'];
  for (const platform of advice.platforms) {
    lines.push(`  ${platform.platformId}`);
    lines.push(...platform.blockers.flatMap((blocker) => wrap(blocker, '       - ', '         ', width)));
  }
  lines.push('');
  if (advice.suggestions.length === 0) {
    lines.push('No single change to the request lifts the blockers of any platform.');
  } else {
    lines.push(
      'Smallest changes that make a platform eligible:',
      ...advice.suggestions.flatMap((suggestion) => bullet(suggestion.description, width)),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Invalid input, one line per problem, in the API's words: the dotted field path, what is wrong, the
 * value received. `label` may add how the caller set the field (a CLI flag).
 */
export function summarizeFieldErrors(
  errors: readonly FieldError[],
  options: SummaryOptions & { label?: (path: string) => string | undefined } = {},
): string {
  const lines = [`The workload is not valid (${errors.length} problem${errors.length === 1 ? '' : 's'}):`];
  for (const error of errors) {
    const label = options.label?.(error.path);
    const field = `${error.path || '(body)'}${label === undefined ? '' : ` (${label})`}`;
    // Some messages already quote the value (`must be a number, not the string "abc"`).
    const received =
      error.received === undefined || error.message.includes(quote(error.received))
        ? ''
        : `; received ${quote(error.received)}`;
    lines.push(...bullet(`${field} ${error.message}${received}`, options.width));
  }
  return `${lines.join('\n')}\n`;
}

function bullet(text: string, width: number | undefined): string[] {
  return wrap(text, '  - ', '    ', width);
}

/** A score reason as `alternatives` writes it: its signed points, then what earned them. */
const SCORE_REASON = /^([+-]\d+): /;

/**
 * The chosen platform's reasons with the largest score contributions first (the ones that decided),
 * instead of the order the rules fired in; a reason without points keeps its place after them.
 */
function largestContributionsFirst(reasons: readonly string[]): string[] {
  const points = (reason: string) => {
    const match = SCORE_REASON.exec(reason);
    return match?.[1] === undefined ? Number.NEGATIVE_INFINITY : Number(match[1]);
  };
  return [...reasons].sort((a, b) => {
    const difference = points(b) - points(a);
    return Number.isNaN(difference) ? 0 : difference;
  });
}

function describeCost(cost: NonNullable<Recommendation['platform']['monthlyCost']>): string {
  const dollars = (amount: number) => `$${amount.toFixed(2)}`;
  return `${dollars(cost.total)} (${cost.currency}, estimated; ${dollars(cost.low)} to ${dollars(cost.high)})`;
}

export function describeLoadBalancer(loadBalancer: Recommendation['loadBalancer']): string {
  const parts: string[] = [loadBalancer.type];
  if (loadBalancer.scheme !== undefined) parts.push(loadBalancer.scheme);
  const listeners = loadBalancer.listeners.map(
    (listener) =>
      `${listener.protocol} ${listener.port}${listener.action === 'redirect-to-https' ? ' (redirects to HTTPS)' : ''}`,
  );
  const target = loadBalancer.targetGroup;
  const forwards =
    target === undefined
      ? ''
      : `, forwarding to ${target.protocol} ${target.port} on ${target.targetType} targets`;
  return `${parts.join(', ')}${listeners.length > 0 ? `; listeners ${listeners.join(', ')}${forwards}` : ''}`;
}

export function describeStorage(storage: Recommendation['storage']): string {
  const size = storage.sizeGiB === undefined ? '' : `, ${storage.sizeGiB} GiB`;
  const mount = storage.mountPath === undefined ? '' : `, mounted at ${storage.mountPath}`;
  return `${storage.type}${size}${mount}`;
}
