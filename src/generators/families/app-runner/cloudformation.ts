import {
  equals,
  fnIf,
  getAtt,
  join,
  NO_VALUE,
  ref,
  select,
  split,
  sub,
  subVariable,
} from '../../cloudformation/intrinsics';
import { imageUri, privateSubnetIds, vpcId } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addSecrets } from '../../plan/container-environment/cloudformation';
import { addRepository } from '../../plan/registry/cloudformation';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import { StackReferences } from '../../plan/stack-references';
import type { AppRunnerPlan } from './plan';

/**
 * App Runner: the auto scaling configuration, then the service that uses it, with its access role (to pull
 * from private ECR) and instance role. App Runner pulls only from ECR or ECR Public; which one follows from
 * the image parameter. A private service is reached through an interface VPC endpoint in the private
 * subnets and a VPC ingress connection.
 */
export function addAppRunnerResources(plan: AppRunnerPlan, template: TemplateBuilder): void {
  const { service, scaling } = plan;
  const references = new StackReferences();
  const image = imageUri(template, service.imageFromRequest);
  const publicEcr = template.condition(
    'IsPublicEcrImage',
    equals(select(0, split('/', image)), 'public.ecr.aws'),
  );
  addRepository(template, plan.registry);
  addSecrets(template, references, plan.environment);
  addRole(template, references, 'AccessRole', roleIn(plan.roles, service.accessRole.to));
  addRole(template, references, 'InstanceRole', roleIn(plan.roles, service.instanceRole.to));
  template.resource('AutoScalingConfiguration', {
    Type: 'AWS::AppRunner::AutoScalingConfiguration',
    Properties: {
      AutoScalingConfigurationName: scaling.name,
      MaxConcurrency: scaling.maxConcurrency,
      MinSize: scaling.minSize,
      MaxSize: scaling.maxSize,
    },
  });
  references.provide('auto-scaling-configuration', {
    arn: getAtt('AutoScalingConfiguration', 'AutoScalingConfigurationArn'),
  });
  template.resource('Service', {
    Type: 'AWS::AppRunner::Service',
    Properties: {
      ServiceName: service.name,
      SourceConfiguration: {
        ImageRepository: {
          ImageIdentifier: image,
          ImageRepositoryType: fnIf(publicEcr, 'ECR_PUBLIC', 'ECR'),
          ImageConfiguration: {
            Port: service.port,
            ...(service.environment.length === 0
              ? {}
              : {
                  RuntimeEnvironmentVariables: service.environment.map(({ name, value }) => ({
                    Name: name,
                    Value: value,
                  })),
                }),
            ...(service.secrets.length === 0
              ? {}
              : {
                  RuntimeEnvironmentSecrets: service.secrets.map(({ name, valueFrom }) => ({
                    Name: name,
                    Value: references.resolve(valueFrom),
                  })),
                }),
          },
        },
        // Deploy on purpose rather than on every push to the tag: a starter configuration should not ship surprises.
        AutoDeploymentsEnabled: false,
        AuthenticationConfiguration: fnIf(publicEcr, NO_VALUE, {
          AccessRoleArn: references.resolve(service.accessRole),
        }),
      },
      InstanceConfiguration: {
        Cpu: service.cpu,
        Memory: service.memory,
        InstanceRoleArn: references.resolve(service.instanceRole),
      },
      HealthCheckConfiguration: { Protocol: 'HTTP', Path: service.healthCheckPath },
      NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: service.isPublic } },
      AutoScalingConfigurationArn: references.resolve(service.autoScalingConfiguration),
    },
  });
  template.output('ServiceArn', {
    Description: 'The App Runner service.',
    Value: getAtt('Service', 'ServiceArn'),
  });
  if (service.isPublic) {
    template.output('ServiceUrl', {
      Description: 'The service, on the HTTPS domain App Runner gives it.',
      Value: join('', ['https://', getAtt('Service', 'ServiceUrl')]),
    });
    return;
  }
  addIngressConnection(template, service.name);
}

/** The interface endpoint, its security group and the ingress connection that make a private service reachable. */
function addIngressConnection(template: TemplateBuilder, serviceName: string): void {
  const vpc = vpcId(template);
  template.resource('IngressEndpointSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'App Runner ingress endpoint: HTTPS from inside the VPC',
      VpcId: vpc,
      SecurityGroupIngress: [
        { Description: 'HTTPS', IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' },
      ],
    },
  });
  template.resource('IngressEndpoint', {
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: {
      VpcId: vpc,
      ServiceName: sub(`com.amazonaws.${subVariable('AWS::Region')}.apprunner.requests`),
      VpcEndpointType: 'Interface',
      SubnetIds: privateSubnetIds(template),
      SecurityGroupIds: [ref('IngressEndpointSecurityGroup')],
      PrivateDnsEnabled: false,
    },
  });
  template.resource('VpcIngressConnection', {
    Type: 'AWS::AppRunner::VpcIngressConnection',
    Properties: {
      ServiceArn: getAtt('Service', 'ServiceArn'),
      VpcIngressConnectionName: serviceName,
      IngressVpcConfiguration: { VpcId: vpc, VpcEndpointId: ref('IngressEndpoint') },
    },
  });
  template.output('ServiceUrl', {
    Description: 'The private service, from inside the VPC.',
    Value: join('', ['https://', getAtt('VpcIngressConnection', 'DomainName')]),
  });
}
