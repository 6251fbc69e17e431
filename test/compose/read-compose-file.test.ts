// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Compose interpolations, not template literals
import fc from 'fast-check';
import { readComposeFile } from '../../src/compose/read-compose-file';
import { RANDOM_SEED } from '../support/random-seed';

const NO_VARIABLES = new Map<string, string>();

function read(text: string, variables: ReadonlyMap<string, string> = NO_VARIABLES) {
  const reading = readComposeFile(text, variables);
  if (!reading.ok) throw new Error(`expected the file to be read: ${JSON.stringify(reading.problems)}`);
  return reading.file;
}

function problems(text: string, variables: ReadonlyMap<string, string> = NO_VARIABLES) {
  const reading = readComposeFile(text, variables);
  if (reading.ok) throw new Error('expected the file to be refused');
  return reading.problems;
}

const WEB_AND_DATABASE = `
name: shop
x-defaults: &defaults
  restart: unless-stopped
  environment:
    LOG_LEVEL: info
services:
  web:
    <<: *defaults
    image: "nginx:\${NGINX_TAG:-1.27}"
    ports:
      - "80:80"
      - target: 443
        published: 443
        protocol: tcp
    depends_on:
      db:
        condition: service_healthy
    deploy:
      replicas: \${REPLICAS:-2}
      resources:
        limits: { cpus: "0.5", memory: 512m }
  db:
    image: postgres:16
    volumes:
      - data:/var/lib/postgresql/data
      - ./init.sql:/docker-entrypoint-initdb.d/init.sql:ro
    environment:
      - POSTGRES_PASSWORD=\${DB_PASSWORD}
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U postgres"]
      interval: 10s
      start_period: 1m30s
volumes:
  data:
`;

