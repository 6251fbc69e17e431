import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { TaskSizer } from '../catalogue/task-sizes';
import type { Workload } from '../contract/workload';
import { type Architecture, buildFacts, type Facts, type WorkloadRuntime, workloadRuntime } from './facts';
import { touchesAny } from './fields-read';
import type { PerPlatformRules } from './per-platform-rules';
import type { PhaseRules } from './phase-rules';
import type { Manifest } from './rule-file-schema';
import type { FiredRule } from './rules-engine';

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

/** A rule that blocks a platform (no points) or moves its score (points), and the request fields it reads. */
export interface StandingRule {
  rule: string;
  fields: ReadonlySet<string>;
  points: number | undefined;
}

/** Whether a platform can run a workload, and its score before clamping (the base plus every change). */
export interface Standing {
  eligible: boolean;
  rawScore: number;
}

/** What a set of fired platform-fit or cost-fit rules says about one platform. */
export interface Verdict {
  blockers: Blocker[];
  scoreReasons: ScoreReason[];
  warnings: string[];
}

/**
 * Runs the platform-fit rules (eligibility, lifecycle, preferences, caveats) for each platform: all
 * platforms at once through `fit` (shared or per platform, see phase-rules.ts), one platform alone through
 * its own engine in `single`; whether one platform is eligible through its blocker rules alone, in
 * `blockers`.
 */
export class PlatformEvaluator {
  constructor(
    private readonly fit: PhaseRules,
    private readonly single: PerPlatformRules,
    private readonly blockers: PerPlatformRules,
    private readonly platforms: readonly Platform[],
    private readonly sizer: TaskSizer,
    private readonly scoring: Manifest['scoring'],
  ) {}

  private readonly standingRulesByPlatform = new Map<PlatformId, readonly StandingRule[]>();

  /**
   * Every platform, in catalogue order. `costChoice`: the architecture the cost comparison picked for a
   * workload that runs on "any" (every platform is then evaluated on it).
   */
  async evaluateAll(workload: Workload, costChoice?: Architecture): Promise<PlatformEvaluation[]> {
    const shared = workloadRuntime(workload, this.sizer);
    const evaluated = this.platforms.map((platform) => ({
      platform,
      facts: buildFacts(workload, platform, this.sizer, costChoice, shared),
    }));
    const fired = await this.fit.run(
      new Map(evaluated.map(({ platform, facts }) => [platform.id, facts])),
      evaluated.map(({ platform }) => platform.id),
    );
    return evaluated.map(({ platform, facts }) => this.evaluation(facts, fired.get(platform.id) ?? []));
  }

  /** One platform alone, through its own engine (the what-if searches evaluate one platform at a time). */
  async evaluate(
    workload: Workload,
    platform: Platform,
    costChoice?: Architecture,
  ): Promise<PlatformEvaluation> {
    const facts = buildFacts(workload, platform, this.sizer, costChoice);
    return this.evaluation(facts, await this.single.engineFor(platform.id).run(facts));
  }

  /**
   * Whether the platform can run the workload: no blocker rule fires. The same as `evaluate(…).eligible`,
   * for a fraction of the rules (the what-if searches try many changes and score only the best).
   */
  async isEligible(workload: Workload, platform: Platform): Promise<boolean> {
    const facts = buildFacts(workload, platform, this.sizer);
    return (await this.blockers.engineFor(platform.id).run(facts)).length === 0;
  }

  /** The request fields a platform-fit rule reads on a platform (see RulesEngine.fieldsReadBy). */
  fieldsReadBy(platformId: PlatformId, ruleName: string): ReadonlySet<string> | undefined {
    return this.single.engineFor(platformId).fieldsReadBy(ruleName);
  }

