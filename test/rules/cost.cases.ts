import { webWorkload, workerWorkload } from '../support/workloads';
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

export const costCases: PlatformFitCase<Scores>[] = [
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
