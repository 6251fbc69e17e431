import type { PlatformId } from '../catalogue/platform-catalogue';
import type { Workload } from '../contract/workload';
import {
  ARCHITECTURES,
  CONTROL_LEVELS,
  COST_SENSITIVITIES,
  KUBERNETES_STANCES,
  TRAFFIC_PATTERNS,
} from '../contract/workload-schema';
import { touchesAny } from '../engine/fields-read';
import type { PlatformEvaluation, Standing, StandingRule } from '../engine/platform-evaluation';
import type { Manifest } from '../engine/rule-file-schema';
import { valueAtPath } from '../shared/json-value';
import { candidatesFor, type Suggestion } from './remedies';
import {
  capitalized,
  cartesian,
  changeOf,
  changesInWords,
  combinations,
  costOf,
  type RequestChange,
  withChanges,
} from './request-changes';

/**
 * The preferences a team may state differently without changing what it runs, and their values: the
 * changes tried first for every platform, and the only ones tried for an eligible runner-up (a
 * requirement such as the protocol is not the team's to trade for a platform).
 */
const PREFERENCES: Readonly<Record<string, readonly unknown[]>> = {
  'control.level': CONTROL_LEVELS,
  'control.kubernetes': KUBERNETES_STANCES,
  'cost.sensitivity': COST_SENSITIVITIES,
  'traffic.pattern': TRAFFIC_PATTERNS,
  'cost.interruptible': [false, true],
  'control.architecture': ARCHITECTURES,
};

/** The most fields one suggestion changes. */
const MAX_CHANGED_FIELDS = 2;
/** Candidate changes one platform's search may consider (most are ruled out without evaluating). */
const MAX_TRIES_PER_PLATFORM = 64;
/** Changed workloads one answer may re-decide (only the rules a change touches, every platform). */
const MAX_RESTANDINGS_PER_ANSWER = 6;
/** Changed workloads one answer may evaluate whole, where re-deciding the touched rules cannot tell. */
const MAX_EVALUATIONS_PER_ANSWER = 2;
/** Changed workloads one answer may run through the whole choice (design, prices, cost-fit). */
const MAX_CHOICES_PER_ANSWER = 1;

/** What the search needs of the advisor: its own evaluations, so a suggestion is what the advisor would answer. */
export interface AnswerReevaluation {
  /** Every platform's platform-fit evaluation, in catalogue order (no cost-fit). */
  evaluateAll(workload: Workload): Promise<PlatformEvaluation[]>;
  /** The rules that decide a platform's standing, with the fields they read. */
  standingRules(platformId: PlatformId): readonly StandingRule[];
  /** Every platform's standing for a changed workload, re-deciding only the rules the changes touch. */
  restandAll(
    evaluations: readonly PlatformEvaluation[],
    changed: Workload,
    changedPaths: readonly string[],
  ): Map<PlatformId, Standing> | undefined;
  /** The least and most the cost-fit rules can add to a platform's score at a sensitivity. */
  costPointsRange(platformId: PlatformId, sensitivity: string): { min: number; max: number };
  /** Whether cost chooses the CPU architecture of this workload (then only the whole choice can tell). */
  costChoosesArchitecture(workload: Workload): boolean;
  /** The platform the advisor recommends for the workload, through the whole choice; undefined for a 422. */
  chosenPlatform(workload: Workload): Promise<PlatformId | undefined>;
  scoring: Manifest['scoring'];
  catalogueOrder: readonly PlatformId[];
}

/** A candidate: the changes, and what they cost as a suggestion. */
interface Candidate {
  changes: RequestChange[];
  cost: number;
}

/**
 * The smallest change to the request that makes another platform the answer, for the runner-up and for
 * each blocked platform that would outscore the winner were its blockers lifted: changes to the fields
 * their standing rules read, smallest first, each checked by evaluating the changed workload as the
 * advisor does. A change that cannot move the platforms' standing (no rule of theirs reads it, or the
 * points it could move are too few) is never evaluated, evaluations are shared between platforms, and
 * the whole search has a bound, so an answer costs a few evaluations more, not a search.
 *
 * `fit` are the workload's platform-fit evaluations (catalogue order), `ranked` the answer's ranking.
 */
export async function findAnswerChanges(
  workload: Workload,
  fit: readonly PlatformEvaluation[],
  ranked: readonly PlatformEvaluation[],
  reevaluation: AnswerReevaluation,
): Promise<Suggestion[]> {
  const [winner] = ranked;
  if (winner === undefined) return [];
  const targets = ranked.filter(
    (evaluation, index) =>
      (index === 1 && evaluation.eligible) ||
      (!evaluation.eligible &&
        evaluation.potentialScore > winner.score &&
        evaluation.blockers.every((blocker) => blocker.changeable)),
  );
  const search = new AnswerSearch(workload, fit, ranked, winner, reevaluation);
  const suggestions: Suggestion[] = [];
  for (const target of targets) {
    const found = await search.smallestChangeFor(target);
    if (found !== undefined)
      suggestions.push({
        platformId: target.platform.id,
        changes: found.changes,
        description: capitalized(
          `${changesInWords(found.changes)} to make ${target.platform.name} the answer.`,
        ),
      });
  }
  return suggestions;
}

