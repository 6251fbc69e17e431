/**
 * The platform ids the public contract (api-contract.md) lists, written out here rather than imported from
 * src/, so that tests notice if the code's catalogue ever drifts from the contract.
 */
export const CONTRACT_PLATFORM_IDS = [
  'ecs-fargate',
  'ecs-ec2',
  'eks-managed-nodes',
  'eks-self-managed-nodes',
  'eks-fargate',
  'app-runner',
  'ecs-express-mode',
  'aws-batch',
  'ecs-managed-instances',
  'eks-auto-mode',
] as const;
