import YAML from 'yaml';
import { PLACEHOLDERS } from '../../src/generators/shared/placeholders';
import { at, fileAt, jsonAt, recommend, starterFiles, yamlDocumentsAt } from './support/starter';

/** One request body per platform. */
const PLATFORMS: { platform: string; body: Record<string, unknown> }[] = [
  { platform: 'ecs-fargate', body: { workloadType: 'web' } },
  { platform: 'ecs-express-mode', body: { workloadType: 'web', control: { level: 'minimal' } } },
  { platform: 'ecs-ec2', body: { workloadType: 'web', control: { gpu: true, level: 'full' } } },
  { platform: 'ecs-managed-instances', body: { workloadType: 'web', control: { gpu: true } } },
  { platform: 'eks-auto-mode', body: { workloadType: 'web', control: { kubernetes: 'required' } } },
  {
    platform: 'eks-managed-nodes',
    body: { workloadType: 'web', control: { kubernetes: 'required', os: 'windows' } },
  },
  {
    platform: 'eks-self-managed-nodes',
    body: { workloadType: 'web', control: { kubernetes: 'required', level: 'full' } },
  },
  {
    platform: 'eks-fargate',
    body: { workloadType: 'web', control: { kubernetes: 'required' }, cost: { sensitivity: 'high' } },
  },
  {
    platform: 'app-runner',
    body: {
      workloadType: 'web',
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
      existingAppRunnerCustomer: true,
    },
  },
];

const MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  yaml: 'application/yaml',
  md: 'text/markdown',
  drawio: 'application/vnd.jgraph.mxfile',
};

/**
 * Valid by the request schema, and full of characters that mean something in JSON, YAML or a shell. The
 * image starts with a YAML indicator, so YAML has to quote it too (a quote inside a plain scalar is fine as is).
 */
const HOSTILE_PREFIX = `in"x'/#:{a}[b]&*!|>%@\`---`;
const HOSTILE_IMAGE = `'team"x/app:1#{}`;
const HOSTILE_RESOURCE = `arn:aws:s3:::a.b-c/"quoted'*`;

describe('Starter configuration', () => {
  describe.each(PLATFORMS)('when the platform is $platform', ({ platform, body }) => {
    it('is the platform the body is meant to reach', async () => {
      expect((await recommend(body)).platform.id).toBe(platform);
    });

    it('includes the IAM roles, the ECR repository and a README', async () => {
      const paths = (await starterFiles(body)).map((file) => file.path);
      expect(paths).toEqual(expect.arrayContaining(['iam/roles.json', 'ecr/repository.json', 'README.md']));
    });

    it('lists the files sorted by path, each with the media type of its extension', async () => {
      const files = await starterFiles(body);
      const paths = files.map((file) => file.path);
      expect(paths).toEqual([...paths].sort());
      for (const file of files) expect(file.mediaType).toBe(MEDIA_TYPES[file.path.split('.').pop() ?? '']);
    });

    it('gives the same bytes for the same input', async () => {
      expect(await starterFiles(body)).toEqual(await starterFiles(body));
    });

    it('explains in the README every placeholder the files use, and how to apply each file', async () => {
      const files = await starterFiles(body);
      const readme = fileAt(files, 'README.md').content;
      const used = Object.values(PLACEHOLDERS).filter((placeholder) =>
        files.some((file) => file.path !== 'README.md' && file.content.includes(placeholder)),
      );
      expect(used).toContain('<account-id>');
      for (const placeholder of used) expect(readme).toContain(`- \`${placeholder}\`: `);
      for (const file of files.filter((candidate) => candidate.path !== 'README.md'))
        expect(readme).toContain(file.path);
    });

    it('writes JSON that round-trips and YAML that parses', async () => {
      for (const file of await starterFiles(body)) {
        if (file.mediaType === 'application/json')
          expect(`${JSON.stringify(JSON.parse(file.content), null, 2)}\n`).toBe(file.content);
        if (file.mediaType === 'application/yaml') {
          for (const document of YAML.parseAllDocuments(file.content)) expect(document.errors).toEqual([]);
        }
      }
    });
  });

  describe('when the request holds values that mean something in JSON, YAML or a shell', () => {
    const batchBody = {
      workloadType: 'batch',
      trigger: { type: 's3-object-created', bucket: 'a.b-c', prefix: HOSTILE_PREFIX },
      image: HOSTILE_IMAGE,
      awsAccess: [{ service: 's3', resource: HOSTILE_RESOURCE, access: 'read' }],
    };
    // A team that wants AWS to run everything keeps the job on ECS on Fargate.
    const ecsBody = { ...batchBody, control: { level: 'minimal' } };
    const eksBody = { ...batchBody, control: { kubernetes: 'required', level: 'minimal' } };

    it.each([
      { platform: 'ECS', body: ecsBody },
      { platform: 'EKS', body: eksBody },
      { platform: 'AWS Batch', body: batchBody },
    ])('never writes them unescaped into a $platform config file', async ({ body }) => {
      const files = (await starterFiles(body)).filter((file) => file.mediaType !== 'text/markdown');
      expect(files.map((file) => file.mediaType)).toEqual(expect.arrayContaining(['application/json']));
      for (const file of files) {
        const values =
          file.mediaType === 'application/json'
            ? [HOSTILE_PREFIX, HOSTILE_IMAGE, HOSTILE_RESOURCE]
            : [HOSTILE_IMAGE];
        for (const value of values) expect(file.content).not.toContain(value);
      }
    });

    it('keeps them intact through the JSON files', async () => {
      const files = await starterFiles(ecsBody);
      const rule = jsonAt<{ putRule: { EventPattern: string } }>(files, 'ecs/s3-event-rule.json');
      expect(JSON.parse(rule.putRule.EventPattern)).toMatchObject({
        detail: { bucket: { name: ['a.b-c'] }, object: { key: [{ prefix: HOSTILE_PREFIX }] } },
      });
      expect(at(jsonAt(files, 'ecs/task-definition.json'), 'containerDefinitions', 0, 'image')).toBe(
        HOSTILE_IMAGE,
      );
      expect(fileAt(files, 'iam/roles.json').content).toContain(JSON.stringify(HOSTILE_RESOURCE));
    });

    it('keeps them intact through the AWS Batch JSON files', async () => {
      const files = await starterFiles(batchBody);
      const rule = jsonAt<{ putRule: { EventPattern: string } }>(files, 'batch/s3-event-rule.json');
      expect(JSON.parse(rule.putRule.EventPattern)).toMatchObject({
        detail: { bucket: { name: ['a.b-c'] }, object: { key: [{ prefix: HOSTILE_PREFIX }] } },
      });
      expect(at(jsonAt(files, 'batch/job-definition.json'), 'containerProperties', 'image')).toBe(
        HOSTILE_IMAGE,
      );
      expect(fileAt(files, 'iam/roles.json').content).toContain(JSON.stringify(HOSTILE_RESOURCE));
    });

    it('keeps them intact through the YAML files', async () => {
      const documents = yamlDocumentsAt(await starterFiles(eksBody), 'eks/manifests.yaml');
      const images = documents
        .map((document) => at(document, 'spec', 'template', 'spec', 'containers', 0, 'image'))
        .filter(Boolean);
      expect(images).toEqual([HOSTILE_IMAGE]);
    });
  });
});
