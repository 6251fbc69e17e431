import type { Advice, Recommendation } from '../../src/advice/advice';
import type { components } from '../../src/contract/generated/openapi-types';
import type { WorkloadRequest } from '../../src/contract/workload';
import { advise } from '../support/advisor';

/**
 * The shape of Berth's rule tables and the assertions they share. Every `<group>.cases.ts` exports one
 * table of rows; `<group>.test.ts` runs it, and `every-rule-is-tested.test.ts` runs all of them to prove
 * that each rule in rules/ fires in at least one row of its own group's table.
 */

type Schemas = components['schemas'];
export type PlatformId = Schemas['PlatformId'];
type RationaleEntry = Schemas['RationaleEntry'];

/** Every field optional, all the way down: what `toMatchObject` compares. Lists may be `as const`. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? readonly DeepPartial<Item>[]
  : T extends object
    ? { [Key in keyof T]?: DeepPartial<T[Key]> }
    : T;

/** The fields every row of every rule table has. */
export interface TableRow {
  /** The situation, written so that "when <given>" reads as a sentence. */
  given: string;
  /** The rule the row is about (a rule name from rules/<group>.json). */
  rule: string;
  workload: WorkloadRequest;
}

/** Marks a row where the rule must not fire. */
export const DOES_NOT_FIRE = 'does-not-fire' as const;

/** A row for a platform-fit rule (eligibility, lifecycle, preferences, caveats): one rule on one platform. */
export interface PlatformFitCase<Want> extends TableRow {
  /** The platform the rule is evaluated for. For caveats, also the platform the workload must end up on. */
  platform: PlatformId;
  want: Want | typeof DOES_NOT_FIRE;
}

export type Excludes = { blockerMentions: RegExp };
export type Scores = { points: number };
export type Warns = { warning: string };

/** A row for a design rule: the workload lands on `platform`, and the rule shapes one section of the answer. */
export interface DesignCase<Section> extends TableRow {
  platform: PlatformId;
  /** False for rows where the rule must not fire; `want` then says what the section is instead. */
  fires?: boolean;
  want: Section;
}

const adviceCache = new Map<string, Promise<Advice>>();

/** The advice for a workload, computed once per test file however many rows share the workload. */
export function adviceFor(workload: WorkloadRequest): Promise<Advice> {
  const key = JSON.stringify(workload);
  let advice = adviceCache.get(key);
  if (advice === undefined) {
    advice = advise(workload);
    adviceCache.set(key, advice);
  }
  return advice;
}

/** The recommendation for a workload; rule rows always leave at least one platform eligible. */
export async function recommendationFor(workload: WorkloadRequest): Promise<Recommendation> {
  const advice = await adviceFor(workload);
  if (advice.kind !== 'recommendation') {
    throw new Error(`a rule row must leave some platform eligible: ${JSON.stringify(advice.platforms)}`);
  }
  return advice.recommendation;
}

/** Rows grouped by the rule they are about, in table order. */
export function byRule<Row extends TableRow>(rows: readonly Row[]): [string, Row[]][] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.rule, [...(groups.get(row.rule) ?? []), row]);
  return [...groups];
}

/** The rationale entries of one rule; platform-fit rules name a platform, design rules do not. */
export function firings(
  recommendation: Recommendation,
  rule: string,
  platformId?: PlatformId,
): RationaleEntry[] {
  return recommendation.rationale.filter((entry) => entry.rule === rule && entry.platformId === platformId);
}

export function signed(points: number): string {
  return `${points > 0 ? '+' : ''}${points}`;
}

function alternative(recommendation: Recommendation, platformId: PlatformId) {
  const found = recommendation.alternatives.find((candidate) => candidate.platformId === platformId);
  if (found === undefined) throw new Error(`alternatives do not list ${platformId}`);
  return found;
}

