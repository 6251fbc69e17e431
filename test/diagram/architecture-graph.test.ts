import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import { type ArchitectureGraph, architectureGraph } from '../../src/diagram/architecture-graph';
import { architectureSourceOf } from '../../src/generators/diagram/architecture-files';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';

/** The graph of a workload on one of the platforms that can run it. */
async function graphOn(platform: PlatformId, body: unknown): Promise<ArchitectureGraph> {
  const input = (await inputsOnEveryEligiblePlatform(body)).find(
    (candidate) => candidate.platform.id === platform,
  );
  if (input === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  return architectureGraph(architectureSourceOf(input));
}

const groupOf = (graph: ArchitectureGraph, id: string) => graph.nodes.find((node) => node.id === id)?.group;
const kinds = (graph: ArchitectureGraph) => graph.nodes.map((node) => node.kind);
const hasEdge = (graph: ArchitectureGraph, from: string, to: string) =>
  graph.edges.some((edge) => edge.from === from && edge.to === to);

describe('architectureGraph', () => {
  describe('when a public web service runs on ECS on Fargate', () => {
    it('puts the load balancer, its listeners and target group in public subnets and the tasks in private ones', async () => {
      const graph = await graphOn('ecs-fargate', webWorkload({ traffic: { protocol: 'https' } }));
      expect(groupOf(graph, 'loadBalancer')).toBe('publicSubnets');
      expect(groupOf(graph, 'listener1')).toBe('publicSubnets');
      expect(groupOf(graph, 'targetGroup')).toBe('publicSubnets');
      expect(groupOf(graph, 'service')).toBe('privateSubnets');
      expect(hasEdge(graph, 'clients', 'loadBalancer') && hasEdge(graph, 'targetGroup', 'service')).toBe(
        true,
      );
    });

    it('draws the repository, the execution and task roles and the stopped-task rule with its log group', async () => {
      const graph = await graphOn('ecs-fargate', webWorkload());
      expect(graph.nodes.filter((node) => node.kind === 'role').map((node) => node.id)).toEqual([
        'roleExecution',
        'roleTask',
      ]);
      expect(kinds(graph)).toEqual(expect.arrayContaining(['repository', 'monitoring-rule', 'log-group']));
      expect(graph.nodes.find((node) => node.id === 'capacity')?.lines[0]).toBe('AWS Fargate');
    });
  });

  describe('when the load balancer is internal', () => {
    it('has no public subnets', async () => {
      const graph = await graphOn('ecs-fargate', webWorkload({ traffic: { exposure: 'private' } }));
      expect(groupOf(graph, 'loadBalancer')).toBe('privateSubnets');
      expect(graph.groups.map((group) => group.id)).not.toContain('publicSubnets');
    });
  });

  describe('when ECS Express Mode runs the service', () => {
    it('runs the tasks in public subnets, behind the load balancer Express Mode manages', async () => {
      const graph = await graphOn('ecs-express-mode', webWorkload({ control: { level: 'minimal' } }));
      expect(groupOf(graph, 'service')).toBe('publicSubnets');
      expect(graph.nodes.find((node) => node.id === 'loadBalancer')?.lines[0]).toMatch(/Express Mode/);
      expect(graph.nodes.map((node) => node.id)).toContain('roleInfrastructure');
    });
  });

  describe('when App Runner runs the service', () => {
    it('draws no VPC: the service and its endpoint are App Runner’s', async () => {
      const graph = await graphOn(
        'app-runner',
        webWorkload({
          control: { level: 'minimal' },
          traffic: { pattern: 'intermittent' },
          existingAppRunnerCustomer: true,
        }),
      );
      expect(graph.groups.map((group) => group.kind)).toEqual(['aws-cloud', 'region']);
      expect(groupOf(graph, 'service')).toBe('region');
    });
  });

  describe('when EKS runs the pods on a managed node group', () => {
    it('draws the cluster, the node group the pods run on and the cluster role', async () => {
      const graph = await graphOn(
        'eks-managed-nodes',
        webWorkload({ control: { kubernetes: 'required', level: 'full' } }),
      );
      expect(graph.nodes.find((node) => node.id === 'platform')?.lines[0]).toMatch(/^Amazon EKS cluster/);
      expect(graph.nodes.find((node) => node.id === 'capacity')?.lines[0]).toBe('EKS managed node group');
      expect(hasEdge(graph, 'roleCluster', 'platform')).toBe(true);
    });
  });

  describe('when a worker reads an SQS queue', () => {
    it('draws the queue polled by the service and its dead-letter queue', async () => {
      const graph = await graphOn(
        'ecs-fargate',
        workerWorkload({ trigger: { type: 'sqs', queueName: 'invoices' } }),
      );
      expect(graph.nodes.find((node) => node.id === 'queue1')?.lines).toEqual([
        'Amazon SQS queue',
        'invoices',
      ]);
      expect(hasEdge(graph, 'queue1', 'service') && hasEdge(graph, 'queue1', 'deadLetterQueue1')).toBe(true);
    });
  });

  describe('when S3 object-created events start the work', () => {
    it('draws the bucket and the EventBridge rule on its Object Created events', async () => {
      const graph = await graphOn(
        'ecs-fargate',
        workerWorkload({ trigger: { type: 's3-object-created', bucket: 'uploads' } }),
      );
      expect(hasEdge(graph, 'bucket1', 'eventRule1')).toBe(true);
      expect(graph.nodes.find((node) => node.id === 'bucket1')?.lines).toEqual([
        'Amazon S3 bucket',
        'uploads',
      ]);
    });
  });

  describe('when a schedule runs a batch job', () => {
    it('draws the EventBridge Scheduler schedule on ECS', async () => {
      const graph = await graphOn(
        'ecs-fargate',
        batchWorkload({ trigger: { type: 'schedule', expression: 'rate(1 hour)' } }),
      );
      expect(graph.nodes.find((node) => node.id === 'schedule1')?.lines).toEqual([
        'EventBridge Scheduler schedule',
        'rate(1 hour)',
      ]);
    });

    it('draws the job queue and its compute environment on AWS Batch', async () => {
      const graph = await graphOn(
        'aws-batch',
        batchWorkload({ trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' } }),
      );
      expect(graph.nodes.find((node) => node.id === 'service')?.lines[0]).toMatch(/^AWS Batch job queue/);
      expect(graph.nodes.find((node) => node.id === 'capacity')?.lines[0]).toBe(
        'AWS Batch compute environment',
      );
      expect(kinds(graph)).toContain('event-rule');
    });
  });

  describe('when the workload keeps files', () => {
    it('draws the file system the service mounts', async () => {
      const graph = await graphOn(
        'ecs-fargate',
        webWorkload({ persistence: { type: 'shared-file', sizeGiB: 20 } }),
      );
      expect(graph.nodes.find((node) => node.id === 'storage')?.lines[0]).toBe('Amazon EFS file system');
      expect(hasEdge(graph, 'service', 'storage')).toBe(true);
    });
  });

  it('names every node and group with an id of its own letters and digits, whatever the request says', async () => {
    const graph = await graphOn('ecs-fargate', webWorkload({ name: 'end', image: 'x"]-->y' }));
    const ids = [...graph.nodes.map((node) => node.id), ...graph.groups.map((group) => group.id)];
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
