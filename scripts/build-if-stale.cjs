#!/usr/bin/env node
/**
 * Compiles the TypeScript into dist/ only when the sources changed since the last build, so `npm start`
 * and `berth` start at once on a built tree and still never run stale code (a fresh clone has no dist/,
 * so its first start builds).
 *
 * dist/ is current when dist/src/server.js (which every build rewrites, `npm run build` too) is newer than
 * every input: each file and folder under src/ but the workbench (a folder's time changes when a file is
 * added, renamed or removed), the two tsconfig files and the package files. rules/ and openapi.yaml are
 * read at run time, not compiled, so they are not inputs. This script compiles with --noEmitOnError, so a
 * build that fails writes nothing and the next start tries again.
 *
 * The workbench (src/workbench/, built by Vite) is its own build: dist/workbench/index.html, which every
 * Vite build rewrites, must be newer than every file under src/workbench/ and the package files.
 *
 * CommonJS, not an ES module: bin/berth loads it with require() before it loads the CLI.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { isOpenApiCacheCurrent, writeOpenApiCache } = require('./openapi-json-cache.cjs');

const ROOT = join(__dirname, '..');
const BUILT_ENTRY = join('dist', 'src', 'server.js');
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const WORKBENCH_SOURCES = join('src', 'workbench');
const BUILT_WORKBENCH = join('dist', 'workbench', 'index.html');
const WORKBENCH_INPUT_FILES = ['package.json', 'package-lock.json'];

/** The latest modification time (ms) of a path and, for a folder, of everything under it but `skip`. */
function newestMtime(path, skip) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (child !== skip) newest = Math.max(newest, newestMtime(child, skip));
  }
  return newest;
}

function newestInput(root, folder, files, skip) {
  let newest = newestMtime(join(root, folder), skip);
  for (const file of files) {
    const path = join(root, file);
    if (existsSync(path)) newest = Math.max(newest, newestMtime(path));
  }
  return newest;
}

function isOlderThan(root, built, newestSource) {
  const path = join(root, built);
  return !existsSync(path) || statSync(path).mtimeMs < newestSource;
}

/** Whether the compiled server is missing or older than a source; false where there is nothing to build from. */
function isServerStale(root = ROOT) {
  if (!existsSync(join(root, 'src'))) return false;
  const workbench = join(root, WORKBENCH_SOURCES);
  return isOlderThan(root, BUILT_ENTRY, newestInput(root, 'src', INPUT_FILES, workbench));
}

/** Whether the built workbench is missing or older than its sources; false where there are none. */
function isWorkbenchStale(root = ROOT) {
  if (!existsSync(join(root, WORKBENCH_SOURCES))) return false;
  return isOlderThan(root, BUILT_WORKBENCH, newestInput(root, WORKBENCH_SOURCES, WORKBENCH_INPUT_FILES));
}

/** Whether any part of dist/ (the server, the workbench) is older than its sources. */
function isStale(root = ROOT) {
  return isServerStale(root) || isWorkbenchStale(root);
}

/**
 * Runs a build tool's bin (`bin` inside package `name`) with this Node.js, its output on stderr; its exit
 * status. Found through the package's package.json, since vite's exports do not list its bin.
 */
function run(name, bin, args) {
  const folder = dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
  const result = spawnSync(process.execPath, [join(folder, bin), ...args], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return result.status ?? 1;
}

/**
 * Builds what is stale. The tools' output goes to stderr, so a caller whose stdout is a protocol stream
 * (`berth mcp`) stays clean. Returns the first failing exit status (0 when nothing needed building).
 */
function buildIfStale() {
  if (!isOpenApiCacheCurrent()) writeOpenApiCache();
  let status = 0;
  if (isServerStale()) {
    process.stderr.write('berth: sources changed since the last build; compiling into dist/ (tsc)\n');
    status = run('typescript', 'bin/tsc', ['-p', join(ROOT, 'tsconfig.build.json'), '--noEmitOnError']);
  }
  if (isWorkbenchStale()) {
    process.stderr.write(
      'berth: the workbench changed since the last build; building dist/workbench/ (vite)\n',
    );
    const vite = run('vite', 'bin/vite.js', [
      'build',
      '--config',
      join(ROOT, 'src', 'workbench', 'vite.config.mts'),
    ]);
    if (status === 0) status = vite;
  }
  return status;
}

module.exports = { buildIfStale, isStale };

if (require.main === module) process.exitCode = buildIfStale();
