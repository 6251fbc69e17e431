import { BuiltServer } from '../support/built-server';
import { distributionOf } from '../support/distribution';
import type { BenchOptions } from './options';
import { ms, type SectionResult } from './target';

const TARGET_MS = 500;

/** Section 5: `node dist/src/server.js` from spawn to its first 200 from /readyz, several times. */
export async function startSection(options: BenchOptions): Promise<SectionResult> {
  const times: number[] = [];
  for (let run = 0; run < options.starts; run += 1) {
    const server = await BuiltServer.start();
    times.push(server.msToReady);
    await server.stop();
  }
  const starts = distributionOf(times);
  return {
    lines: [
      `5. Start: node dist/src/server.js, from spawn to the first 200 from /readyz (polled every 5 ms), ${options.starts} runs`,
      `  ${times.map((time) => ms(time, 0)).join(', ')}: median ${ms(starts.median, 0)}, max ${ms(starts.max, 0)} (target ≤ ${TARGET_MS} ms)`,
    ],
    targets: [
      {
        target: `start to /readyz ≤ ${TARGET_MS} ms (median)`,
        measured: `${ms(starts.median, 0)} (max ${ms(starts.max, 0)})`,
        met: starts.median <= TARGET_MS,
        provenance: 'n/a',
      },
    ],
  };
}
