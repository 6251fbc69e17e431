import type { CreateExpressGatewayServiceCommandInput } from '@aws-sdk/client-ecs';
import { expressGatewayServiceFile } from '../express-mode/express-gateway-service';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { addRole } from './iam';
import { getAtt } from './intrinsics';
import { imageUri, privateSubnetIds, publicSubnetIds } from './parameters';
import { addRepository } from './registry';
import { stackResourceArns } from './resource-arns';
import { addTaskStoppedRule } from './task-stopped-rule';
import type { TemplateBuilder } from './template';

/**
 * ECS Express Mode: one AWS::ECS::ExpressGatewayService, built from ecs/express-gateway-service.json, and the
 * roles it runs with. Express Mode creates the load balancer, certificate, scaling, log group and alarms
 * itself, in the subnets given: public subnets make its load balancer internet-facing, private ones internal.
 */
export function addExpressModeResources(template: TemplateBuilder, input: StarterConfigInput): void {
  const { workload, design } = input;
  const request = JSON.parse(
    expressGatewayServiceFile(input).content,
  ) as CreateExpressGatewayServiceCommandInput;
  const resourceArns = stackResourceArns(input, { queue: null, fileSystem: false, bucket: null });
  addRepository(template, input);
  addRole(template, 'ExecutionRole', design.iam.executionRole, resourceArns);
  addRole(template, 'TaskRole', design.iam.taskRole, resourceArns);
  const infrastructureRole = design.iam.infrastructureRole;
  if (infrastructureRole === undefined)
    throw new StarterConfigError('ecs-express-mode has no infrastructure role in its design');
  addRole(template, 'InfrastructureRole', infrastructureRole, resourceArns);
  const internal = design.loadBalancer.scheme === 'internal';
  const container = request.primaryContainer;
  const scaling = request.scalingTarget;
  template.resource('Service', {
    Type: 'AWS::ECS::ExpressGatewayService',
    Properties: {
      ServiceName: request.serviceName ?? workload.name,
      Cluster: request.cluster ?? input.facts.runtime.clusterName,
      ExecutionRoleArn: getAtt('ExecutionRole', 'Arn'),
      InfrastructureRoleArn: getAtt('InfrastructureRole', 'Arn'),
      TaskRoleArn: getAtt('TaskRole', 'Arn'),
      ...(request.healthCheckPath === undefined ? {} : { HealthCheckPath: request.healthCheckPath }),
      PrimaryContainer: {
        Image: imageUri(template, workload.image),
        ...(container?.containerPort === undefined ? {} : { ContainerPort: container.containerPort }),
        ...(container?.awsLogsConfiguration?.logGroup === undefined
          ? {}
          : {
              AwsLogsConfiguration: {
                LogGroup: container.awsLogsConfiguration.logGroup,
                LogStreamPrefix: container.awsLogsConfiguration.logStreamPrefix ?? 'ecs',
              },
            }),
      },
      ...(request.cpu === undefined ? {} : { Cpu: request.cpu }),
      ...(request.memory === undefined ? {} : { Memory: request.memory }),
      ...(scaling === undefined
        ? {}
        : {
            ScalingTarget: {
              ...(scaling.minTaskCount === undefined ? {} : { MinTaskCount: scaling.minTaskCount }),
              ...(scaling.maxTaskCount === undefined ? {} : { MaxTaskCount: scaling.maxTaskCount }),
              ...(scaling.autoScalingMetric === undefined
                ? {}
                : { AutoScalingMetric: scaling.autoScalingMetric }),
              ...(scaling.autoScalingTargetValue === undefined
                ? {}
                : { AutoScalingTargetValue: scaling.autoScalingTargetValue }),
            },
          }),
      NetworkConfiguration: {
        Subnets: internal ? privateSubnetIds(template) : publicSubnetIds(template),
      },
    },
  });
  template.output('ServiceEndpoint', {
    Description: 'The HTTPS endpoint Express Mode gives the service.',
    Value: getAtt('Service', 'Endpoint'),
  });
  template.output('ServiceArn', {
    Description: 'The Express Mode service.',
    Value: getAtt('Service', 'ServiceArn'),
  });
  const monitoring = design.monitoring[0];
  // Express Mode runs in a cluster it owns (default), so the rule matches it by name, as designed.
  if (monitoring !== undefined) addTaskStoppedRule(template, monitoring, null);
}
