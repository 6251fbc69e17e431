import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { behaviourCorpus, behaviourOf, digestsOf } from './behaviour-corpus';

/**
 * Refactors keep behaviour: every answer and every starter file of the corpus hashes as recorded in
 * behaviour-digests.json. A deliberate change rewrites that file (write-behaviour-digests.ts) in the same
 * commit, and the commit says which answers changed and why; `--dump` gives the files to diff.
 */
const recorded = JSON.parse(readFileSync(join(__dirname, 'behaviour-digests.json'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

describe('the answers and starter files of the behaviour corpus', () => {
  const changed: string[] = [];
  const corpus = behaviourCorpus();

  beforeAll(async () => {
    for (const { label, body } of corpus) {
      const now = digestsOf(await behaviourOf(body));
      const before = recorded[label] ?? {};
      for (const key of new Set([...Object.keys(before), ...Object.keys(now)])) {
        if (before[key] !== now[key])
          changed.push(`${label} / ${key === 'answer' ? 'answer' : `${key} starter files`}`);
      }
    }
  }, CORPUS_TIMEOUT_MS);

  it('covers the same workloads as the recorded digests', () => {
    expect(corpus.map(({ label }) => label).sort()).toEqual(Object.keys(recorded).sort());
  });

  it('are byte for byte those recorded', () => {
    expect(changed).toEqual([]);
  });
});
