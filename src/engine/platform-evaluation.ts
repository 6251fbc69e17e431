import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { buildFacts, type Facts } from './facts';
import type { Manifest } from './rule-file-schema';
import type { FiredRule, RulesEngine } from './rules-engine';

export interface Blocker {
  message: string;
  /** The request fields whose values caused it. */
  fields: string[];
  /** False when no change to the request could lift it (e.g. the account's App Runner status). */
  changeable: boolean;
  rule: string;
}

/** How one platform fares against one workload. */
export interface PlatformEvaluation {
  platform: Platform;
  facts: Facts;
  eligible: boolean;
  /** 0 when ineligible. */
  score: number;
  /** The score the platform would have without its blockers: what lifting them would be worth. */
  potentialScore: number;
  blockers: Blocker[];
  /** Score changes, signed, each with its reason. */
  scoreReasons: { points: number; reason: string; rule: string }[];
  warnings: string[];
  fired: FiredRule[];
}

/** Runs the platform-fit rules (eligibility, lifecycle, preferences, caveats) for each platform. */
export class PlatformEvaluator {
  constructor(
    private readonly engines: ReadonlyMap<string, RulesEngine>,
    private readonly platforms: readonly Platform[],
    private readonly sizer: TaskSizer,
    private readonly scoring: Manifest['scoring'],
  ) {}

  async evaluateAll(workload: Workload): Promise<PlatformEvaluation[]> {
    const evaluations: PlatformEvaluation[] = [];
    for (const platform of this.platforms) evaluations.push(await this.evaluate(workload, platform));
    return evaluations;
  }

  async evaluate(workload: Workload, platform: Platform): Promise<PlatformEvaluation> {
    const facts = buildFacts(workload, platform, this.sizer);
    const engine = this.engines.get(platform.id);
    if (engine === undefined) throw new Error(`no platform-fit engine for ${platform.id}`);
    const fired = await engine.run(facts);
    const blockers: Blocker[] = [];
    const scoreReasons: PlatformEvaluation['scoreReasons'] = [];
    const warnings: string[] = [];
    for (const { rule, type, params } of fired) {
      if (type === 'blocker') {
        blockers.push({
          message: String(params.message),
          fields: params.fields as string[],
          changeable: params.changeable !== false,
          rule: rule.name,
        });
      } else if (type === 'score') {
        scoreReasons.push({ points: Number(params.points), reason: String(params.reason), rule: rule.name });
      } else if (type === 'warning') {
        warnings.push(String(params.message));
      }
    }
    const evaluation = {
      platform,
      facts,
      eligible: blockers.length === 0,
      score: 0,
      potentialScore: 0,
      blockers,
      scoreReasons,
      warnings,
      fired,
    };
    rescore(evaluation, this.scoring);
    return evaluation;
  }
}

/** Sets a platform's score from its score reasons: the base plus every change, clamped; 0 when ineligible. */
export function rescore(evaluation: PlatformEvaluation, scoring: Manifest['scoring']): void {
  const raw = evaluation.scoreReasons.reduce((sum, reason) => sum + reason.points, scoring.base);
  evaluation.potentialScore = Math.min(scoring.max, Math.max(scoring.min, raw));
  evaluation.score = evaluation.eligible ? evaluation.potentialScore : 0;
}

/**
 * Orders evaluations best first: eligible platforms by score, ineligible ones after them; ties go to the
 * platform listed first in the catalogue, so the order never depends on anything but the input and rules.
 */
export function rankEvaluations(
  evaluations: readonly PlatformEvaluation[],
  catalogueOrder: readonly PlatformId[],
): PlatformEvaluation[] {
  const position = (evaluation: PlatformEvaluation) => catalogueOrder.indexOf(evaluation.platform.id);
  return [...evaluations].sort(
    (a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || position(a) - position(b),
  );
}
