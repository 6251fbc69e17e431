import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { WorkloadRequest } from '../../src/contract/workload';
import { ecsSteps } from '../../src/generators/families/ecs/api-files';
import { type EcsPlan, ecsPlan } from '../../src/generators/families/ecs/plan';
import { reference } from '../../src/generators/plan/reference';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';

/** The ECS plan of a workload on the given platform (not necessarily the recommended one). */
async function planOn(body: WorkloadRequest, platform: PlatformId): Promise<EcsPlan> {
  const input = (await inputsOnEveryEligiblePlatform(body)).find(
    (candidate) => candidate.platform.id === platform,
  );
  if (input === undefined) throw new Error(`${platform} cannot run ${JSON.stringify(body)}`);
  return ecsPlan(input);
}

describe('the ECS plan', () => {
  describe('when a worker consumes an SQS queue', () => {
    const body = workerWorkload({ name: 'jobs', trigger: { type: 'sqs', queueName: 'jobs' } });

    it('links the container to the queue it creates, by reference', async () => {
      const plan = await planOn(body, 'ecs-fargate');
      expect(plan.taskDefinition.container.environment).toEqual([
        { name: 'QUEUE_NAME', value: reference('workload-queue', 'name', 'jobs') },
      ]);
    });

    it('links the task role statement on the queue to the queue it creates', async () => {
      const plan = await planOn(body, 'ecs-fargate');
      const taskRole = plan.roles.find((role) => role.key === 'role:taskRole');
      expect(taskRole?.statements.flatMap((statement) => statement.resources)).toContainEqual(
        expect.objectContaining({ kind: 'reference', to: 'workload-queue', attribute: 'arn' }),
      );
    });
  });

  describe('when the load balancer is internal', () => {
    const body = webWorkload({ name: 'ledger', traffic: { protocol: 'https', exposure: 'private' } });

    it("admits only the VPC's own addresses to the listeners", async () => {
      const plan = await planOn(body, 'ecs-fargate');
      expect(plan.loadBalancer?.clients).toBe('vpc');
    });

    it("opens the listener ports to the VPC's CIDR in the README's steps", async () => {
      const steps = ecsSteps(await planOn(body, 'ecs-fargate')).join('\n');
      expect(steps).toContain('authorize-security-group-ingress');
      expect(steps).toContain('--port 443 --cidr <vpc-cidr>');
      expect(steps).not.toContain('0.0.0.0/0');
    });
  });

  describe('when the load balancer is internet-facing', () => {
    it('admits anyone to the listeners', async () => {
      const plan = await planOn(webWorkload({ traffic: { protocol: 'https' } }), 'ecs-fargate');
      expect(plan.loadBalancer?.clients).toBe('anywhere');
      expect(ecsSteps(plan).join('\n')).toContain('--port 443 --cidr 0.0.0.0/0');
    });
  });

  describe('when the platform is Fargate', () => {
    it('plans no EC2 capacity and places tasks on the LATEST platform version', async () => {
      const plan = await planOn(webWorkload(), 'ecs-fargate');
      expect(plan.capacity).toBeNull();
      expect(plan.placement.platformVersion).toBe('LATEST');
    });
  });

  describe('when the platform is EC2', () => {
    it('places tasks on the capacity provider it creates, by reference', async () => {
      const plan = await planOn(webWorkload(), 'ecs-ec2');
      expect(plan.placement.strategy.map((item) => item.capacityProvider)).toEqual([
        reference('capacity-provider', 'name', 'app-ec2'),
      ]);
      expect(plan.capacity?.provider.name).toBe('app-ec2');
    });
  });

  describe('when a batch job runs on a schedule', () => {
    it('plans no service, and a schedule whose role is among the plan roles', async () => {
      const plan = await planOn(
        batchWorkload({ trigger: { type: 'schedule', expression: 'rate(1 hour)' } }),
        'ecs-fargate',
      );
      expect(plan.service).toBeNull();
      expect(plan.schedule?.expression).toBe('rate(1 hour)');
      expect(plan.roles.map((role) => role.name)).toContain('app-scheduler');
    });
  });
});
