import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { freePort } from '../../scripts/support/free-port';
import { PROJECT_ROOT } from '../../src/project-paths';
import { postRecommendation } from '../http/requests';
import { recommend } from '../support/advisor';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { requireBuiltTree } from '../support/built-tree';
import { schemaErrors } from '../support/openapi-validator';
import { BUILT_CLI_COMMAND, berth, type CliRun } from './support/cli';

const UDP_WITHOUT_KUBERNETES = {
  workloadType: 'web',
  traffic: { protocol: 'udp' },
  control: { kubernetes: 'avoid' },
};
const UDP_FLAGS = ['--type', 'web', '--protocol', 'udp', '--kubernetes', 'avoid'];
const INVALID_WORKER = { workloadType: 'worker', traffic: { protocol: 'udpp' }, resources: { cpu: 'two' } };
const INVALID_WORKER_FLAGS = ['--type', 'worker', '--protocol', 'udpp', '--cpu', 'two'];
const WINDOWS_FILES_ON_LINUX = { workloadType: 'web', persistence: { type: 'windows-file' } };

const COMPOSE = [
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    ports: ["80:80"]',
  '    depends_on: [db]',
  '    environment: { DB_PASSWORD: not-in-any-output }',
  '  db:',
  '    image: postgres:16',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'berth-cli-'));
const file = (name: string) => join(dir, name);
const OUT = file('starter');

/**
 * Every `berth` run the tests look at, by name. Each is its own process of the built CLI, started in
 * beforeAll a few at a time (as many as there are cores), so the tests only read what they printed.
 */
const INVOCATIONS = {
  fileJson: { args: ['recommend', '--file', file('udp.json'), '--json'] },
  fileWithFlags: {
    args: ['recommend', '--file', file('https.json'), '--protocol', 'udp', '--kubernetes', 'avoid', '--json'],
  },
  stdin: { args: ['recommend', '--file', '-', '--json'], stdin: JSON.stringify(UDP_WITHOUT_KUBERNETES) },
  summaryAndOut: { args: ['recommend', ...UDP_FLAGS, '--out', OUT] },
  invalid: { args: ['recommend', ...INVALID_WORKER_FLAGS] },
  invalidJson: { args: ['recommend', ...INVALID_WORKER_FLAGS, '--json'] },
  brokenFile: { args: ['recommend', '--file', file('broken.json')] },
  unknownFlag: { args: ['recommend', '--type', 'web', '--replicas', '3'] },
  noPlatform: { args: ['recommend', '--type', 'web', '--persistence', 'windows-file'] },
  noPlatformJson: { args: ['recommend', '--file', file('windows.json'), '--json'] },
  platforms: { args: ['platforms'] },
  platformsJson: { args: ['platforms', '--json'] },
  rules: { args: ['rules'] },
  rule: { args: ['rules', 'udp-targets-need-a-tcp-health-check'] },
  unknownRule: { args: ['rules', 'nlb-for-udpp'] },
  help: { args: ['help'] },
  noCommand: { args: [] },
  unknownCommand: { args: ['deploy'] },
  importJson: { args: ['import', file('compose.yaml'), '--json'] },
  importSummaryAndOut: { args: ['import', file('compose.yaml'), '--out', file('app')] },
  importBroken: { args: ['import', file('broken-compose.yaml')] },
} satisfies Record<string, { args: string[]; stdin?: string }>;

/**
 * How long the 21 runs may take together: about 10 s of CPU on a quiet 2-core machine, several times that
 * when other work shares the cores.
 */
const ALL_RUNS_TIMEOUT_MS = 180_000;
/** Start, one request and shutdown: about a second on a quiet machine. */
const SERVE_TIMEOUT_MS = 60_000;

