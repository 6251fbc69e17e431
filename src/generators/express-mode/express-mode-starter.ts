import type { PlatformStarter, StarterConfigInput } from '../shared/starter-file';
import {
  monitoringLogGroupName,
  taskStoppedRuleFile,
  taskStoppedRuleSteps,
} from '../shared/task-stopped-rule';
import { expressGatewayServiceFile } from './express-gateway-service';

/** The files for ECS Express Mode: one call creates the whole service, plus the stopped-task rule. */
export function expressModeStarter(input: StarterConfigInput): PlatformStarter {
  const { workload, design } = input;
  const starter: PlatformStarter = {
    files: [expressGatewayServiceFile(input)],
    supportingRoles: [],
    steps: [
      'Create the service (Express Mode creates the default cluster, load balancer, certificate, scaling and log group): `aws ecs create-express-gateway-service --cli-input-json file://ecs/express-gateway-service.json`',
    ],
    notes: [
      design.loadBalancer.scheme === 'internal'
        ? 'The service is private: Express Mode places its load balancer in the subnets you list, so list private subnets.'
        : 'Without a networkConfiguration Express Mode uses the default VPC and its public subnets for the load balancer.',
    ],
  };
  const monitoring = design.monitoring[0];
  if (monitoring !== undefined) {
    starter.files.push(taskStoppedRuleFile('ecs/task-stopped-rule.json', monitoring, workload.region));
    starter.steps.push(
      ...taskStoppedRuleSteps(monitoringLogGroupName(monitoring), 'ecs/task-stopped-rule.json'),
    );
  }
  return starter;
}
