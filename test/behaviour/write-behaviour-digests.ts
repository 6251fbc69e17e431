/**
 * Writes test/behaviour/behaviour-digests.json, or with `--dump DIR` every answer and starter file of the
 * corpus as files under DIR, to diff a tree before and after a change (`diff -r before after`).
 *
 *   npx tsx test/behaviour/write-behaviour-digests.ts
 *   npx tsx test/behaviour/write-behaviour-digests.ts --dump /tmp/before
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { behaviourCorpus, behaviourOf, digestsOf } from './behaviour-corpus';

const DIGESTS_PATH = join(__dirname, 'behaviour-digests.json');

function slug(label: string): string {
  return label.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '');
}

async function main(): Promise<void> {
  const dumpIndex = process.argv.indexOf('--dump');
  const dumpDir = dumpIndex === -1 ? undefined : process.argv[dumpIndex + 1];
  const digests: Record<string, Record<string, string>> = {};
  for (const { label, body } of behaviourCorpus()) {
    const output = await behaviourOf(body);
    digests[label] = digestsOf(output);
    if (dumpDir === undefined) continue;
    const base = join(dumpDir, slug(label));
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'answer.json'), `${JSON.stringify(JSON.parse(output.answer), null, 2)}\n`);
    for (const [platformId, files] of Object.entries(output.starterFiles)) {
      for (const { path, content } of files) {
        const target = join(base, platformId, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, content);
      }
    }
  }
  if (dumpDir === undefined) writeFileSync(DIGESTS_PATH, `${JSON.stringify(digests, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
