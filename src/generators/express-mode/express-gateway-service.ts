import type {
  CreateExpressGatewayServiceCommandInput,
  ExpressGatewayServiceScalingMetric,
} from '@aws-sdk/client-ecs';
import { iamRoleArn, PLACEHOLDERS } from '../shared/placeholders';
import { jsonFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';
import { taskUnits } from '../shared/task-size';

const SCALING_METRICS = new Set<string>(['AVERAGE_CPU', 'AVERAGE_MEMORY', 'REQUEST_COUNT_PER_TARGET']);

/**
 * ecs/express-gateway-service.json: CreateExpressGatewayService. CPU and memory are always set, because the
 * Developer Guide and the API reference disagree on their defaults. cpuArchitecture is left out: the API
 * models the AWS CLI ships (botocore 1.43.11) do not know it yet and reject the whole request, and the
 * default is X86_64.
 */
export function expressGatewayServiceFile(input: StarterConfigInput): DescribedFile {
  const { workload, facts, design } = input;
  const infrastructureRole = design.iam.infrastructureRole?.name ?? `${workload.name}-infrastructure`;
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const policy = design.scaling.policies.find((candidate) => candidate.type === 'target-tracking');
  const metric =
    policy?.metric !== undefined && SCALING_METRICS.has(policy.metric) ? policy.metric : 'AVERAGE_CPU';
  const service: CreateExpressGatewayServiceCommandInput = {
    serviceName: workload.name,
    cluster: facts.runtime.clusterName,
    executionRoleArn: iamRoleArn(design.iam.executionRole.name),
    infrastructureRoleArn: iamRoleArn(infrastructureRole),
    taskRoleArn: iamRoleArn(design.iam.taskRole.name),
    ...(workload.healthCheckPath === undefined ? {} : { healthCheckPath: workload.healthCheckPath }),
    primaryContainer: {
      image: design.registry.imageUri,
      ...(workload.containerPort === undefined ? {} : { containerPort: workload.containerPort }),
      awsLogsConfiguration: { logGroup: `/ecs/${workload.name}`, logStreamPrefix: 'ecs' },
    },
    cpu: String(cpuUnits),
    memory: String(memoryMiB),
    scalingTarget: {
      minTaskCount: design.scaling.minCapacity,
      maxTaskCount: design.scaling.maxCapacity,
      autoScalingMetric: metric as ExpressGatewayServiceScalingMetric,
      autoScalingTargetValue: policy?.targetValue ?? workload.resources.targetCpuUtilization,
    },
  };
  // Express Mode puts the load balancer where the subnets are: private subnets make it internal.
  if (design.loadBalancer.scheme === 'internal') {
    service.networkConfiguration = {
      subnets: [PLACEHOLDERS.subnetId],
      securityGroups: [PLACEHOLDERS.securityGroupId],
    };
  }
  return jsonFile(
    'ecs/express-gateway-service.json',
    service,
    'ECS CreateExpressGatewayService input: Express Mode builds the service, HTTPS load balancer, scaling and alarms from it.',
  );
}
