import request from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { PROBLEM_JSON_TYPE } from './requests';

interface Answer {
  services: {
    name: string;
    recommendation: {
      platform: { id: string };
      workload: Record<string, unknown> & {
        control: { capabilities: string[]; level: string; hostNetwork: boolean };
      };
    };
  }[];
  managedServices: { service: string; replacement: { id: string } }[];
  imported: { service: string; field: string; value: string; meaning: string }[];
  ignored: { service: string; field: string; reason: string }[];
  connections: { from: string; to: string; mechanism: string }[];
  warnings: string[];
}

function postYaml(app: ReturnType<typeof testApp>, text: string) {
  return request(app)
    .post('/v1/architectures/from-compose')
    .set('Content-Type', 'application/yaml')
    .send(text);
}

const WORDPRESS = `
name: blog
services:
  wordpress:
    image: wordpress:6.6
    ports: ["8080:80"]
    environment:
      WORDPRESS_DB_HOST: db
      WORDPRESS_DB_PASSWORD: s3cr3t-value
    depends_on: [db]
    volumes: ["wp-content:/var/www/html/wp-content"]
    restart: always
  db:
    image: mariadb:10.5
    environment:
      MARIADB_ROOT_PASSWORD: s3cr3t-value
    volumes: ["db-data:/var/lib/mysql"]
volumes:
  wp-content:
  db-data:
`;