describe('reading a Compose file', () => {
  describe('when it is a valid file', () => {
    const file = read(WEB_AND_DATABASE, new Map([['DB_PASSWORD', 'not-a-real-one']]));

    it('resolves merge keys and interpolates defaults and variables', () => {
      expect(file.services.web?.restart).toBe('unless-stopped');
      expect(file.services.web?.image).toBe('nginx:1.27');
      expect(file.services.web?.environment).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
      expect(file.services.db?.environment).toEqual([{ name: 'POSTGRES_PASSWORD', value: 'not-a-real-one' }]);
    });

    it('reads short and long port syntax into one form', () => {
      expect(file.services.web?.ports).toEqual([
        { target: 80, published: '80', protocol: 'tcp' },
        { target: 443, published: '443', protocol: 'tcp' },
      ]);
    });

    it('tells named volumes from host bind mounts', () => {
      expect(file.services.db?.volumes).toEqual([
        { type: 'volume', source: 'data', target: '/var/lib/postgresql/data', readOnly: false },
        {
          type: 'bind',
          source: './init.sql',
          target: '/docker-entrypoint-initdb.d/init.sql',
          readOnly: true,
        },
      ]);
    });

    it('casts interpolated numbers and reads sizes and durations', () => {
      expect(file.services.web?.deploy?.replicas).toBe(2);
      expect(file.services.web?.deploy?.resources?.limits).toEqual({ cpus: 0.5, memory: 512 * 1024 ** 2 });
      expect(file.services.db?.healthcheck).toMatchObject({ interval: 10, start_period: 90 });
      expect(file.services.web?.depends_on).toEqual(['db']);
    });
  });

  it.each([
    { entry: '"/:/host:ro,rslave"', want: { type: 'bind', source: '/', target: '/host', readOnly: true } },
    { entry: '"/mnt:/mnt:rshared"', want: { type: 'bind', source: '/mnt', target: '/mnt', readOnly: false } },
    {
      entry: '"data:/data:nocopy"',
      want: { type: 'volume', source: 'data', target: '/data', readOnly: false },
    },
  ])('reads the volume $entry, with its modes', ({ entry, want }) => {
    expect(
      read(`services:\n  agent:\n    image: prom/node-exporter\n    volumes: [${entry}]\nvolumes:\n  data:\n`)
        .services.agent?.volumes,
    ).toEqual([want]);
  });

  it('refuses a volume mode Docker does not know, naming the ones it does', () => {
    expect(problems('services:\n  agent:\n    image: x\n    volumes: ["/:/host:ro,sideways"]\n')).toEqual([
      expect.objectContaining({
        path: 'services.agent.volumes[0]',
        message: expect.stringMatching(/"sideways".*rslave/),
      }),
    ]);
  });

  it.each([
    {
      entry: '"127.0.0.1:8080:80"',
      want: { target: 80, published: '8080', protocol: 'tcp', hostIp: '127.0.0.1' },
    },
    { entry: '"[::1]:6001:6001"', want: { target: 6001, published: '6001', protocol: 'tcp', hostIp: '::1' } },
    { entry: '"53:53/udp"', want: { target: 53, published: '53', protocol: 'udp' } },
    { entry: '"3000-3005"', want: { target: 3000, targetEnd: 3005, protocol: 'tcp' } },
    { entry: '"127.0.0.1::5000"', want: { target: 5000, protocol: 'tcp', hostIp: '127.0.0.1' } },
    { entry: '8080', want: { target: 8080, protocol: 'tcp' } },
  ])('reads the port $entry', ({ entry, want }) => {
    expect(
      read(`services:\n  dns:\n    image: coredns/coredns\n    ports: [${entry}]\n`).services.dns?.ports,
    ).toEqual([want]);
  });

  describe('when the file is wrong, it says where', () => {
    it('refuses a variable that is not set, at its path and line', () => {
      expect(problems(WEB_AND_DATABASE)).toEqual([
        {
          path: 'services.db.environment[0]',
          line: WEB_AND_DATABASE.split('\n').findIndex((line) => line.includes('POSTGRES_PASSWORD')) + 1,
          message: expect.stringContaining('${DB_PASSWORD}, which is not set'),
        },
      ]);
    });

    it('refuses keys the Compose Specification does not define, suggesting the one meant', () => {
      expect(problems('servics:\n  web:\n    image: nginx\n')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            path: 'servics',
            line: 1,
            message: expect.stringContaining('did you mean "services"?'),
          }),
        ]),
      );
      expect(problems('services:\n  web:\n    imgae: nginx\n    image: nginx\n')).toEqual([
        expect.objectContaining({
          path: 'services.web.imgae',
          line: 3,
          message: expect.stringContaining('"image"'),
        }),
      ]);
    });

    it('accepts extensions anywhere Compose does', () => {
      expect(
        read('x-common: {a: 1}\nservices:\n  web:\n    image: nginx\n    x-berth: {keep-container: true}\n')
          .services.web,
      ).toMatchObject({
        'x-berth': { 'keep-container': true },
      });
    });

    it.each([
      { given: 'not YAML', text: 'services: [unclosed\n', path: '', message: /not valid YAML/ },
      { given: 'a list', text: '- web\n- db\n', path: '', message: /top level must be a map/ },
      { given: 'no services', text: 'name: shop\n', path: '', message: /no "services"/ },
      {
        given: 'a duplicate key',
        text: 'services:\n  web:\n    image: a\n  web:\n    image: b\n',
        path: '',
        message: /unique/,
      },
      {
        given: 'two documents',
        text: 'services: {}\n---\nservices: {}\n',
        path: '',
        message: /not valid YAML/,
      },
      {
        given: 'a service without image or build',
        text: 'services:\n  web:\n    ports: ["80"]\n',
        path: 'services.web',
        message: /image or a build/,
      },
      {
        given: 'a bad port',
        text: 'services:\n  web:\n    image: nginx\n    ports: ["80:http"]\n',
        path: 'services.web.ports[0]',
        message: /not a container port/,
      },
      {
        given: 'a bad protocol',
        text: 'services:\n  web:\n    image: nginx\n    ports: ["80/icmp"]\n',
        path: 'services.web.ports[0]',
        message: /tcp, udp or sctp/,
      },
      {
        given: 'a bad size',
        text: 'services:\n  web:\n    image: nginx\n    mem_limit: lots\n',
        path: 'services.web.mem_limit',
        message: /512m/,
      },
      {
        given: 'an undeclared volume',
        text: 'services:\n  db:\n    image: mysql\n    volumes: ["data:/var/lib/mysql"]\n',
        path: 'services.db.volumes[0]',
        message: /does not declare/,
      },
      {
        given: 'an undeclared secret',
        text: 'services:\n  db:\n    image: mysql\n    secrets: [pw]\n',
        path: 'services.db.secrets[0]',
        message: /does not declare/,
      },
      {
        given: 'a dependency that does not exist',
        text: 'services:\n  web:\n    image: nginx\n    depends_on: [api]\n',
        path: 'services.web.depends_on[0]',
        message: /"api", which is not a service/,
      },
      {
        given: 'include',
        text: 'include: [other.yaml]\nservices:\n  web:\n    image: nginx\n',
        path: 'include',
        message: /docker compose config/,
      },
      {
        given: 'extends',
        text: 'services:\n  web:\n    image: nginx\n    extends: {service: base}\n',
        path: 'services.web.extends',
        message: /docker compose config/,
      },
      {
        given: 'a dotted service name with a bad key',
        text: 'services:\n  api.v2:\n    image: nginx\n    bogus: 1\n',
        path: 'services["api.v2"].bogus',
        message: /not a key of a service/,
      },
    ])('refuses $given', ({ text, path, message }) => {
      expect(problems(text)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]),
      );
    });

    it('refuses a depends_on cycle, naming the services along it', () => {
      const text =
        'services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n  c: {image: x, depends_on: [a]}\n';
      expect(problems(text)).toEqual([
        expect.objectContaining({
          path: 'services.a.depends_on',
          message: expect.stringContaining('a → b → c → a'),
        }),
      ]);
    });

    it('refuses an alias bomb quickly instead of expanding it', () => {
      const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let level = 1; level < 9; level++) {
        const previous = String.fromCharCode(96 + level);
        levels.push(
          `${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${previous}`).join(',')}]`,
        );
      }
      expect(
        problems(
          `x-bomb:\n${levels.map((line) => `  ${line}`).join('\n')}\nservices:\n  web: {image: nginx}\n`,
        ),
      ).toEqual([
        expect.objectContaining({ path: '', message: expect.stringContaining('aliases that expand past') }),
      ]);
    });
  });

  it('answers or lists problems, never throws, for any text', () => {
    const fragments = fc.constantFrom(
      'services:',
      '\n',
      '  ',
      'web:',
      'image: nginx',
      'ports:',
      '- ',
      '"80:80"',
      '&a',
      '*a',
      '<<: *a',
      '${X}',
      '[',
      ']',
      '{',
      '}',
      ':',
      'x-a:',
      'volumes:',
      'depends_on: [web]',
      '---',
      '!!binary',
      '"',
      "'",
      '#',
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 40 }), (parts) => {
        const reading = readComposeFile(parts.join(''), new Map([['X', '1']]));
        if (!reading.ok) expect(reading.problems.length).toBeGreaterThan(0);
      }),
      { seed: RANDOM_SEED, numRuns: 1000 },
    );
  });
});
