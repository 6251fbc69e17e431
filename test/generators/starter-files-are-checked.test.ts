import { PLATFORM_IDS } from '../../src/catalogue/platform-catalogue';
import { behaviourCorpus } from '../behaviour/behaviour-corpus';
import { type GeneratedStarter, startersOnEveryEligiblePlatform } from '../support/starter-corpus';
import { checkOf, STARTER_FILE_CHECKS } from '../support/starter-file-checks';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';

describe('Every starter file', () => {
  let starters: GeneratedStarter[];

  beforeAll(async () => {
    starters = await startersOnEveryEligiblePlatform(behaviourCorpus());
  }, CORPUS_TIMEOUT_MS);

  it('comes from a corpus that reaches every platform', () => {
    const platforms = new Set(starters.map(({ platform }) => platform));
    expect(PLATFORM_IDS.filter((platform) => !platforms.has(platform))).toEqual([]);
  });

  it('is checked by a tool nobody here wrote, or named as prose', () => {
    const unchecked = new Set(
      starters.flatMap(({ platform, files }) =>
        files.filter((file) => checkOf(file.path) === undefined).map((file) => `${platform}: ${file.path}`),
      ),
    );
    expect([...unchecked]).toEqual([]);
  });

  it('leaves no check in the table that no file needs', () => {
    const paths = new Set(starters.flatMap(({ files }) => files.map((file) => file.path)));
    const unused = STARTER_FILE_CHECKS.filter((entry) => ![...paths].some((path) => entry.path.test(path)));
    expect(unused.map((entry) => String(entry.path))).toEqual([]);
  });
});
