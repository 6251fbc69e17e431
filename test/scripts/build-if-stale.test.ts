import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isStale } from '../../scripts/build-if-stale.cjs';

/** A project tree with the given files, each with its modification time (seconds since the epoch). */
function tree(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'berth-stale-'));
  // Folders get the oldest time, so only the files decide (a folder's own time is tested on its own).
  const times = Object.values(files);
  const oldest = Math.min(...times);
  for (const [path, time] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), time, time);
  }
  for (const folder of ['src', 'src/engine', 'src/workbench', 'dist', 'dist/src', 'dist/workbench'])
    if (existsSync(join(root, folder))) utimesSync(join(root, folder), oldest, oldest);
  return root;
}

describe('scripts/build-if-stale.cjs', () => {
  const roots: string[] = [];
  const given = (files: Record<string, number>) => {
    const root = tree(files);
    roots.push(root);
    return root;
  };
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  const cases: { given: string; files: Record<string, number>; stale: boolean }[] = [
    { given: 'there is no build yet', files: { 'src/server.ts': 100 }, stale: true },
    {
      given: 'the build is newer than every source',
      files: {
        'src/server.ts': 100,
        'src/engine/rules.ts': 150,
        'package.json': 90,
        'dist/src/server.js': 200,
      },
      stale: false,
    },
    {
      given: 'a source in a subfolder changed after the build',
      files: { 'src/server.ts': 100, 'src/engine/rules.ts': 300, 'dist/src/server.js': 200 },
      stale: true,
    },
    {
      given: 'the compiler settings changed after the build',
      files: { 'src/server.ts': 100, 'tsconfig.build.json': 300, 'dist/src/server.js': 200 },
      stale: true,
    },
    {
      given: 'the dependencies changed after the build',
      files: { 'src/server.ts': 100, 'package-lock.json': 300, 'dist/src/server.js': 200 },
      stale: true,
    },
    {
      given: 'only a rule file changed (rules are read at run time, not compiled)',
      files: { 'src/server.ts': 100, 'rules/eligibility.json': 300, 'dist/src/server.js': 200 },
      stale: false,
    },
    {
      given: 'the workbench was never built',
      files: { 'src/server.ts': 100, 'src/workbench/main.ts': 100, 'dist/src/server.js': 200 },
      stale: true,
    },
    {
      given: 'the workbench is newer than its sources',
      files: {
        'src/server.ts': 100,
        'src/workbench/main.ts': 100,
        'dist/src/server.js': 200,
        'dist/workbench/index.html': 200,
      },
      stale: false,
    },
    {
      given: 'a workbench source changed after its build',
      files: {
        'src/server.ts': 100,
        'src/workbench/main.ts': 300,
        'dist/src/server.js': 400,
        'dist/workbench/index.html': 200,
      },
      stale: true,
    },
    {
      given: 'there are no sources to build from (an installed package)',
      files: { 'dist/src/server.js': 200 },
      stale: false,
    },
  ];
  it.each(cases)('when $given, says stale: $stale', ({ files, stale }) => {
    expect(isStale(given(files))).toBe(stale);
  });

  it('is stale when a source was removed after the build (its folder changed)', () => {
    const root = given({ 'src/server.ts': 100, 'src/engine/rules.ts': 100, 'dist/src/server.js': 200 });
    utimesSync(join(root, 'src/engine'), 300, 300);
    expect(isStale(root)).toBe(true);
  });
});
