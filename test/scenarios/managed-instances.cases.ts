import { webWorkload, workerWorkload } from '../support/workloads';
import { noLoadBalancer, publicHttp, publicHttps, type Scenario, stateless } from './scenarios.cases';

const MANAGED_INSTANCES = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html';
const FARGATE_LIMITS = 'https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-tasks-services.html';
const CLUSTER_TYPES = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html';

/**
 * ECS Managed Instances (issue 10, item 1): where AWS-managed EC2 instances beat Fargate and hosts the team
 * runs, and where they must not win. Each `why` argues from the cited AWS page.
 */
export const managedInstancesScenarios: Scenario[] = [
  {
    name: 'a GPU inference service from a team that wants AWS to run everything',
    why: `Fargate offers no GPUs (${FARGATE_LIMITS}), so the serverless options are out; ECS Managed Instances runs GPU tasks on instances AWS provisions, patches and scales (${MANAGED_INSTANCES}), so control level "minimal" must not land on an Auto Scaling group the team patches (ECS on EC2).`,
    workload: webWorkload({
      name: 'vision',
      traffic: { protocol: 'https' },
      control: { gpu: true, level: 'minimal' },
      resources: { cpu: 4, memoryGiB: 12 },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-vision'],
      blockers: { 'ecs-fargate': /GPU/, 'ecs-express-mode': /GPU/, 'eks-fargate': /GPU/ },
    },
  },
  {
    name: 'the same GPU inference service when cost matters a lot',
    why: `The management fee makes Managed Instances dearer than the same instance on ECS on EC2 (https://aws.amazon.com/ecs/pricing/), but control level "minimal" still must not put a GPU service on hosts the team patches when an AWS-managed option can run it (${CLUSTER_TYPES}: Managed Instances "when you want AWS to handle infrastructure management").`,
    workload: webWorkload({
      name: 'vision',
      traffic: { protocol: 'https' },
      control: { gpu: true, level: 'minimal' },
      cost: { sensitivity: 'high' },
      resources: { cpu: 4, memoryGiB: 12 },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-vision'],
    },
  },
  {
    name: 'a privileged packet-capture agent (it needs NET_ADMIN and raw sockets)',
    why: `Fargate rejects privileged containers and allows no added capability but SYS_PTRACE (${FARGATE_LIMITS}); Managed Instances accepts privileged containers and added Linux capabilities (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-tasks-services.html; AWS closed https://github.com/aws/containers-roadmap/issues/1000 as delivered by it), on hosts AWS runs, which a team at control level "standard" prefers to hosts it patches.`,
    workload: workerWorkload({
      name: 'sniffer',
      control: { privileged: true, kubernetes: 'avoid' },
      trigger: { type: 'sqs' },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'sqs-backlog-per-task',
      triggers: [{ type: 'sqs-queue', queueName: 'sniffer-queue' }],
      capacityProviders: ['managed-instances-sniffer'],
      blockers: { 'ecs-fargate': /privileged/, 'eks-managed-nodes': /wants to avoid/ },
    },
  },
  {
    name: 'a web service that needs a security agent on every host',
    why: `The ECS daemon strategy needs hosts, so Fargate is out (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_services.html); ECS Managed Daemons run exactly one agent task on every managed instance, started before the application's tasks (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-daemons.html), so the agent runs without the team running hosts.`,
    workload: webWorkload({ name: 'ledger', control: { daemons: true, kubernetes: 'avoid' } }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-ledger'],
      blockers: { 'ecs-fargate': /per-host daemons/, 'ecs-express-mode': /per-host/ },
    },
  },
  {
    name: 'a 32 vCPU / 200 GiB analytics service',
    why: `Fargate tasks top out at 16 vCPU and 120 GB (https://docs.aws.amazon.com/AmazonECS/latest/userguide/task-cpu-memory-error.html); Managed Instances offers the full range of EC2 instance types (${MANAGED_INSTANCES}) without the team running them.`,
    workload: webWorkload({
      name: 'olap',
      resources: { cpu: 32, memoryGiB: 200, minTasks: 2, maxTasks: 4 },
      control: { kubernetes: 'avoid' },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-olap'],
      blockers: { 'ecs-fargate': /to 16 vCPU/, 'ecs-express-mode': /to 16 vCPU/ },
    },
  },
  {
    name: 'a steady, busy API where cost matters a lot',
    why: `AWS advises Fargate for unpredictable or variable load and Managed Instances for cost-effective compute (${CLUSTER_TYPES}); at steady load whole instances stay busy, an m7i.large (2 vCPU / 8 GiB, https://aws.amazon.com/ec2/instance-types/m7i/) holds each 2 vCPU / 7.5 GiB task that Fargate bills as 8 GB, and EC2 Instance Savings Plans cover the instances but not Fargate (https://aws.amazon.com/savingsplans/faq/).`,
    workload: webWorkload({
      name: 'quotes',
      cost: { sensitivity: 'high' },
      control: { architecture: 'x86_64', kubernetes: 'avoid' },
      resources: { cpu: 2, memoryGiB: 7.5, minTasks: 10, maxTasks: 20 },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['managed-instances-quotes'],
    },
  },
  {
    name: 'a small web API with default settings, where Managed Instances could run it',
    why: `One small task leaves most of a whole instance idle, while Fargate bills only the task's vCPU and memory and needs no hosts at all (${CLUSTER_TYPES}: Fargate "to minimize operational overhead"); the default web service stays serverless.`,
    workload: webWorkload({ name: 'notes' }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
    },
  },
  {
    name: 'a Windows web service (ASP.NET on IIS)',
    why: `Managed Instances runs Linux containers only (${MANAGED_INSTANCES}), so it must not win; Fargate runs Windows Server containers on x86_64 at 1 to 4 vCPU (https://docs.aws.amazon.com/AmazonECS/latest/userguide/fargate-capacity-providers.html).`,
    workload: webWorkload({
      name: 'intranet',
      control: { os: 'windows', kubernetes: 'avoid' },
      resources: { cpu: 1, memoryGiB: 2 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'ecs-managed-instances': /no Windows managed instances/ },
    },
  },
  {
    name: 'a GPU service whose team needs its own AMI and host access',
    why: `Managed Instances allows no custom AMI and no SSH or Session Manager access (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-shared-model-managed-instances.html), so control level "full" rules it out with that reason; ECS on EC2 runs GPU tasks on an AMI the team chooses (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html).`,
    workload: webWorkload({
      name: 'render',
      control: { gpu: true, level: 'full', kubernetes: 'avoid' },
    }),
    want: {
      platform: 'ecs-ec2',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      capacityProviders: ['render-ec2'],
      blockers: {
        'ecs-managed-instances': /control level "full" requires\. AWS owns the instances' software/,
      },
    },
  },
];
