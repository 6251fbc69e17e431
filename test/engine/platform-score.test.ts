import { type PlatformEvaluation, rescoredWith, scoreOf } from '../../src/engine/platform-evaluation';
import { advisor, normalize } from '../support/advisor';
import { webWorkload } from '../support/workloads';

const SCORING = { base: 50, min: 0, max: 100 };
const reasons = (...points: number[]) => points.map((value) => ({ points: value, reason: 'r', rule: 'r' }));

describe('a platform score', () => {
  const cases: { given: string; points: number[]; eligible: boolean; want: ReturnType<typeof scoreOf> }[] = [
    { given: 'no score changes', points: [], eligible: true, want: { score: 50, potentialScore: 50 } },
    {
      given: 'changes that add up',
      points: [20, -5],
      eligible: true,
      want: { score: 65, potentialScore: 65 },
    },
    {
      given: 'changes above the maximum',
      points: [40, 30],
      eligible: true,
      want: { score: 100, potentialScore: 100 },
    },
    {
      given: 'changes below the minimum',
      points: [-40, -30],
      eligible: true,
      want: { score: 0, potentialScore: 0 },
    },
    { given: 'a blocked platform', points: [20], eligible: false, want: { score: 0, potentialScore: 70 } },
  ];
  for (const { given, points, eligible, want } of cases) {
    describe(`when it has ${given}`, () => {
      it(`is ${want.score}, and ${want.potentialScore} without blockers`, () => {
        expect(scoreOf(reasons(...points), eligible, SCORING)).toEqual(want);
      });
    });
  }
});

describe('rescoring an evaluation with what later rules said', () => {
  let evaluation: PlatformEvaluation;
  let before: string;
  let rescored: PlatformEvaluation;

  beforeAll(async () => {
    const [designed] = await advisor.designEveryEligiblePlatform(normalize(webWorkload()));
    if (designed === undefined) throw new Error('a default web workload has an eligible platform');
    evaluation = designed.evaluation;
    before = JSON.stringify(evaluation);
    rescored = rescoredWith(
      evaluation,
      { fired: [], scoreReasons: reasons(10), warnings: ['a later warning'] },
      SCORING,
    );
  });

  it('returns a new evaluation with the score changes and warnings added, rescored', () => {
    expect(rescored.score).toBe(evaluation.score + 10);
    expect(rescored.scoreReasons).toEqual([...evaluation.scoreReasons, ...reasons(10)]);
    expect(rescored.warnings).toEqual([...evaluation.warnings, 'a later warning']);
  });

  it('leaves the evaluation it was given as it was', () => {
    expect(JSON.stringify(evaluation)).toBe(before);
  });
});
