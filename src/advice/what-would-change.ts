import type { PlatformEvaluation } from '../engine/platform-evaluation';

/**
 * What would change the answer, from the evaluations already made: the runner-up's margin, and every
 * blocked platform that would outscore the winner if its hard blockers were lifted.
 */
export function whatWouldChange(ranked: readonly PlatformEvaluation[]): string[] {
  const [winner, runnerUp] = ranked;
  if (winner === undefined) return [];
  const lines: string[] = [];
  if (runnerUp?.eligible) {
    const margin = winner.score - runnerUp.score;
    lines.push(
      margin === 0
        ? `${runnerUp.platform.name} ties at ${runnerUp.score} and loses only on catalogue order: any preference in its favour would make it the answer.`
        : `${runnerUp.platform.name} is next, ${margin} point${margin === 1 ? '' : 's'} behind: preferences worth more than that in its favour (control level, Kubernetes stance, cost sensitivity, traffic pattern, interruptibility) would make it the answer.`,
    );
  }
  for (const evaluation of ranked) {
    if (evaluation.eligible || evaluation.potentialScore <= winner.score) continue;
    const fields = [...new Set(evaluation.blockers.flatMap((blocker) => blocker.fields))];
    const liftable = evaluation.blockers.every((blocker) => blocker.changeable);
    lines.push(
      `${evaluation.platform.name} would score ${evaluation.potentialScore}, above ${winner.score}, ${
        liftable ? `if ${fields.join(', ')} allowed it` : 'but it is closed to this account'
      }: ${evaluation.blockers.map((blocker) => blocker.message).join(' ')}`,
    );
  }
  return lines;
}
