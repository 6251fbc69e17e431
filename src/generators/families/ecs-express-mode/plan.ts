import type { ExpressGatewayServiceScalingMetric } from '@aws-sdk/client-ecs';
import type { StatementResourceRef } from '../../../design/design-draft';
import { containerEnvironmentPlan } from '../../plan/container-environment/plan';
import { type Reference, reference } from '../../plan/reference';
import { registryPlan } from '../../plan/registry/plan';
import { designedRoles, roleKey } from '../../plan/roles/plan';
import { type TaskStoppedRulePlan, taskStoppedRulePlan } from '../../plan/task-stopped-rule/plan';
import { iamRoleArn } from '../../shared/placeholders';
import type { StarterConfigInput } from '../../shared/starter-file';
import { taskUnits } from '../../shared/task-size';
import type { StarterPlan } from '../family-unit';
import { NOTES } from './steps';

const SCALING_METRICS: ReadonlySet<string> = new Set<ExpressGatewayServiceScalingMetric>([
  'AVERAGE_CPU',
  'AVERAGE_MEMORY',
  'REQUEST_COUNT_PER_TARGET',
]);

function isScalingMetric(metric: string | undefined): metric is ExpressGatewayServiceScalingMetric {
  return metric !== undefined && SCALING_METRICS.has(metric);
}

/**
 * One Express Mode service: Express Mode builds the load balancer, certificate, scaling, log group and
 * alarms from it, in the subnets given (private subnets make its load balancer internal).
 */
export interface ExpressGatewayServicePlan {
  name: string;
  cluster: string;
  executionRole: Reference;
  infrastructureRole: Reference;
  taskRole: Reference;
  healthCheckPath?: string;
  /** The image the API files name; the stack takes it as its ImageUri parameter, defaulting to the request's. */
  imageUri: string;
  imageFromRequest: string | undefined;
  containerPort?: number;
  logGroup: { name: string; streamPrefix: string };
  /** Always set: the Developer Guide and the API reference disagree on their defaults. */
  cpu: string;
  memory: string;
  scaling: {
    minTaskCount: number;
    maxTaskCount: number;
    metric: ExpressGatewayServiceScalingMetric;
    targetValue: number;
  };
  internal: boolean;
  environment: { name: string; value: string }[];
  /** The primary container's secrets: ECS reads them with the execution role as each task starts. */
  secrets: { name: string; valueFrom: Reference }[];
}

export interface ExpressModePlan extends StarterPlan {
  service: ExpressGatewayServicePlan;
  /** Express Mode runs in a cluster it owns (default), so the rule matches it by name, as designed. */
  taskStoppedRule: TaskStoppedRulePlan | null;
  notes: string[];
}

export function expressModePlan(input: StarterConfigInput): ExpressModePlan {
  const { workload, facts, design } = input;
  const infrastructureRoleName = design.iam.infrastructureRole?.name ?? `${workload.name}-infrastructure`;
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const policy = design.scaling.policies.find((candidate) => candidate.type === 'target-tracking');
  const internal = design.loadBalancer.scheme === 'internal';
  const monitoring = design.monitoring[0];
  const environment = containerEnvironmentPlan(workload);
  const creates = new Set<StatementResourceRef>(environment.secrets.length > 0 ? ['workload-secrets'] : []);
  return {
    roles: designedRoles(input, creates, { namespace: workload.name, name: workload.name }),
    registry: registryPlan(design.registry),
    environment,
    service: {
      name: workload.name,
      cluster: facts.runtime.clusterName,
      executionRole: reference(roleKey('executionRole'), 'arn', iamRoleArn(design.iam.executionRole.name)),
      infrastructureRole: reference(roleKey('infrastructureRole'), 'arn', iamRoleArn(infrastructureRoleName)),
      taskRole: reference(roleKey('taskRole'), 'arn', iamRoleArn(design.iam.taskRole.name)),
      ...(workload.healthCheckPath === undefined ? {} : { healthCheckPath: workload.healthCheckPath }),
      imageUri: design.registry.imageUri,
      imageFromRequest: workload.image,
      ...(workload.containerPort === undefined ? {} : { containerPort: workload.containerPort }),
      logGroup: { name: `/ecs/${workload.name}`, streamPrefix: 'ecs' },
      cpu: String(cpuUnits),
      memory: String(memoryMiB),
      scaling: {
        minTaskCount: design.scaling.minCapacity,
        maxTaskCount: design.scaling.maxCapacity,
        metric: isScalingMetric(policy?.metric) ? policy.metric : 'AVERAGE_CPU',
        targetValue: policy?.targetValue ?? workload.resources.targetCpuUtilization,
      },
      internal,
      environment: environment.variables,
      secrets: environment.secrets.map(({ variable, arn }) => ({ name: variable, valueFrom: arn })),
    },
    taskStoppedRule: monitoring === undefined ? null : taskStoppedRulePlan(monitoring, workload.region, null),
    notes: [internal ? NOTES.privateSubnets : NOTES.defaultVpc],
  };
}