/** The platform is ineligible, its blocker says why, and the rationale names the rule that blocked it. */
export function expectExcluded(
  recommendation: Recommendation,
  row: PlatformFitCase<unknown>,
  group: string,
  want: Excludes,
): void {
  const { eligible, blockers } = alternative(recommendation, row.platform);
  expect(eligible).toBe(false);
  expect(blockers).toEqual(expect.arrayContaining([expect.stringMatching(want.blockerMentions)]));
  expect(firings(recommendation, row.rule, row.platform)).toEqual([
    expect.objectContaining({
      group,
      effect: `excludes ${row.platform}`,
      message: expect.stringMatching(want.blockerMentions),
    }),
  ]);
}

/** The platform stays eligible and its alternative lists the rule's reason with the signed points. */
export function expectScored(
  recommendation: Recommendation,
  row: PlatformFitCase<unknown>,
  group: string,
  want: Scores,
): void {
  const entries = firings(recommendation, row.rule, row.platform);
  expect(entries).toEqual([
    expect.objectContaining({ group, effect: `${signed(want.points)} ${row.platform}` }),
  ]);
  const { eligible, reasons } = alternative(recommendation, row.platform);
  expect(eligible).toBe(true);
  expect(reasons).toContain(`${signed(want.points)}: ${entries[0]?.message}`);
}

/** The platform is chosen and the caveat reaches the response's warnings. */
export function expectWarned(
  recommendation: Recommendation,
  row: PlatformFitCase<unknown>,
  want: Warns,
): void {
  expect(recommendation.platform.id).toBe(row.platform);
  expect(firings(recommendation, row.rule, row.platform)).toEqual([
    expect.objectContaining({
      group: 'caveats',
      effect: `warns about ${row.platform}`,
      message: expect.stringContaining(want.warning),
    }),
  ]);
  expect(recommendation.warnings).toEqual(expect.arrayContaining([expect.stringContaining(want.warning)]));
}

export function expectNotFiredFor(recommendation: Recommendation, row: PlatformFitCase<unknown>): void {
  expect(firings(recommendation, row.rule, row.platform)).toEqual([]);
}

/** The workload lands on the row's platform and the design rule fired (or, for `fires: false`, did not). */
export function expectDesignRule(recommendation: Recommendation, row: DesignCase<unknown>): void {
  expect(recommendation.platform.id).toBe(row.platform);
  expect(firings(recommendation, row.rule)).toHaveLength(row.fires === false ? 0 : 1);
}

/** How a design row reads: "builds …" when the rule fires, "does not fire …" when it must not. */
export function designTitle(row: DesignCase<unknown>, what: string): string {
  return row.fires === false ? `does not fire on ${row.platform}; ${what}` : `on ${row.platform}, ${what}`;
}

/**
 * The table test every score-moving group shares: each row either leaves the platform's score alone or
 * moves it by the row's points with the rule's reason; `alsoExpect` adds a group's own check.
 */
export function describeScoreRules(
  title: string,
  group: string,
  rows: readonly PlatformFitCase<Scores>[],
  alsoExpect?: {
    what: string;
    check: (recommendation: Recommendation, row: PlatformFitCase<Scores>, want: Scores) => void;
  },
): void {
  describe(title, () => {
    for (const [rule, ruleRows] of byRule(rows)) {
      describe(rule, () => {
        for (const row of ruleRows) {
          describe(`when ${row.given}`, () => {
            const { want } = row;
            if (want === DOES_NOT_FIRE) {
              it(`leaves ${row.platform}'s score alone`, async () => {
                expectNotFiredFor(await recommendationFor(row.workload), row);
              });
            } else {
              it(`moves ${row.platform}'s score by ${signed(want.points)}${alsoExpect ? `, ${alsoExpect.what}` : ', with the reason'}`, async () => {
                const recommendation = await recommendationFor(row.workload);
                expectScored(recommendation, row, group, want);
                alsoExpect?.check(recommendation, row, want);
              });
            }
          });
        }
      });
    }
  });
}
