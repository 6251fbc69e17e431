import type { PlatformId } from '../../catalogue/platform-catalogue';
import type { Recommendation } from '../advice';

/** A service answered on its own: its best platform and how every platform stands for it. */
export interface StandaloneAnswer {
  name: string;
  recommendation: Recommendation;
}

/** Where each service of an application runs, and why. */
export interface ApplicationPlacement {
  /** The one platform every service runs on, or undefined when the services are split. */
  shared?: { platformId: PlatformId; name: string; summedScore: number };
  platformOf: Map<string, PlatformId>;
  rationale: string[];
}

/**
 * One platform for all services when one can run them all: among the platforms eligible for every service,
 * the one with the highest summed score (ties to the catalogue's order, as a single answer's ties go).
 * Only when none can run them all does each service keep its own best platform, and the rationale names,
 * for each platform chosen, the services whose hard requirements it cannot meet.
 */
export function placeApplication(
  answers: readonly StandaloneAnswer[],
  catalogueOrder: readonly PlatformId[],
): ApplicationPlacement {
  const summed = new Map<PlatformId, { name: string; score: number; eligibleFor: number }>();
  for (const { recommendation } of answers) {
    for (const alternative of recommendation.alternatives) {
      const entry = summed.get(alternative.platformId) ?? {
        name: alternative.name,
        score: 0,
        eligibleFor: 0,
      };
      entry.score += alternative.score;
      if (alternative.eligible) entry.eligibleFor += 1;
      summed.set(alternative.platformId, entry);
    }
  }
  const everyService = [...summed]
    .filter(([, entry]) => entry.eligibleFor === answers.length)
    .sort(([a, x], [b, y]) => y.score - x.score || catalogueOrder.indexOf(a) - catalogueOrder.indexOf(b));
  const [best] = everyService;
  if (best !== undefined) {
    const [platformId, { name, score }] = best;
    const runnerUp = everyService[1];
    return {
      shared: { platformId, name, summedScore: score },
      platformOf: new Map(answers.map((answer) => [answer.name, platformId])),
      rationale: [
        answers.length === 1
          ? `${name} runs the application's one service: its best platform.`
          : `All ${answers.length} services run on ${name}, one platform for the application: of the ${everyService.length} platforms that can run every service, it has the highest summed score (${score}${runnerUp === undefined ? '' : `; next ${runnerUp[1].name} with ${runnerUp[1].score}`}).`,
      ],
    };
  }
  const platformOf = new Map(answers.map((answer) => [answer.name, answer.recommendation.platform.id]));
  const rationale = [
    'No one platform can run every service, so the services are split, each on its own best platform:',
  ];
  for (const platformId of new Set(platformOf.values())) {
    const blocked = answers.flatMap(({ name, recommendation }) => {
      const alternative = recommendation.alternatives.find((entry) => entry.platformId === platformId);
      return alternative === undefined || alternative.eligible
        ? []
        : [`${name} (${alternative.blockers[0] ?? 'not eligible'})`];
    });
    const runs = answers.filter((answer) => platformOf.get(answer.name) === platformId).map((a) => a.name);
    rationale.push(
      `${summed.get(platformId)?.name ?? platformId} runs ${runs.join(', ')}; it cannot run ${blocked.join('; ')}.`,
    );
  }
  return { platformOf, rationale };
}
