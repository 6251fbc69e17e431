import { getAtt } from '../../cloudformation/intrinsics';
import { imageUri, privateSubnetIds, publicSubnetIds } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addSecrets } from '../../plan/container-environment/cloudformation';
import { addRepository } from '../../plan/registry/cloudformation';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import { StackReferences } from '../../plan/stack-references';
import { addTaskStoppedRule } from '../../plan/task-stopped-rule/cloudformation';
import type { ExpressModePlan } from './plan';

/**
 * ECS Express Mode: one AWS::ECS::ExpressGatewayService and the roles it runs with. Express Mode creates the
 * load balancer, certificate, scaling, log group and alarms itself, in the subnets given: public subnets make
 * its load balancer internet-facing, private ones internal.
 */
export function addExpressModeResources(plan: ExpressModePlan, template: TemplateBuilder): void {
  const { service } = plan;
  const references = new StackReferences();
  addRepository(template, plan.registry);
  addSecrets(template, references, plan.environment);
  addRole(template, references, 'ExecutionRole', roleIn(plan.roles, service.executionRole.to));
  addRole(template, references, 'TaskRole', roleIn(plan.roles, service.taskRole.to));
  addRole(template, references, 'InfrastructureRole', roleIn(plan.roles, service.infrastructureRole.to));
  template.resource('Service', {
    Type: 'AWS::ECS::ExpressGatewayService',
    Properties: {
      ServiceName: service.name,
      Cluster: service.cluster,
      ExecutionRoleArn: references.resolve(service.executionRole),
      InfrastructureRoleArn: references.resolve(service.infrastructureRole),
      TaskRoleArn: references.resolve(service.taskRole),
      ...(service.healthCheckPath === undefined ? {} : { HealthCheckPath: service.healthCheckPath }),
      PrimaryContainer: {
        Image: imageUri(template, service.imageFromRequest),
        ...(service.containerPort === undefined ? {} : { ContainerPort: service.containerPort }),
        AwsLogsConfiguration: {
          LogGroup: service.logGroup.name,
          LogStreamPrefix: service.logGroup.streamPrefix,
        },
        ...(service.environment.length === 0
          ? {}
          : { Environment: service.environment.map(({ name, value }) => ({ Name: name, Value: value })) }),
        ...(service.secrets.length === 0
          ? {}
          : {
              Secrets: service.secrets.map(({ name, valueFrom }) => ({
                Name: name,
                ValueFrom: references.resolve(valueFrom),
              })),
            }),
      },
      Cpu: service.cpu,
      Memory: service.memory,
      ScalingTarget: {
        MinTaskCount: service.scaling.minTaskCount,
        MaxTaskCount: service.scaling.maxTaskCount,
        AutoScalingMetric: service.scaling.metric,
        AutoScalingTargetValue: service.scaling.targetValue,
      },
      NetworkConfiguration: {
        Subnets: service.internal ? privateSubnetIds(template) : publicSubnetIds(template),
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
  if (plan.taskStoppedRule !== null) addTaskStoppedRule(template, references, plan.taskStoppedRule);
}
