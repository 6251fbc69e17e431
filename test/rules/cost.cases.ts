import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { DOES_NOT_FIRE, type PlatformFitCase, type Scores } from './rule-case';

/**
 * Ten to thirty 1 vCPU / 3.5 GiB queue workers: two fill an m7i.large while Fargate bills each at its 1 vCPU /
 * 4 GB size, so EC2 instances undercut Fargate by about 14%.
 */
const smallWorkers = (sensitivity: 'low' | 'medium' | 'high') =>
  workerWorkload({
    cost: { sensitivity },
    resources: { cpu: 1, memoryGiB: 3.5, minTasks: 10, maxTasks: 30 },
  });

/**
 * Ten to twenty steady 2 vCPU / 7.5 GiB API tasks: packed on whole instances, Managed Instances price within
 * 15% of the cheapest option (ECS on EC2) and below Fargate's per-task sizes.
 */
const steadyApi = webWorkload({
  cost: { sensitivity: 'high' },
  resources: { cpu: 2, memoryGiB: 7.5, minTasks: 10, maxTasks: 20 },
});
/** The default small web service where cost matters a lot: whole instances cost far more than Fargate. */
const steadyAndCostly = webWorkload({ cost: { sensitivity: 'high' } });

export const costCases: PlatformFitCase<Scores>[] = [
  // Whole instances pay off under steady load when they price near the cheapest option
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/clusters.html; https://aws.amazon.com/savingsplans/faq/).
  {
    given: 'a web service with steady load where cost matters a lot',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: steadyApi,
    platform: 'ecs-managed-instances',
    want: { points: 25 },
  },
  {
    given: 'a queue worker with steady load where cost matters a lot',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: workerWorkload({
      cost: { sensitivity: 'high' },
      resources: { cpu: 2, memoryGiB: 7.5, minTasks: 10, maxTasks: 20 },
    }),
    platform: 'ecs-managed-instances',
    want: { points: 25 },
  },
  {
    given: 'a web service with steady load where cost matters a lot, on serverless compute',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: steadyAndCostly,
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service with steady load where cost matters a lot, on hosts the team runs',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: steadyAndCostly,
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service with spiky load where cost matters a lot',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: webWorkload({ cost: { sensitivity: 'high' }, traffic: { pattern: 'spiky' } }),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service with steady load where cost matters somewhat',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: webWorkload(),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a batch job where cost matters a lot',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: batchWorkload({ cost: { sensitivity: 'high' } }),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a small web service with steady load where cost matters a lot, and whole instances cost far more',
    rule: 'steady-load-at-high-cost-sensitivity-favours-whole-instances',
    workload: steadyAndCostly,
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'cost matters a lot and EC2 is the cheapest option',
    rule: 'high-cost-sensitivity-favours-the-cheapest',
    workload: smallWorkers('high'),
    platform: 'ecs-ec2',
    want: { points: 20 },
  },
  {
    given: 'cost matters a lot and Fargate costs over 10% more than EC2',
    rule: 'high-cost-sensitivity-favours-the-cheapest',
    workload: smallWorkers('high'),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'cost matters a lot and Fargate costs over 10% more than EC2',
    rule: 'high-cost-sensitivity-penalises-dearer-platforms',
    workload: smallWorkers('high'),
    platform: 'ecs-fargate',
    want: { points: -5 },
  },
  {
    given: 'cost matters a lot and EC2 is the cheapest option',
    rule: 'high-cost-sensitivity-penalises-dearer-platforms',
    workload: smallWorkers('high'),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'cost matters a lot and EKS adds its control plane to the EC2 bill',
    rule: 'high-cost-sensitivity-penalises-much-dearer-platforms',
    workload: smallWorkers('high'),
    platform: 'eks-managed-nodes',
    want: { points: -15 },
  },
  {
    given: 'cost hardly matters and EKS costs half again as much',
    rule: 'high-cost-sensitivity-penalises-much-dearer-platforms',
    workload: smallWorkers('low'),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'cost matters somewhat and EC2 is the cheapest option',
    rule: 'medium-cost-sensitivity-favours-the-cheapest',
    workload: smallWorkers('medium'),
    platform: 'ecs-ec2',
    want: { points: 3 },
  },
  {
    given: 'cost hardly matters and EC2 is the cheapest option',
    rule: 'medium-cost-sensitivity-favours-the-cheapest',
    workload: smallWorkers('low'),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'cost matters somewhat and EKS on Fargate costs more than twice Express Mode',
    rule: 'medium-cost-sensitivity-penalises-twice-the-cost',
    workload: webWorkload(),
    platform: 'eks-fargate',
    want: { points: -3 },
  },
  {
    given: 'cost matters somewhat and Fargate costs less than twice Express Mode',
    rule: 'medium-cost-sensitivity-penalises-twice-the-cost',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
];
