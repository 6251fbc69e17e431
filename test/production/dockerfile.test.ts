import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { PROJECT_ROOT } from '../../src/project-paths';
import { webWorkload } from '../support/workloads';
import { build, copyBuildContext, dockerignored, parseDockerfile, type Stage } from './support/dockerfile';
import { freePort, type ServerProcess, spawnProcess, waitUntilReady } from './support/server-process';

/**
 * No Docker engine runs here, so this runs the Dockerfile's own steps (its COPY and RUN lines, parsed
 * from the file) in a clean copy of the build context, then starts the image's CMD from the runtime
 * stage's folder, as its user would see it: production dependencies only, NODE_ENV=production.
 */
describe('the Dockerfile', () => {
  const instructions = parseDockerfile(readFileSync(join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
  let workDir: string;
  let stages: Stage[];
  let image: Stage;
  let contextFiles: string[];
  let server: ServerProcess | undefined;

  beforeAll(() => {
    workDir = mkdtempSync(join(tmpdir(), 'berth-docker-'));
    const contextDir = join(workDir, 'context');
    contextFiles = copyBuildContext(PROJECT_ROOT, contextDir).files;
    // A clean environment, as in a builder: no npm_* settings or NODE_ENV inherited from the test run.
    // npm may use this machine's cache; the lockfile decides what is installed either way.
    const baseEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
    };
    stages = build(instructions, { contextDir, workDir, baseEnv, log: () => undefined });
    const last = stages[stages.length - 1];
    if (last === undefined) throw new Error('the Dockerfile has no stage');
    image = last;
  }, 600_000);

  afterAll(async () => {
    if (server !== undefined && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  /** A path of the image's filesystem, on this machine. */
  const inImage = (path: string) => join(image.root, posix.resolve(image.workdir, path));

  describe('the build context (.dockerignore)', () => {
    const patterns = readFileSync(join(PROJECT_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));

    it.each([
      '.env',
      '.env.production',
      '.git/config',
      'node_modules/express/package.json',
      'dist/src/server.js',
      'test/http/errors.test.ts',
    ])('leaves out %s', (path) => {
      expect(dockerignored(patterns, path)).toBe(true);
    });

    it('holds what the build needs', () => {
      expect(contextFiles).toEqual(
        expect.arrayContaining([
          'package.json',
          'package-lock.json',
          'openapi.yaml',
          'src/server.ts',
          'rules/manifest.json',
        ]),
      );
    });
  });

  describe('the image', () => {
    it('is built in stages, the last running as a user other than root, with NODE_ENV=production', () => {
      expect(stages.length).toBeGreaterThanOrEqual(2);
      expect(image.user).toBeDefined();
      expect(['root', '0']).not.toContain(image.user);
      expect(image.env.NODE_ENV).toBe('production');
      expect(image.runs).toEqual([]);
      expect(image.healthcheck).toBeDefined();
      expect(image.cmd?.[0]).toBe('node');
      // Berth's graceful shutdown is on SIGTERM (src/http/graceful-shutdown.ts).
      expect(image.stopSignal).toBe('SIGTERM');
    });

    it('holds the production dependencies only, as the lockfile marks them', () => {
      const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dev?: boolean; optional?: boolean }>;
      };
      const installed = Object.entries(lock.packages)
        .filter(([path, entry]) => path.startsWith('node_modules/') && entry.optional !== true)
        .map(([path, entry]) => ({ path, dev: entry.dev === true, present: existsSync(inImage(path)) }));
      expect(installed.filter(({ dev, present }) => dev === present)).toEqual([]);
      expect(installed.filter(({ dev }) => dev).length).toBeGreaterThan(0);
      expect(existsSync(inImage('node_modules/typescript'))).toBe(false);
      expect(existsSync(inImage('node_modules/express'))).toBe(true);
    });

    it('starts, gets ready, answers a recommendation, serves the workbench, passes its HEALTHCHECK and shuts down cleanly on SIGTERM', async () => {
      const [command, ...args] = image.cmd ?? [];
      expect(command).toBe('node');
      const port = await freePort();
      const env = { PATH: process.env.PATH, ...image.env, PORT: String(port) };
      server = spawnProcess(process.execPath, args, { cwd: inImage('.'), env, port });
      await waitUntilReady(server);

      const response = await fetch(`${server.base}/v1/recommendations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webWorkload()),
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { platform: { id: string } }).platform.id).toEqual(
        expect.any(String),
      );

      // The workbench, built by Vite in the build stage, is served at / with its assets.
      const page = await fetch(`${server.base}/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`${server.base}${script}`)).status).toBe(200);

      const [healthCommand, ...healthArgs] = image.healthcheck ?? [];
      expect(healthCommand).toBe('node');
      expect(() =>
        execFileSync(process.execPath, healthArgs, {
          cwd: inImage('.'),
          env,
          stdio: 'pipe',
          timeout: 10_000,
        }),
      ).not.toThrow();

      // The image's STOPSIGNAL, as docker stop sends it, with the default drain period.
      server.child.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.logLines()[0]).toMatchObject({ level: 'info', msg: 'Berth is listening' });
    });
  });
});
