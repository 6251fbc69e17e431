import fc from 'fast-check';
import { validateWorkload } from '../../src/contract/workload';
import { batchRequestWithRunLength, validWorkloadRequest } from '../properties/arbitraries';
import { schemaErrors } from '../support/openapi-validator';

/**
 * openapi.yaml's WorkloadRequest and the zod schema at the edge must accept the same bodies (apart from the
 * cross-field rules, which the spec states in prose): a client that validates against the published
 * schema must not be surprised by a 400, and the server must not accept what the spec forbids.
 */

const specAccepts = (body: unknown) => schemaErrors('WorkloadRequest', body).length === 0;
const serverAccepts = (body: unknown) => validateWorkload(body).ok;

const cases: { given: string; body: unknown }[] = [
  {
    given: 'minTasks equal to maxTasks',
    body: { workloadType: 'web', resources: { minTasks: 20, maxTasks: 20 } },
  },
  { given: 'the largest task', body: { workloadType: 'batch', resources: { cpu: 192, memoryGiB: 1536 } } },
  { given: 'a name with capitals', body: { workloadType: 'web', name: 'Orders' } },
  { given: 'a name 41 characters long', body: { workloadType: 'web', name: `a${'b'.repeat(40)}` } },
  { given: 'less than a quarter vCPU', body: { workloadType: 'web', resources: { cpu: 0.1 } } },
  {
    given: '51 awsAccess entries',
    body: {
      workloadType: 'web',
      awsAccess: Array.from({ length: 51 }, () => ({ service: 's3', resource: '*', access: 'read' })),
    },
  },
  { given: 'a fractional sizeGiB', body: { workloadType: 'web', persistence: { sizeGiB: 1.5 } } },
  {
    given: 'the most scratch disk',
    body: { workloadType: 'batch', resources: { ephemeralStorageGiB: 4096 } },
  },
  {
    given: 'more scratch disk than 4 TiB',
    body: { workloadType: 'batch', resources: { ephemeralStorageGiB: 4097 } },
  },
  { given: 'no scratch disk at all', body: { workloadType: 'batch', resources: { ephemeralStorageGiB: 0 } } },
  {
    given: 'a fractional scratch disk',
    body: { workloadType: 'web', resources: { ephemeralStorageGiB: 20.5 } },
  },
  {
    given: 'more than ten million requests a second',
    body: { workloadType: 'web', traffic: { requestsPerSecond: 20_000_000 } },
  },
  {
    given: 'added capabilities ECS names',
    body: { workloadType: 'web', control: { capabilities: ['NET_ADMIN', 'SYS_PTRACE'] } },
  },
  { given: 'a worker fed by no queue', body: { workloadType: 'worker', trigger: { type: 'none' } } },
  { given: "the host's network", body: { workloadType: 'web', control: { hostNetwork: true } } },
  { given: 'host networking as text', body: { workloadType: 'web', control: { hostNetwork: 'yes' } } },
  { given: 'no added capability', body: { workloadType: 'web', control: { capabilities: [] } } },
  {
    given: 'a capability with the CAP_ prefix',
    body: { workloadType: 'web', control: { capabilities: ['CAP_NET_ADMIN'] } },
  },
  {
    given: 'a lowercase capability',
    body: { workloadType: 'web', control: { capabilities: ['net_admin'] } },
  },
  {
    given: 'the same capability twice',
    body: { workloadType: 'web', control: { capabilities: ['NET_RAW', 'NET_RAW'] } },
  },
  {
    given: 'a batch run length of 90 minutes',
    body: { workloadType: 'batch', resources: { expectedRunMinutes: 90 } },
  },
  {
    given: 'a batch run length of no time at all',
    body: { workloadType: 'batch', resources: { expectedRunMinutes: 0 } },
  },
  {
    given: 'a batch run length longer than a month',
    body: { workloadType: 'batch', resources: { expectedRunMinutes: 50_000 } },
  },
  {
    given: 'a rate in weeks',
    body: { workloadType: 'batch', trigger: { type: 'schedule', expression: 'rate(2 weeks)' } },
  },
  {
    given: 'a five-field cron',
    body: { workloadType: 'batch', trigger: { type: 'schedule', expression: 'cron(0 2 * * *)' } },
  },
  {
    given: 'an S3 prefix with a space',
    body: {
      workloadType: 'worker',
      trigger: { type: 's3-object-created', bucket: 'uploads', prefix: 'my files/' },
    },
  },
  {
    given: 'an image reference with a space',
    body: { workloadType: 'web', image: 'my image' },
  },
  {
    given: 'an ARN without region and account segments',
    body: {
      workloadType: 'web',
      awsAccess: [{ service: 'sqs', resource: 'arn:aws:sqs:orders', access: 'read' }],
    },
  },
];

describe('WorkloadRequest in openapi.yaml and the zod schema', () => {
  describe.each(cases)('given $given', ({ body }) => {
    it('accept or reject the body alike', () => {
      expect(serverAccepts(body)).toBe(specAccepts(body));
    });
  });

  it('agree that every body the server accepts is a valid WorkloadRequest', () => {
    fc.assert(
      fc.property(fc.oneof(validWorkloadRequest, batchRequestWithRunLength), (body) => {
        expect(serverAccepts(body)).toBe(true);
        expect(schemaErrors('WorkloadRequest', body)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
