import type { components } from '../contract/generated/openapi-types';
import type { Recommendation, ScoreContribution } from './advice';
import { scoreReasonText } from './alternatives';

export type RecommendationSummary = components['schemas']['RecommendationSummary'];
type MonthlyCostTotal = components['schemas']['MonthlyCostTotal'];

/** How many score contributions the summary gives as the reasons that decided. */
export const DECIDING_REASONS = 3;

/**
 * The recommendation in a few KB (`view=summary`, and what the MCP tool answers): each field keeps the
 * name of the full answer's field it summarizes, so a client reads both with the same code. The
 * deciding reasons are the chosen platform's largest score contributions (by how many points they
 * moved, firing order breaking ties), not the first to fire. Blockers and what would change are cut to
 * their first sentence, the claim (a blocker's next sentences say why, from the AWS documentation: ten
 * blocked platforms' reasons would cost a model more than the rest of the summary). A field of the full
 * answer that belongs here is one more line of this object.
 */
export function recommendationSummary(
  recommendation: Recommendation,
  scoreContributions: readonly ScoreContribution[],
): RecommendationSummary {
  const { platform, loadBalancer, storage, scaling, computeEnvironment } = recommendation;
  return {
    id: recommendation.id,
    rulesVersion: recommendation.rulesVersion,
    platform: {
      id: platform.id,
      name: platform.name,
      service: platform.service,
      capacity: platform.capacity,
      ...costTotal(platform.monthlyCost),
    },
    loadBalancer: {
      type: loadBalancer.type,
      ...(loadBalancer.scheme === undefined ? {} : { scheme: loadBalancer.scheme }),
      listeners: loadBalancer.listeners,
      ...(loadBalancer.targetGroup === undefined
        ? {}
        : {
            targetGroup: {
              protocol: loadBalancer.targetGroup.protocol,
              port: loadBalancer.targetGroup.port,
              targetType: loadBalancer.targetGroup.targetType,
            },
          }),
      ...(loadBalancer.reason === undefined ? {} : { reason: loadBalancer.reason }),
    },
    storage: {
      type: storage.type,
      ...(storage.sizeGiB === undefined ? {} : { sizeGiB: storage.sizeGiB }),
      ...(storage.mountPath === undefined ? {} : { mountPath: storage.mountPath }),
      ...(storage.reason === undefined ? {} : { reason: storage.reason }),
    },
    scaling: {
      minCapacity: scaling.minCapacity,
      maxCapacity: scaling.maxCapacity,
      ...(scaling.instanceMarket === undefined ? {} : { instanceMarket: scaling.instanceMarket }),
      policies: scaling.policies.map(({ type, description }) => ({ type, description })),
    },
    ...(computeEnvironment === undefined
      ? {}
      : { computeEnvironment: { type: computeEnvironment.type, capacity: computeEnvironment.capacity } }),
    triggers: recommendation.triggers.map(({ type, description }) => ({ type, description })),
    reasons: decidingReasons(scoreContributions),
    alternatives: recommendation.alternatives.map((alternative) => ({
      platformId: alternative.platformId,
      rank: alternative.rank,
      eligible: alternative.eligible,
      score: alternative.score,
      ...costTotal(alternative.monthlyCost),
      blockers: alternative.blockers.map(firstSentence),
    })),
    warnings: recommendation.warnings,
    whatWouldChange: recommendation.whatWouldChange.map(firstSentence),
    suggestions: recommendation.suggestions,
    starterConfig: {
      files: recommendation.starterConfig.files.map(({ path, mediaType }) => ({ path, mediaType })),
    },
  };
}

/**
 * The largest contributions, largest first, written as the full answer writes them in
 * `alternatives[].reasons` ("+10: …"). A platform that no preference moved has none.
 */
function decidingReasons(contributions: readonly ScoreContribution[]): string[] {
  return [...contributions]
    .map((contribution, order) => ({ contribution, order }))
    .sort((a, b) => Math.abs(b.contribution.points) - Math.abs(a.contribution.points) || a.order - b.order)
    .slice(0, DECIDING_REASONS)
    .map(({ contribution: { points, reason } }) => scoreReasonText(points, reason));
}

/** A text's first sentence: up to the first full stop followed by a space and a capital, or all of it. */
function firstSentence(text: string): string {
  return /^.*?[.!?](?=\s+[A-Z(])/s.exec(text)?.[0] ?? text;
}

function costTotal(cost: Recommendation['platform']['monthlyCost']): { monthlyCost?: MonthlyCostTotal } {
  return cost === undefined ? {} : { monthlyCost: { total: cost.total, currency: cost.currency } };
}
