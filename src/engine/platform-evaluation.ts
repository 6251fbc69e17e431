import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { type Architecture, buildFacts, type Facts } from './facts';
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
  scoreReasons: ScoreReason[];
  warnings: string[];
  fired: FiredRule[];
}

/** One score change, signed, with its reason and the rule that made it. */
export interface ScoreReason {
  points: number;
  reason: string;
  rule: string;
}

/** What a set of fired platform-fit or cost-fit rules says about one platform. */
export interface Verdict {
  blockers: Blocker[];
  scoreReasons: ScoreReason[];
  warnings: string[];
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

  /** `costChoice`: the architecture the cost comparison picked for a workload that runs on "any". */
  async evaluate(
    workload: Workload,
    platform: Platform,
    costChoice?: Architecture,
  ): Promise<PlatformEvaluation> {
    const facts = buildFacts(workload, platform, this.sizer, costChoice);
    const engine = this.engines.get(platform.id);
    if (engine === undefined) throw new Error(`no platform-fit engine for ${platform.id}`);
    const fired = await engine.run(facts);
    const { blockers, scoreReasons, warnings } = verdictOf(fired);
    const eligible = blockers.length === 0;
    return {
      platform,
      facts,
      eligible,
      ...scoreOf(scoreReasons, eligible, this.scoring),
      blockers,
      scoreReasons,
      warnings,
      fired,
    };
  }
}

/** The blockers, score changes and warnings that fired rules bring; notes only explain. */
export function verdictOf(firings: readonly FiredRule[]): Verdict {
  const verdict: Verdict = { blockers: [], scoreReasons: [], warnings: [] };
  for (const fired of firings) {
    if (fired.type === 'blocker') {
      const { message, fields, changeable } = fired.params;
      verdict.blockers.push({ message, fields, changeable: changeable !== false, rule: fired.rule.name });
    } else if (fired.type === 'score') {
      const { points, reason } = fired.params;
      verdict.scoreReasons.push({ points, reason, rule: fired.rule.name });
    } else if (fired.type === 'warning') {
      verdict.warnings.push(fired.params.message);
    }
  }
  return verdict;
}

/** A platform's score from its score reasons: the base plus every change, clamped; 0 when ineligible. */
export function scoreOf(
  scoreReasons: readonly ScoreReason[],
  eligible: boolean,
  scoring: Manifest['scoring'],
): { score: number; potentialScore: number } {
  const raw = scoreReasons.reduce((sum, reason) => sum + reason.points, scoring.base);
  const potentialScore = Math.min(scoring.max, Math.max(scoring.min, raw));
  return { score: eligible ? potentialScore : 0, potentialScore };
}

/**
 * The evaluation with what later rules said (cost-fit's, once every eligible platform is priced) added
 * and its score recomputed: a new value; the evaluation given is left as it was.
 */
export function rescoredWith(
  evaluation: PlatformEvaluation,
  more: Pick<PlatformEvaluation, 'fired' | 'scoreReasons' | 'warnings'>,
  scoring: Manifest['scoring'],
): PlatformEvaluation {
  const scoreReasons = [...evaluation.scoreReasons, ...more.scoreReasons];
  return {
    ...evaluation,
    ...scoreOf(scoreReasons, evaluation.eligible, scoring),
    scoreReasons,
    warnings: [...evaluation.warnings, ...more.warnings],
    fired: [...evaluation.fired, ...more.fired],
  };
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
