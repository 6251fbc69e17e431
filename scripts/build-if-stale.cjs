#!/usr/bin/env node
/**
 * Compiles the TypeScript into dist/ only when the sources changed since the last build, so `npm start`
 * and `berth` start at once on a built tree and still never run stale code (a fresh clone has no dist/,
 * so its first start builds).
 *
 * dist/ is current when dist/src/server.js (which every build rewrites, `npm run build` too) is newer than
 * every input: each file and folder under src/ (a folder's time changes when a file is added, renamed or
 * removed), the two tsconfig files and the package files. rules/ and openapi.yaml are read at run time,
 * not compiled, so they are not inputs. This script compiles with --noEmitOnError, so a build that fails
 * writes nothing and the next start tries again.
 *
 * CommonJS, not an ES module: bin/berth loads it with require() before it loads the CLI.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { isOpenApiCacheCurrent, writeOpenApiCache } = require('./openapi-json-cache.cjs');

const ROOT = join(__dirname, '..');
const BUILT_ENTRY = join('dist', 'src', 'server.js');
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The latest modification time (ms) of a path and, for a folder, of everything under it. */
function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function newestInput(root) {
  let newest = newestMtime(join(root, 'src'));
  for (const file of INPUT_FILES) {
    const path = join(root, file);
    if (existsSync(path)) newest = Math.max(newest, newestMtime(path));
  }
  return newest;
}

/** Whether dist/ is missing or older than a source; false where there is nothing to build from. */
function isStale(root = ROOT) {
  if (!existsSync(join(root, 'src'))) return false;
  const built = join(root, BUILT_ENTRY);
  if (!existsSync(built)) return true;
  return statSync(built).mtimeMs < newestInput(root);
}

/**
 * Builds when stale. The compiler's output goes to stderr, so a caller whose stdout is a protocol stream
 * (`berth mcp`) stays clean. Returns the compiler's exit status (0 when nothing needed building).
 */
function buildIfStale() {
  if (!isOpenApiCacheCurrent()) writeOpenApiCache();
  if (!isStale()) return 0;
  process.stderr.write('berth: sources changed since the last build; compiling into dist/ (tsc)\n');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noEmitOnError'],
    {
      cwd: ROOT,
      stdio: ['ignore', process.stderr, process.stderr],
    },
  );
  return result.status ?? 1;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) process.exitCode = buildIfStale();