/** One answer's search: the evaluations it made, kept for every platform it looks for. */
class AnswerSearch {
  private readonly fitById: ReadonlyMap<PlatformId, PlatformEvaluation>;
  private readonly costPoints: ReadonlyMap<PlatformId, number>;
  private readonly standings = new Map<string, ReadonlyMap<PlatformId, Standing>>();
  private readonly chosen = new Map<string, Promise<PlatformId | undefined>>();
  private evaluations = 0;

  constructor(
    private readonly workload: Workload,
    private readonly fit: readonly PlatformEvaluation[],
    ranked: readonly PlatformEvaluation[],
    private readonly winner: PlatformEvaluation,
    private readonly reevaluation: AnswerReevaluation,
  ) {
    this.fitById = new Map(fit.map((evaluation) => [evaluation.platform.id, evaluation]));
    // What cost-fit added to each platform's score in the answer: the ranked score less the fit score.
    this.costPoints = new Map(
      ranked.map((evaluation) => {
        const before = this.fitById.get(evaluation.platform.id);
        const points = before === undefined ? 0 : this.rawScoreOf(evaluation) - this.rawScoreOf(before);
        return [evaluation.platform.id, points];
      }),
    );
  }

  async smallestChangeFor(target: PlatformEvaluation): Promise<Candidate | undefined> {
    const blockerFields = [...new Set(target.blockers.flatMap((blocker) => blocker.fields))].sort();
    const fields = [...new Set([...blockerFields, ...Object.keys(PREFERENCES)])];
    const standing = this.reevaluation.standingRules(target.platform.id);
    const readByBlockers = target.blockers.map(
      (blocker) => standing.find((rule) => rule.rule === blocker.rule)?.fields ?? new Set<string>(),
    );
    let tries = 0;
    for (let size = 1; size <= MAX_CHANGED_FIELDS; size += 1) {
      const candidates: Candidate[] = [];
      for (const subset of combinations(fields, size)) {
        const liftsEveryBlocker = readByBlockers.every((read) =>
          subset.some((path) => touchesAny(path, read)),
        );
        const values = subset.map((field) => this.valuesFor(field, target));
        for (const chosen of cartesian(values)) {
          tries += 1;
          if (tries > MAX_TRIES_PER_PLATFORM) break;
          if (!liftsEveryBlocker || !this.couldOvertake(target, subset)) continue;
          const changes = subset.map((path, index) => changeOf(this.workload, path, chosen[index]));
          candidates.push({ changes, cost: changes.reduce((sum, change) => sum + costOf(change), 0) });
        }
      }
      // Cheapest first; a stable sort keeps the fields' and values' order among equals.
      candidates.sort((a, b) => a.cost - b.cost);
      for (const candidate of candidates) {
        const verdict = await this.makesItTheAnswer(target.platform.id, candidate.changes);
        if (verdict === 'yes') return candidate;
        if (verdict === 'out of budget') return undefined;
      }
    }
    return undefined;
  }

  /** A blocked platform's blocker fields take their remedies' values; preferences every other value. */
  private valuesFor(field: string, target: PlatformEvaluation): unknown[] {
    const current = valueAtPath(this.workload, field.split('.'));
    const preference = PREFERENCES[field];
    if (preference !== undefined) return preference.filter((value) => value !== current);
    return candidatesFor(field, this.workload, target);
  }

  /**
   * Whether changing these fields could lift the target above the winner at all: the points of every
   * standing rule that reads them counted in the target's favour and against the winner, and the cost-fit
   * rules' widest swing. False rules the change out without evaluating it.
   */
  private couldOvertake(target: PlatformEvaluation, paths: readonly string[]): boolean {
    const winnerId = this.winner.platform.id;
    if (target.platform.id === winnerId) return false;
    const reads = (rule: StandingRule) => paths.some((path) => touchesAny(path, rule.fields));
    const winnerRules = this.reevaluation.standingRules(winnerId);
    // A change that could block the winner could hand the answer to anyone.
    if (winnerRules.some((rule) => rule.points === undefined && reads(rule))) return true;
    const best = this.rawFit(target.platform.id, (rule, fired) =>
      reads(rule) ? Math.max(0, rule.points ?? 0) : fired ? (rule.points ?? 0) : 0,
    );
    const worst = this.rawFit(winnerId, (rule, fired) =>
      reads(rule) ? Math.min(0, rule.points ?? 0) : fired ? (rule.points ?? 0) : 0,
    );
    const sensitivities = paths.includes('cost.sensitivity')
      ? COST_SENSITIVITIES
      : [this.workload.cost.sensitivity];
    const swing = Math.max(
      ...sensitivities.map(
        (sensitivity) =>
          this.reevaluation.costPointsRange(target.platform.id, sensitivity).max -
          this.reevaluation.costPointsRange(winnerId, sensitivity).min,
      ),
    );
    return this.clamp(best + swing) >= this.clamp(worst);
  }

