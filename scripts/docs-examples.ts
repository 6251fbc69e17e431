/**
 * The example outputs in the docs, produced by the real thing: the server (from the sources) for HTTP and
 * MCP examples, the CLI for CLI examples, the rule files for rules and sources. Each example fills the
 * block between `<!-- example:NAME -->` and `<!-- /example -->` in README.md or docs/*.md, or is a
 * response example of openapi.yaml (scripts/docs/spec-examples.ts).
 *
 *   npm run docs:examples     # rewrite every block and every response example
 *   npm run docs:check        # fail, naming them, when one differs from what Berth answers now
 *
 * Answers are deterministic (same workload and rules, same bytes and id), so a block only changes when
 * Berth's behaviour, its rules or the example does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { OPENAPI_PATH, PROJECT_ROOT } from '../src/project-paths';
import { startServer } from './docs/berth-processes';
import { EXAMPLES, type ExampleContext } from './docs/examples';
import { blocksOf, withBlocks } from './docs/markdown';
import { type ExampleContent, refreshExamples, SPEC_TO_STRING } from './docs/openapi-examples';
import { EXAMPLES_API_KEY, specExamples } from './docs/spec-examples';

const DOCS_DIR = join(PROJECT_ROOT, 'docs');
const PAGES = [
  join(PROJECT_ROOT, 'README.md'),
  ...readdirSync(DOCS_DIR)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => join(DOCS_DIR, file)),
];

async function generateAll(names: ReadonlySet<string>): Promise<Map<string, string>> {
  const server = await startServer();
  const workDir = mkdtempSync(join(tmpdir(), 'berth-docs-'));
  const context: ExampleContext = { server, workDir };
  try {
    const generated = new Map<string, string>();
    // One at a time: the CLI examples share the working folder.
    for (const name of names) {
      const example = EXAMPLES[name];
      if (example === undefined) throw new Error(`no example named "${name}" (scripts/docs/examples.ts)`);
      generated.set(name, await example(context));
    }
    return generated;
  } finally {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * The response examples of openapi.yaml refreshed from a server of their own (it needs API keys, for the
 * 401 example); returns the stale ones, and writes the file in `--write` mode.
 */
async function refreshSpec(write: boolean): Promise<string[]> {
  const text = readFileSync(OPENAPI_PATH, 'utf8');
  const document = parseDocument(text);
  const examples = specExamples(document.toJS() as Record<string, unknown>);
  const server = await startServer({ BERTH_API_KEYS: EXAMPLES_API_KEY });
  const produced: { location: readonly string[]; content: ExampleContent }[] = [];
  try {
    // One at a time: the metrics example counts the recommendations answered before it.
    for (const example of examples)
      produced.push({ location: example.location, content: await example.produce({ server }) });
  } finally {
    await server.stop();
  }
  const stale = refreshExamples(document, produced);
  if (write && stale.length > 0) writeFileSync(OPENAPI_PATH, document.toString(SPEC_TO_STRING));
  return stale.map((name) => `${relative(PROJECT_ROOT, OPENAPI_PATH)}: ${name}`);
}

async function main(mode: string | undefined): Promise<number> {
  if (mode !== '--write' && mode !== '--check') {
    process.stderr.write('usage: tsx scripts/docs-examples.ts --write | --check\n');
    return 2;
  }
  const pages = PAGES.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const used = pages.flatMap((page) => blocksOf(page.text).map((block) => block.name));
  const unused = Object.keys(EXAMPLES).filter((name) => !used.includes(name));
  if (unused.length > 0) throw new Error(`examples no page shows: ${unused.join(', ')}`);
  // The pages and the spec each have their own server; they start side by side.
  const [generated, staleSpec] = await Promise.all([
    generateAll(new Set(used)),
    refreshSpec(mode === '--write'),
  ]);

  const stale: string[] = [...staleSpec];
  for (const page of pages) {
    const fresh = withBlocks(page.text, (name) => generated.get(name) ?? '');
    if (fresh === page.text) continue;
    const current = new Map(blocksOf(page.text).map((block) => [block.name, block.content]));
    for (const block of blocksOf(fresh))
      if (current.get(block.name) !== block.content)
        stale.push(`${relative(PROJECT_ROOT, page.path)}: ${block.name}`);
    if (mode === '--write') writeFileSync(page.path, fresh);
  }
  if (mode === '--write') {
    process.stdout.write(
      stale.length === 0 ? 'docs: every example is current\n' : `docs: rewrote ${stale.join(', ')}\n`,
    );
    return 0;
  }
  if (stale.length === 0) return 0;
  process.stderr.write(
    `docs: these examples differ from what Berth answers now:\n${stale.map((line) => `  - ${line}`).join('\n')}\nRun npm run docs:examples and commit the result.\n`,
  );
  return 1;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `docs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
