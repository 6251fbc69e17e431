import type { PlatformEvaluation } from '../engine/platform-evaluation';
import type { Suggestion } from './remedies';
import { changesInWords } from './request-changes';

/**
 * What would change the answer, from the evaluations already made: the runner-up's margin, and every
 * blocked platform that would outscore the winner if its hard blockers were lifted; each names the
 * computed change that makes that platform the answer (`suggestions`) when the search found one.
 */
export function whatWouldChange(
  ranked: readonly PlatformEvaluation[],
  suggestions: readonly Suggestion[],
): string[] {
  const [winner, runnerUp] = ranked;
  if (winner === undefined) return [];
  const changeFor = (evaluation: PlatformEvaluation) =>
    suggestions.find((suggestion) => suggestion.platformId === evaluation.platform.id)?.changes;
  const lines: string[] = [];
  if (runnerUp?.eligible) {
    const margin = winner.score - runnerUp.score;
    const changes = changeFor(runnerUp);
    const standing =
      margin === 0
        ? `${runnerUp.platform.name} ties at ${runnerUp.score} and loses only on catalogue order`
        : `${runnerUp.platform.name} is next, ${margin} point${margin === 1 ? '' : 's'} behind`;
    lines.push(
      changes !== undefined
        ? `${standing}: to make it the answer, ${changesInWords(changes)}.`
        : margin === 0
          ? `${standing}: any preference in its favour would make it the answer.`
          : `${standing}: preferences worth more than that in its favour (control level, Kubernetes stance, cost sensitivity, traffic pattern, interruptibility) would make it the answer.`,
    );
  }
  for (const evaluation of ranked) {
    if (evaluation.eligible || evaluation.potentialScore <= winner.score) continue;
    const fields = [...new Set(evaluation.blockers.flatMap((blocker) => blocker.fields))];
    const liftable = evaluation.blockers.every((blocker) => blocker.changeable);
    const changes = changeFor(evaluation);
    lines.push(
      `${evaluation.platform.name} would score ${evaluation.potentialScore}, above ${winner.score}, ${
        liftable ? `if ${fields.join(', ')} allowed it` : 'but it is closed to this account'
      }: ${evaluation.blockers.map((blocker) => blocker.message).join(' ')}${
        changes === undefined ? '' : ` To make it the answer, ${changesInWords(changes)}.`
      }`,
    );
  }
  return lines;
}