describe('POST /v1/architectures/from-compose', () => {
  const app = testApp();

  describe('WordPress with MariaDB', () => {
    let answer: Answer;
    let text: string;
    beforeAll(async () => {
      const response = await postYaml(app, WORDPRESS);
      expect(response.status).toBe(200);
      text = response.text;
      answer = jsonOf(response) as unknown as Answer;
    });

    it('answers the ApplicationArchitecture schema', () => {
      expect(schemaErrors('ApplicationArchitecture', answer)).toEqual([]);
    });

    it('replaces the database container with a managed database and runs the rest', () => {
      expect(answer.managedServices.map((choice) => [choice.service, choice.replacement.id])).toEqual([
        ['db', expect.stringMatching(/mariadb/)],
      ]);
      expect(answer.services.map((service) => service.name)).toEqual(['wordpress']);
      expect(answer.warnings.join('\n')).toMatch(/wordpress depends on db, which becomes/);
      const unpriced = (
        answer as unknown as { monthlyCost: { lines: { item: string; service?: string; monthly: number }[] } }
      ).monthlyCost.lines.find((line) => line.service === 'db');
      expect(unpriced).toMatchObject({
        monthly: 0,
        item: expect.stringMatching(/not priced, not in the total/),
      });
    });

    it('reads the published port as a public HTTP web service and says so', () => {
      const workload = answer.services[0]?.recommendation.workload;
      expect(workload).toMatchObject({
        workloadType: 'web',
        containerPort: 80,
        traffic: { protocol: 'http', exposure: 'public' },
      });
      expect(answer.imported).toContainEqual(
        expect.objectContaining({ service: 'wordpress', field: 'ports[0]', value: '80/tcp as http' }),
      );
    });

    it('never writes a secret value anywhere in the answer, and moves the password to Secrets Manager', () => {
      expect(text).not.toContain('s3cr3t-value');
      expect(answer.services[0]?.recommendation.workload.secrets).toContainEqual({
        name: 'WORDPRESS_DB_PASSWORD',
      });
    });

    it('lists what it did not carry over, with why', () => {
      expect(answer.ignored).toContainEqual(
        expect.objectContaining({ service: 'wordpress', field: 'restart' }),
      );
    });
  });

  it('reads a DNS server on UDP with NET_ADMIN, and a tool that mounts the Docker socket', async () => {
    const response = await postYaml(
      app,
      `services:
  dns:
    image: coredns/coredns:1.11
    ports: ["53:53/udp"]
    cap_add: [NET_ADMIN]
  watchtower:
    image: containrrr/watchtower
    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]
`,
    );
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    const dns = answer.services.find((service) => service.name === 'dns')?.recommendation;
    expect(dns?.workload).toMatchObject({ traffic: { protocol: 'udp' }, containerPort: 53 });
    expect(dns?.workload.control.capabilities).toEqual(['NET_ADMIN']);
    expect(dns?.platform.id).not.toBe('ecs-fargate');
    const watchtower = answer.services.find((service) => service.name === 'watchtower')?.recommendation;
    expect(watchtower?.workload).toMatchObject({ workloadType: 'worker', trigger: { type: 'none' } });
    expect(watchtower?.workload.control.level).toBe('full');
  });

  it("runs a media server on host networking on the host's network, off serverless capacity", async () => {
    const response = await postYaml(
      app,
      'services:\n  plex:\n    image: plexinc/pms-docker\n    network_mode: host\n    volumes: ["./media:/data"]\n',
    );
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    const plex = answer.services[0]?.recommendation;
    expect(plex?.workload.control.hostNetwork).toBe(true);
    // Host networking alone asks for no more control of the hosts than the default.
    expect(plex?.workload.control.level).toBe('standard');
    expect(plex?.platform.id).not.toMatch(/fargate|express|app-runner/);
    expect(answer.imported).toContainEqual(
      expect.objectContaining({ service: 'plex', field: 'network_mode', value: 'host' }),
    );
    expect(answer.warnings.join('\n')).not.toMatch(/set host networking in them yourself/);
    expect(answer.ignored).toContainEqual(expect.objectContaining({ service: 'plex', field: 'volumes[0]' }));
  });

  it('leaves out the services of profiles not activated, and keeps a container marked keep-container', async () => {
    const compose = `services:
  api:
    image: example/api
    expose: ["3000"]
    depends_on: [cache]
  cache:
    image: redis:7
    x-berth: { keep-container: true }
    expose: ["6379"]
  debug:
    image: example/debug
    profiles: [debug]
`;
    const response = await request(app)
      .post('/v1/architectures/from-compose')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ compose }));
    expect(response.status).toBe(200);
    const answer = jsonOf(response) as unknown as Answer;
    expect(answer.services.map((service) => service.name)).toEqual(['api', 'cache']);
    expect(answer.managedServices).toEqual([]);
    expect(answer.ignored).toContainEqual(expect.objectContaining({ service: 'debug', field: 'profiles' }));
    expect(answer.connections).toEqual([expect.objectContaining({ from: 'api', to: 'cache' })]);
    const api = answer.services[0]?.recommendation.workload;
    expect(api).toMatchObject({ traffic: { protocol: 'http', exposure: 'private' }, containerPort: 3000 });
  });

  it('interpolates variables from the request and reports an unset one at its path', async () => {
    const compose = `services:\n  web:\n    image: "nginx:\${TAG}"\n    ports: ["80:80"]\n`;
    const given = await request(app)
      .post('/v1/architectures/from-compose')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ compose, variables: { TAG: '1.27' } }));
    expect(given.status).toBe(200);
    expect((jsonOf(given) as unknown as Answer).services[0]?.recommendation.workload.image).toBe(
      'nginx:1.27',
    );
    const unset = await postYaml(app, compose);
    expect(unset.status).toBe(400);
    expect((jsonOf(unset).errors as { path: string }[])[0]?.path).toBe('services.web.image');
  });

  describe('refuses a file that is not a Compose file with a 400 at the path inside it', () => {
    const cases: { given: string; text: string; path: string }[] = [
      { given: 'text that is not YAML', text: 'services: [unclosed', path: '' },
      { given: 'YAML that is not a Compose file', text: '- just\n- a list\n', path: '' },
      {
        given: 'an unknown key',
        text: 'services:\n  web:\n    image: nginx\n    prots: ["80:80"]\n',
        path: 'services.web.prots',
      },
      {
        given: 'a cycle of depends_on',
        text: 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: y\n    depends_on: [a]\n',
        path: 'services.a.depends_on',
      },
      {
        given: 'a capability no container platform knows',
        text: 'services:\n  a:\n    image: x\n    cap_add: [FLY]\n',
        path: 'services.a.control.capabilities.0',
      },
    ];
    it.each(cases)('$given', async ({ text, path }) => {
      const response = await postYaml(app, text);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      const paths = (jsonOf(response).errors as { path: string }[]).map((error) => error.path);
      expect(paths.some((found) => found === path || found.startsWith(`${path}`))).toBe(true);
    });
  });

  it.each([
    { where: 'in a value', bytes: [0xff, 0xfe] },
    { where: 'cut short in a sequence', bytes: [0xe1, 0x80] },
  ])(
    'refuses bytes that are not UTF-8 ($where) with a 400, instead of replacing them in the file',
    async ({ bytes }) => {
      const body = Buffer.concat([Buffer.from('services:\n  web:\n    image: nginx'), Buffer.from(bytes)]);
      const response = await request(app)
        .post('/v1/architectures/from-compose')
        .set('Content-Type', 'application/yaml')
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      expect(jsonOf(response).errors).toEqual([{ path: '', message: expect.stringContaining('not UTF-8') }]);
    },
  );

  it('refuses a body declared in another charset with 415', async () => {
    const response = await request(app)
      .post('/v1/architectures/from-compose')
      .set('Content-Type', 'application/yaml; charset=latin1')
      .send('services:\n  web:\n    image: nginx\n');
    expect(response.status).toBe(415);
  });

  it('refuses a body neither YAML nor JSON with 415', async () => {
    const response = await request(app)
      .post('/v1/architectures/from-compose')
      .set('Content-Type', 'text/plain')
      .send('x');
    expect(response.status).toBe(415);
  });
});
