import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import { generateStarterConfig, type StarterFile } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';

/** One workload's starter configuration on one of the platforms that can run it. */
export interface GeneratedStarter {
  label: string;
  platform: PlatformId;
  files: StarterFile[];
}

/** A named request body. */
export interface CorpusWorkload {
  label: string;
  body: unknown;
}

/**
 * The starter files of every workload on every platform that can run it, not only the recommended one, so a
 * validator sees every platform's files, a new platform's included, without naming any platform.
 */
export async function startersOnEveryEligiblePlatform(
  corpus: readonly CorpusWorkload[],
): Promise<GeneratedStarter[]> {
  const starters: GeneratedStarter[] = [];
  for (const { label, body } of corpus) {
    for (const input of await inputsOnEveryEligiblePlatform(body)) {
      starters.push({ label, platform: input.platform.id, files: generateStarterConfig(input) });
    }
  }
  return starters;
}
