import type { CreateExpressGatewayServiceCommandInput } from '@aws-sdk/client-ecs';
import { apiValue } from '../../plan/reference';
import { taskStoppedRuleFile } from '../../plan/task-stopped-rule/api-files';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { jsonFile } from '../../shared/serialize';
import type { DescribedFile } from '../../shared/starter-file';
import type { ExpressModePlan } from './plan';

/** The service, and the stopped-task rule when the design has one. */
export function expressModeFiles(plan: ExpressModePlan): DescribedFile[] {
  return [
    serviceFile(plan),
    ...(plan.taskStoppedRule === null ? [] : [taskStoppedRuleFile(plan.taskStoppedRule)]),
  ];
}

/**
 * ecs/express-gateway-service.json: CreateExpressGatewayService. cpuArchitecture is left out: the API models
 * the AWS CLI ships (botocore 1.43.11) do not know it yet and reject the whole request, and the default is
 * X86_64.
 */
function serviceFile({ service }: ExpressModePlan): DescribedFile {
  const request: CreateExpressGatewayServiceCommandInput = {
    serviceName: service.name,
    cluster: service.cluster,
    executionRoleArn: apiValue(service.executionRole),
    infrastructureRoleArn: apiValue(service.infrastructureRole),
    taskRoleArn: apiValue(service.taskRole),
    ...(service.healthCheckPath === undefined ? {} : { healthCheckPath: service.healthCheckPath }),
    primaryContainer: {
      image: service.imageUri,
      ...(service.containerPort === undefined ? {} : { containerPort: service.containerPort }),
      awsLogsConfiguration: {
        logGroup: service.logGroup.name,
        logStreamPrefix: service.logGroup.streamPrefix,
      },
      ...(service.environment.length === 0
        ? {}
        : { environment: service.environment.map((variable) => ({ ...variable })) }),
      ...(service.secrets.length === 0
        ? {}
        : {
            secrets: service.secrets.map(({ name, valueFrom }) => ({ name, valueFrom: apiValue(valueFrom) })),
          }),
    },
    cpu: service.cpu,
    memory: service.memory,
    scalingTarget: {
      minTaskCount: service.scaling.minTaskCount,
      maxTaskCount: service.scaling.maxTaskCount,
      autoScalingMetric: service.scaling.metric,
      autoScalingTargetValue: service.scaling.targetValue,
    },
    // Express Mode puts the load balancer where the subnets are: private subnets make it internal.
    ...(service.internal
      ? {
          networkConfiguration: {
            subnets: [PLACEHOLDERS.subnetId],
            securityGroups: [PLACEHOLDERS.securityGroupId],
          },
        }
      : {}),
  };
  return jsonFile(
    'ecs/express-gateway-service.json',
    request,
    'ECS CreateExpressGatewayService input: Express Mode builds the service, HTTPS load balancer, scaling and alarms from it.',
  );
}
