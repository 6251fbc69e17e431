import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import YAML from 'yaml';
import { templateFile } from '../../src/generators/cloudformation/template';
import { yamlDocumentsFile } from '../../src/generators/shared/serialize';
import { PROJECT_ROOT } from '../../src/project-paths';
import { startersOnEveryEligiblePlatform } from '../support/starter-corpus';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';

/**
 * Strings YAML 1.1 (CloudFormation's and cfn-lint's PyYAML, the go-yaml v2 under kubectl) or YAML 1.2
 * would read as something else when written plain: booleans, nulls, numbers in every base, dates, merge
 * and value keys.
 */
const AWKWARD = [
  'on',
  'off',
  'yes',
  'no',
  'y',
  'n',
  'Y',
  'N',
  'On',
  'YES',
  'true',
  'False',
  'null',
  'Null',
  '~',
  '',
  '0755',
  '0o17',
  '0x1F',
  '0b101',
  '1_000',
  '1e3',
  '1.10',
  '.5',
  '+1',
  '-0',
  '.inf',
  '-.Inf',
  '.nan',
  '12:30:45',
  '190:20:30',
  '2010-09-09',
  '2001-12-14t21:59:43.10-05:00',
  '<<',
  '=',
  '-',
  '?',
  '#x',
  '@x',
  '`x',
  '%x',
  'a: b',
  'a #b',
  ' x',
  'x ',
];

/** Every text's documents as PyYAML reads them: the YAML 1.1 reader cfn-lint uses. */
function readWithPyYaml(texts: readonly string[]): unknown[][] {
  const run = spawnSync('python3', [join(PROJECT_ROOT, 'scripts', 'read-yaml-1-1.py')], {
    input: JSON.stringify(texts),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.error !== undefined) throw run.error;
  if (run.status !== 0) throw new Error(`read-yaml-1-1.py exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as unknown[][];
}

/** The readers of YAML 1.2: js-yaml and yaml, both on their default (core) schema. */
const YAML_1_2_READERS: Record<string, (text: string) => unknown[]> = {
  'js-yaml': (text) => loadAll(text),
  yaml: (text) => YAML.parseAllDocuments(text).map((document) => document.toJS()),
};

function stringLeaves(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringLeaves(item, into);
  else if (value !== null && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      stringLeaves(item, into);
    }
  return into;
}

describe('the YAML starter files', () => {
  describe('when a string would mean something else to a YAML 1.1 or 1.2 reader', () => {
    const value = {
      values: AWKWARD,
      keys: Object.fromEntries(AWKWARD.filter((text) => text !== '').map((text) => [text, text])),
      shared: { requests: { cpu: '1.10' }, limits: { cpu: '1.10' } },
    };
    const texts = [
      yamlDocumentsFile('eks/manifests.yaml', [value, value], 'Two documents.').content,
      templateFile(
        {
          AWSTemplateFormatVersion: '2010-09-09',
          Description: 'on',
          Parameters: {},
          Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: value } },
          Outputs: {},
        },
        'A template.',
      ).content,
    ];

    it('writes it so that PyYAML reads back the same string', () => {
      const [manifests, template] = readWithPyYaml(texts);
      expect(manifests).toEqual([value, value]);
      expect(template).toEqual([
        expect.objectContaining({
          AWSTemplateFormatVersion: '2010-09-09',
          Description: 'on',
          Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: value } },
        }),
      ]);
    });

    it.each(Object.keys(YAML_1_2_READERS))('writes it so that %s reads back the same string', (reader) => {
      const read = YAML_1_2_READERS[reader];
      if (read === undefined) throw new Error(`no reader ${reader}`);
      expect(read(texts[0] ?? '')).toEqual([value, value]);
      expect(read(texts[1] ?? '')).toEqual([
        expect.objectContaining({ Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: value } } }),
      ]);
    });

    it('writes shared objects out in full, without anchors or aliases, one document marker per document', () => {
      const [manifests = '', template = ''] = texts;
      expect(manifests).not.toMatch(/[&*]ref_/);
      expect(manifests.match(/^---$/gm)).toHaveLength(2);
      expect(template).not.toMatch(/^---$/m);
    });
  });

  describe('when the request holds such strings', () => {
    const corpus = [
      {
        label: 'a web service named on, image tag 1.10',
        body: webWorkload({ name: 'on', image: '1.10' }),
        strings: ['on', '1.10'],
      },
      {
        label: 'a queue worker named yes, queue 0755, image 2010-09-09',
        body: workerWorkload({
          name: 'yes',
          image: '2010-09-09',
          trigger: { type: 'sqs', queueName: '0755' },
          control: { kubernetes: 'required' },
        }),
        strings: ['yes', '2010-09-09', '0755'],
      },
      {
        label: 'a batch job named y on objects under the prefix 1e3 of the bucket 123, image ~',
        body: batchWorkload({
          name: 'y',
          image: '~',
          trigger: { type: 's3-object-created', bucket: '123', prefix: '1e3' },
        }),
        strings: ['y', '~', '1e3', '123'],
      },
    ];

    it.each(corpus)(
      'keeps them strings in every YAML file of $label, on every platform that can run it',
      async ({ body, strings }) => {
        const starters = await startersOnEveryEligiblePlatform([{ label: 'awkward', body }]);
        const files = starters.flatMap(({ files }) =>
          files.filter((file) => file.mediaType === 'application/yaml'),
        );
        expect(files.length).toBeGreaterThan(0);
        const texts = files.map((file) => file.content);
        const read = readWithPyYaml(texts);
        const leaves = new Set<string>();
        texts.forEach((text, index) => {
          const documents = read[index];
          for (const readYaml12 of Object.values(YAML_1_2_READERS))
            expect(readYaml12(text)).toEqual(documents);
          stringLeaves(documents, leaves);
        });
        for (const text of strings) expect(leaves).toContain(text);
      },
    );
  });
});