  /** A platform's base plus the points of its standing rules, each counted as `points` says. */
  private rawFit(platformId: PlatformId, points: (rule: StandingRule, fired: boolean) => number): number {
    const fired = new Set(this.fitById.get(platformId)?.scoreReasons.map((reason) => reason.rule));
    return this.reevaluation
      .standingRules(platformId)
      .reduce((sum, rule) => sum + points(rule, fired.has(rule.rule)), this.reevaluation.scoring.base);
  }

  /**
   * Whether the changes make the platform the answer: the changed workload's standings decide it when
   * the cost-fit rules' widest swing cannot change the order, the whole choice otherwise.
   */
  private async makesItTheAnswer(
    platformId: PlatformId,
    changes: readonly RequestChange[],
  ): Promise<'yes' | 'no' | 'out of budget'> {
    const key = JSON.stringify(changes.map(({ path, to }) => [path, to]));
    const changed = withChanges(this.workload, changes);
    let standings = this.standings.get(key);
    if (standings === undefined) {
      if (this.standings.size >= MAX_RESTANDINGS_PER_ANSWER) return 'out of budget';
      const restood = this.reevaluation.restandAll(
        this.fit,
        changed,
        changes.map((change) => change.path),
      );
      if (restood === undefined) {
        if (this.evaluations >= MAX_EVALUATIONS_PER_ANSWER) return 'out of budget';
        this.evaluations += 1;
        standings = new Map(
          (await this.reevaluation.evaluateAll(changed)).map((evaluation) => [
            evaluation.platform.id,
            { eligible: evaluation.eligible, rawScore: this.rawScoreOf(evaluation) },
          ]),
        );
      } else standings = restood;
      this.standings.set(key, standings);
    }
    const standing = this.standingOf(platformId, standings, changed);
    if (standing !== 'undecided') return standing;
    // Only the whole choice can tell; it is worth its price only where the platform would lead were
    // each platform's cost-fit points what they are in the answer.
    if (!this.leadsOnTheAnswersCostPoints(platformId, standings)) return 'no';
    let chosen = this.chosen.get(key);
    if (chosen === undefined) {
      if (this.chosen.size >= MAX_CHOICES_PER_ANSWER) return 'out of budget';
      chosen = this.reevaluation.chosenPlatform(changed);
      this.chosen.set(key, chosen);
    }
    return (await chosen) === platformId ? 'yes' : 'no';
  }

  private leadsOnTheAnswersCostPoints(
    platformId: PlatformId,
    standings: ReadonlyMap<PlatformId, Standing>,
  ): boolean {
    const { catalogueOrder } = this.reevaluation;
    const scoreOf = (id: PlatformId, standing: Standing) =>
      this.clamp(standing.rawScore + (this.costPoints.get(id) ?? 0));
    const ranked = [...standings]
      .filter(([, standing]) => standing.eligible)
      .sort(
        ([a, first], [b, second]) =>
          scoreOf(b, second) - scoreOf(a, first) || catalogueOrder.indexOf(a) - catalogueOrder.indexOf(b),
      );
    return ranked[0]?.[0] === platformId;
  }

  private rawScoreOf(evaluation: PlatformEvaluation): number {
    return evaluation.scoreReasons.reduce(
      (sum, reason) => sum + reason.points,
      this.reevaluation.scoring.base,
    );
  }

  /**
   * Whether the platform ranks first whatever the cost-fit rules add (each platform's score can move
   * only within their range at the changed sensitivity): 'yes' when it beats every other eligible
   * platform by more than that, 'no' when one beats it so, 'undecided' otherwise.
   */
  private standingOf(
    platformId: PlatformId,
    standings: ReadonlyMap<PlatformId, Standing>,
    changed: Workload,
  ): 'yes' | 'no' | 'undecided' {
    const target = standings.get(platformId);
    if (target === undefined || !target.eligible) return 'no';
    if (this.reevaluation.costChoosesArchitecture(changed)) return 'undecided';
    const { catalogueOrder, costPointsRange } = this.reevaluation;
    const sensitivity = changed.cost.sensitivity;
    const bounds = (id: PlatformId, standing: Standing) => {
      const range = costPointsRange(id, sensitivity);
      return {
        low: this.clamp(standing.rawScore + range.min),
        high: this.clamp(standing.rawScore + range.max),
      };
    };
    const targetBounds = bounds(platformId, target);
    let decided = true;
    for (const [otherId, other] of standings) {
      if (otherId === platformId || !other.eligible) continue;
      const otherBounds = bounds(otherId, other);
      const targetFirstOnTies = catalogueOrder.indexOf(platformId) < catalogueOrder.indexOf(otherId);
      const surelyAhead =
        targetBounds.low > otherBounds.high || (targetBounds.low === otherBounds.high && targetFirstOnTies);
      const surelyBehind =
        otherBounds.low > targetBounds.high || (otherBounds.low === targetBounds.high && !targetFirstOnTies);
      if (surelyBehind) return 'no';
      if (!surelyAhead) decided = false;
    }
    return decided ? 'yes' : 'undecided';
  }

  private clamp(raw: number): number {
    const { min, max } = this.reevaluation.scoring;
    return Math.min(max, Math.max(min, raw));
  }
}