  /**
   * The platform-fit rules that can fire on a platform and decide its standing (blockers and score
   * changes), each with the request fields it reads and, for a score change, its points.
   */
  standingRules(platformId: PlatformId): readonly StandingRule[] {
    const known = this.standingRulesByPlatform.get(platformId);
    if (known !== undefined) return known;
    const engine = this.single.engineFor(platformId);
    const standing: StandingRule[] = [];
    for (const rule of engine.rules) {
      const fields = engine.fieldsReadBy(rule.name) ?? new Set<string>();
      if (rule.event.type === 'score')
        standing.push({ rule: rule.name, fields, points: rule.event.params.points });
      else if (rule.event.type === 'blocker') standing.push({ rule: rule.name, fields, points: undefined });
    }
    this.standingRulesByPlatform.set(platformId, standing);
    return standing;
  }

  /**
   * Each platform's standing for a changed workload, from its evaluation of the original one (made
   * without a cost choice): the standing rules that read a changed field are decided again on the changed
   * workload's facts, the others keep their outcome (see fields-read.ts), and a platform none of whose
   * rules reads a changed field keeps its standing without facts being built. Far cheaper than evaluating
   * the changed workload; undefined when the facts alone do not decide one of those rules.
   */
  restandAll(
    evaluations: readonly PlatformEvaluation[],
    changed: Workload,
    changedPaths: readonly string[],
  ): Map<PlatformId, Standing> | undefined {
    let shared: WorkloadRuntime | undefined;
    const standings = new Map<PlatformId, Standing>();
    for (const evaluation of evaluations) {
      const { platform } = evaluation;
      const rules = this.standingRules(platform.id);
      const touched = rules.map((rule) => changedPaths.some((path) => touchesAny(path, rule.fields)));
      const firedBefore = new Set(evaluation.fired.map((fired) => fired.rule.name));
      let decisive: Record<string, unknown> | undefined;
      let eligible = true;
      let rawScore = this.scoring.base;
      for (const [index, rule] of rules.entries()) {
        let fires = firedBefore.has(rule.rule);
        if (touched[index]) {
          if (decisive === undefined) {
            // The derived facts are built only for a rule that reads them: most preferences read the
            // request and the platform alone.
            let facts: Facts | undefined;
            const built = () => {
              shared ??= workloadRuntime(changed, this.sizer);
              facts ??= buildFacts(changed, platform, this.sizer, undefined, shared);
              return facts;
            };
            decisive = {
              platform,
              workload: changed,
              get runtime() {
                return built().runtime;
              },
              get taskSize() {
                return built().taskSize;
              },
            };
          }
          const decided = this.single.engineFor(platform.id).decide(rule.rule, decisive);
          if (decided === undefined) return undefined;
          fires = decided;
        }
        if (!fires) continue;
        if (rule.points === undefined) eligible = false;
        else rawScore += rule.points;
      }
      standings.set(platform.id, { eligible, rawScore });
    }
    return standings;
  }

  /**
   * One platform's eligibility and score for a changed workload, from its evaluation of the original one
   * (see restandAll): what `evaluate(changed, platform)` would give, without running the engine. Undefined
   * when the facts alone do not decide a rule the changes touch (then only evaluating can tell).
   */
  restand(
    evaluation: PlatformEvaluation,
    changed: Workload,
    changedPaths: readonly string[],
  ): { eligible: boolean; score: number } | undefined {
    const standing = this.restandAll([evaluation], changed, changedPaths)?.get(evaluation.platform.id);
    if (standing === undefined) return undefined;
    const score = standing.eligible ? clampedScore(standing.rawScore, this.scoring) : 0;
    return { eligible: standing.eligible, score };
  }

  private evaluation(facts: Facts, fired: FiredRule[]): PlatformEvaluation {
    const { blockers, scoreReasons, warnings } = verdictOf(fired);
    const eligible = blockers.length === 0;
    return {
      platform: facts.platform,
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
  const potentialScore = clampedScore(raw, scoring);
  return { score: eligible ? potentialScore : 0, potentialScore };
}

/** A score before clamping (the base plus every change), held within the scoring's bounds. */
function clampedScore(rawScore: number, scoring: Manifest['scoring']): number {
  return Math.min(scoring.max, Math.max(scoring.min, rawScore));
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
