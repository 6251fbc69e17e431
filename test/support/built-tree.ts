import { join } from 'node:path';
import { buildIfStale, isStale } from '../../scripts/build-if-stale.cjs';
import { PROJECT_ROOT } from '../../src/project-paths';

/**
 * The compiled tree the process tests run: `node dist/...` starts in a fraction of the time tsx takes to
 * compile the sources on the fly, which is what lets those tests hold on a busy machine.
 */
export const BUILT_SERVER = join(PROJECT_ROOT, 'dist', 'src', 'server.js');
export const BUILT_CLI = join(PROJECT_ROOT, 'dist', 'src', 'clients', 'cli', 'main.js');

/**
 * Jest's globalSetup: compiles into dist/ when the sources are newer (scripts/build-if-stale.cjs; nothing
 * to do after `npm run build`, as in CI), once before any test file runs, so no two test files compile at
 * the same time. A failed build does not stop the run: the tests that need dist/ say so (requireBuiltTree).
 */
export default function buildTreeForProcessTests(): void {
  buildIfStale();
}

/** Fails a process test at once, with the reason, when dist/ is not what the sources compile to. */
export function requireBuiltTree(): void {
  if (isStale()) {
    throw new Error(
      'dist/ is older than the sources and compiling it failed (see the compiler output above the tests); ' +
        'fix the error or run npm run build',
    );
  }
}
