import { getAtt, join, ref } from '../../src/generators/cloudformation/intrinsics';
import { apiValue, type PlanValue, reference } from '../../src/generators/plan/reference';
import { designedRoles } from '../../src/generators/plan/roles/plan';
import { StackReferences } from '../../src/generators/plan/stack-references';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { workerWorkload } from '../support/workloads';

const QUEUE_ARN = 'arn:aws:sqs:eu-west-1:*:jobs';

describe('plan references', () => {
  const queue = reference('workload-queue', 'arn', QUEUE_ARN);

  describe('when the API files render a plan value', () => {
    it.each<[string, PlanValue, string]>([
      ['text', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/*'],
      ['a reference', queue, QUEUE_ARN],
    ])('writes %s as the value it carries', (_, value, want) => {
      expect(apiValue(value)).toBe(want);
    });
  });

  describe('when the template renders a plan value', () => {
    const references = new StackReferences();
    references.provide('workload-queue', { arn: getAtt('Queue', 'Arn') });
    references.provide('trigger-bucket', {
      arn: join('', ['arn:', ref('AWS::Partition'), ':s3:::', ref('Bucket')]),
    });

    it('writes text as it is', () => {
      expect(references.value('plain')).toBe('plain');
    });

    it('resolves a reference to the attribute the created resource provides', () => {
      expect(references.value(queue)).toEqual(getAtt('Queue', 'Arn'));
    });

    it('appends a suffix inside a join on the empty string', () => {
      expect(references.resolve(reference('trigger-bucket', 'arn', 'x', '/in/*'))).toEqual(
        join('', ['arn:', ref('AWS::Partition'), ':s3:::', ref('Bucket'), '/in/*']),
      );
    });

    it('refuses a reference to a resource the template does not create', () => {
      expect(() => references.resolve(reference('file-system', 'arn', 'x'))).toThrow(
        'the template refers to the arn of file-system, which it does not create',
      );
    });

    it('refuses a second resource under the same key', () => {
      expect(() => references.provide('workload-queue', { arn: 'again' })).toThrow(
        'two template resources provide workload-queue',
      );
    });
  });

  describe('when the design marks a role statement as granting access to the workload queue', () => {
    const body = workerWorkload({ name: 'jobs', trigger: { type: 'sqs', queueName: 'jobs' } });

    async function taskRoleResources(creates: ReadonlySet<'workload-queue'>): Promise<PlanValue[]> {
      const [input] = await inputsOnEveryEligiblePlatform(body);
      if (input === undefined) throw new Error('no platform runs the body');
      const taskRole = designedRoles(input, creates, { namespace: 'jobs', name: 'jobs' }).find(
        (role) => role.key === 'role:taskRole',
      );
      return taskRole?.statements.flatMap((statement) => statement.resources) ?? [];
    }

    it('links the statement to the queue the family creates', async () => {
      expect(await taskRoleResources(new Set(['workload-queue']))).toContainEqual(
        reference('workload-queue', 'arn', 'arn:aws:sqs:us-east-1:*:jobs'),
      );
    });

    it('keeps the designed text when the family does not create the queue', async () => {
      expect(await taskRoleResources(new Set())).toContain('arn:aws:sqs:us-east-1:*:jobs');
    });
  });
});