describe('berth', () => {
  const app = testApp();
  let runs: Record<keyof typeof INVOCATIONS, CliRun>;

  beforeAll(async () => {
    requireBuiltTree();
    writeFileSync(file('udp.json'), JSON.stringify(UDP_WITHOUT_KUBERNETES));
    writeFileSync(
      file('https.json'),
      JSON.stringify({ workloadType: 'web', traffic: { protocol: 'https' } }),
    );
    writeFileSync(file('windows.json'), JSON.stringify(WINDOWS_FILES_ON_LINUX));
    writeFileSync(file('broken.json'), '{"workloadType": web}');
    writeFileSync(file('compose.yaml'), COMPOSE);
    writeFileSync(file('broken-compose.yaml'), 'services:\n  web:\n    image: nginx\n    prots: ["80:80"]\n');
    const finished = await Promise.all(
      Object.entries(INVOCATIONS).map(async ([name, invocation]) => {
        const stdin = 'stdin' in invocation ? invocation.stdin : undefined;
        return [name, await berth(invocation.args, { stdin })] as const;
      }),
    );
    runs = Object.fromEntries(finished) as typeof runs;
  }, ALL_RUNS_TIMEOUT_MS);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('recommend', () => {
    describe('with flags', () => {
      it('prints the platform and its monthly cost, load balancer, storage, scaling, reasons and ranked alternatives, and exits 0', async () => {
        const { code, stdout, stderr } = runs.summaryAndOut;
        expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
        const { platform, loadBalancer, id } = await recommend(UDP_WITHOUT_KUBERNETES);
        for (const expected of [
          `Platform:      ${platform.name} (${platform.id})`,
          `Monthly cost:  $${platform.monthlyCost?.total.toFixed(2)} (USD, estimated;`,
          `Load balancer: ${loadBalancer.type}, internet-facing; listeners UDP 8080`,
          'Storage:       none',
          'Scaling:       1 to 10 tasks',
          'Why this platform:',
          '  1. ecs-fargate',
          'which the team wants to avoid',
          id,
        ]) {
          expect(stdout).toContain(expected);
        }
        expect(stdout).toMatch(/^ {2}\d+\. eks-fargate +- {2}blocked$/m);
      });
    });

    describe('with --file and --json', () => {
      it('prints the response body of POST /v1/recommendations', async () => {
        expect(runs.fileJson.code).toBe(0);
        const printed = JSON.parse(runs.fileJson.stdout) as unknown;
        expect(schemaErrors('Recommendation', printed)).toEqual([]);
        expect(printed).toEqual(jsonOf(await postRecommendation(app, UDP_WITHOUT_KUBERNETES)));
      });

      it('lets flags override the fields of the file', async () => {
        const { id } = JSON.parse(runs.fileWithFlags.stdout) as { id: string };
        expect(id).toBe((await recommend(UDP_WITHOUT_KUBERNETES)).id);
      });

      it('reads the workload from stdin with --file -', async () => {
        expect(runs.stdin.code).toBe(0);
        const { id } = JSON.parse(runs.stdin.stdout) as { id: string };
        expect(id).toBe((await recommend(UDP_WITHOUT_KUBERNETES)).id);
      });
    });

    describe('with --out', () => {
      it('writes every starter file under the directory', async () => {
        expect(runs.summaryAndOut.code).toBe(0);
        const { files } = (await recommend(UDP_WITHOUT_KUBERNETES)).starterConfig;
        expect(runs.summaryAndOut.stdout).toContain(`Wrote ${files.length} starter files to ${OUT}`);
        for (const starter of files)
          expect(readFileSync(join(OUT, starter.path), 'utf8')).toBe(starter.content);
      });
    });

    describe('when the workload is invalid', () => {
      it('exits 2 with the field paths and messages of the API, naming the flags', async () => {
        const { code, stdout, stderr } = runs.invalid;
        expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
        const { errors } = jsonOf(await postRecommendation(app, INVALID_WORKER)) as {
          errors: { path: string; message: string }[];
        };
        const printed = stderr.replace(/\s+/g, ' ');
        expect(errors).toHaveLength(3);
        for (const { path, message } of errors)
          expect(printed).toMatch(`${path} (--${path === 'resources.cpu' ? 'cpu' : 'protocol'}) ${message}`);
      });

      it('prints the 400 problem document of the API with --json', async () => {
        expect(runs.invalidJson.code).toBe(2);
        expect(JSON.parse(runs.invalidJson.stdout)).toEqual(
          jsonOf(await postRecommendation(app, INVALID_WORKER)),
        );
      });

      it('exits 2 for a file that is not JSON', () => {
        expect(runs.brokenFile.code).toBe(2);
        expect(runs.brokenFile.stderr).toContain('(body) is not valid JSON');
      });

      it('exits 2 for an unknown flag', () => {
        expect(runs.unknownFlag.code).toBe(2);
        expect(runs.unknownFlag.stderr).toContain("Unknown option '--replicas'");
      });
    });

    describe('when no platform is eligible', () => {
      it('exits 3 with the blockers and the smallest change', () => {
        expect(runs.noPlatform.code).toBe(3);
        expect(runs.noPlatform.stdout).toContain('No platform meets every hard requirement');
        expect(runs.noPlatform.stdout).toContain(
          'Set control.os to "windows" (now "linux") to make Amazon ECS on Amazon EC2 eligible.',
        );
      });

      it('prints the 422 problem document of the API with --json', async () => {
        expect(runs.noPlatformJson.code).toBe(3);
        expect(JSON.parse(runs.noPlatformJson.stdout)).toEqual(
          jsonOf(await postRecommendation(app, WINDOWS_FILES_ON_LINUX)),
        );
      });
    });
  });

  describe('import', () => {
    it('prints what POST /v1/architectures/from-compose answers, with --json', async () => {
      const response = await request(app)
        .post('/v1/architectures/from-compose')
        .set('Content-Type', 'application/yaml')
        .send(COMPOSE);
      expect(runs.importJson.code).toBe(0);
      expect(JSON.parse(runs.importJson.stdout)).toEqual(jsonOf(response));
      expect(runs.importJson.stdout).not.toContain('not-in-any-output');
    });

    it('summarizes the services, the managed services and the cost, and writes the starter files with --out', () => {
      expect(runs.importSummaryAndOut.code).toBe(0);
      expect(runs.importSummaryAndOut.stdout).toMatch(/1 service, about \$[\d.]+ a month/);
      expect(runs.importSummaryAndOut.stdout).toContain('db: replaced by Amazon RDS for PostgreSQL');
      expect(readFileSync(join(file('app'), 'README.md'), 'utf8')).toContain('services/web/');
    });

    it('exits 2 for a file that is not Compose, naming the path inside it', () => {
      expect(runs.importBroken.code).toBe(2);
      expect(runs.importBroken.stderr).toContain('services.web.prots');
    });
  });

  describe('platforms', () => {
    it('lists every platform, and with --json answers what GET /v1/platforms does', async () => {
      const listed = jsonOf(await request(app).get('/v1/platforms')) as { platforms: { id: string }[] };
      expect(runs.platforms.code).toBe(0);
      for (const { id } of listed.platforms) expect(runs.platforms.stdout).toContain(id);
      expect(JSON.parse(runs.platformsJson.stdout)).toEqual(listed);
    });
  });

  describe('rules', () => {
    it('lists the rules by group', () => {
      expect(runs.rules.code).toBe(0);
      expect(runs.rules.stdout).toMatch(/^eligibility \(\d+ rules\): /m);
      expect(runs.rules.stdout).toContain('udp-targets-need-a-tcp-health-check (priority');
    });

    it('explains one rule by name', () => {
      expect(runs.rule.code).toBe(0);
      expect(runs.rule.stdout).toContain('Source:     https://docs.aws.amazon.com/elasticloadbalancing/');
    });

    it('exits 2 for an unknown rule, with the closest names', () => {
      expect(runs.unknownRule.code).toBe(2);
      expect(runs.unknownRule.stderr).toContain('there is no rule named "nlb-for-udpp"');
    });
  });

  describe('help and usage errors', () => {
    it('prints every workload flag with its field, enum and default', () => {
      expect(runs.help.code).toBe(0);
      expect(runs.help.stdout).toMatch(
        /--protocol http\|https\|grpc\|websocket\|tcp\|udp\|tls +traffic\.protocol \(default "http"\)/,
      );
    });

    it('exits 2 without a command, and for an unknown one', () => {
      expect([runs.noCommand.code, runs.unknownCommand.code]).toEqual([2, 2]);
      expect(runs.unknownCommand.stderr).toContain('unknown command "deploy"');
    });
  });

  describe('serve', () => {
    it(
      'starts the API server, which answers until SIGTERM stops it with status 0',
      async () => {
        const port = await freePort();
        const [command, ...prefix] = BUILT_CLI_COMMAND;
        const server = spawn(command, [...prefix, 'serve', '--port', String(port)], { cwd: PROJECT_ROOT });
        const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
        try {
          let log = '';
          await new Promise<void>((resolve, reject) => {
            server.stdout.setEncoding('utf8').on('data', (chunk: string) => {
              log += chunk;
              if (log.includes('Berth is listening')) resolve();
            });
            void exited.then((code) => reject(new Error(`berth serve exited with ${code}: ${log}`)));
          });
          expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
          server.kill('SIGTERM');
          expect(await exited).toBe(0);
        } finally {
          server.kill('SIGKILL');
        }
      },
      SERVE_TIMEOUT_MS,
    );
  });
});
