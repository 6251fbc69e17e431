import { appRunnerServiceName } from '../app-runner/app-runner-names';
import { appRunnerScaling } from '../app-runner/auto-scaling-configuration';
import type { StarterConfigInput } from '../shared/starter-file';
import { taskUnits } from '../shared/task-size';
import { addRole } from './iam';
import { equals, fnIf, getAtt, join, NO_VALUE, ref, select, split, sub, subVariable } from './intrinsics';
import { imageUri, privateSubnetIds, vpcId } from './parameters';
import { addRepository } from './registry';
import { stackResourceArns } from './resource-arns';
import type { TemplateBuilder } from './template';

/**
 * App Runner: the auto scaling configuration, then the service that uses it, with its access role (to pull
 * from private ECR) and instance role, as app-runner/*.json describe them. App Runner pulls only from ECR
 * or ECR Public; which one follows from the image parameter. A private service is reached through an
 * interface VPC endpoint in the private subnets and a VPC ingress connection.
 */
export function addAppRunnerResources(template: TemplateBuilder, input: StarterConfigInput): void {
  const { workload, facts, design } = input;
  const scaling = appRunnerScaling(input).request;
  const resourceArns = stackResourceArns(input, { queue: null, fileSystem: false, bucket: null });
  const image = imageUri(template, workload.image);
  const publicEcr = template.condition(
    'IsPublicEcrImage',
    equals(select(0, split('/', image)), 'public.ecr.aws'),
  );
  addRepository(template, input);
  addRole(template, 'AccessRole', design.iam.executionRole, resourceArns);
  addRole(template, 'InstanceRole', design.iam.taskRole, resourceArns);
  template.resource('AutoScalingConfiguration', {
    Type: 'AWS::AppRunner::AutoScalingConfiguration',
    Properties: {
      AutoScalingConfigurationName: scaling.AutoScalingConfigurationName ?? workload.name,
      ...(scaling.MaxConcurrency === undefined ? {} : { MaxConcurrency: scaling.MaxConcurrency }),
      ...(scaling.MinSize === undefined ? {} : { MinSize: scaling.MinSize }),
      ...(scaling.MaxSize === undefined ? {} : { MaxSize: scaling.MaxSize }),
    },
  });
  const { cpuUnits, memoryMiB } = taskUnits(facts);
  const isPublic = workload.traffic.exposure !== 'private';
  template.resource('Service', {
    Type: 'AWS::AppRunner::Service',
    Properties: {
      ServiceName: appRunnerServiceName(workload.name),
      SourceConfiguration: {
        ImageRepository: {
          ImageIdentifier: image,
          ImageRepositoryType: fnIf(publicEcr, 'ECR_PUBLIC', 'ECR'),
          ImageConfiguration: { Port: String(workload.containerPort ?? 8080) },
        },
        // Deploy on purpose rather than on every push to the tag: a starter configuration should not ship surprises.
        AutoDeploymentsEnabled: false,
        AuthenticationConfiguration: fnIf(publicEcr, NO_VALUE, {
          AccessRoleArn: getAtt('AccessRole', 'Arn'),
        }),
      },
      InstanceConfiguration: {
        Cpu: String(cpuUnits),
        Memory: String(memoryMiB),
        InstanceRoleArn: getAtt('InstanceRole', 'Arn'),
      },
      HealthCheckConfiguration: { Protocol: 'HTTP', Path: workload.healthCheckPath ?? '/' },
      NetworkConfiguration: { IngressConfiguration: { IsPubliclyAccessible: isPublic } },
      AutoScalingConfigurationArn: getAtt('AutoScalingConfiguration', 'AutoScalingConfigurationArn'),
    },
  });
  template.output('ServiceArn', {
    Description: 'The App Runner service.',
    Value: getAtt('Service', 'ServiceArn'),
  });
  if (isPublic) {
    template.output('ServiceUrl', {
      Description: 'The service, on the HTTPS domain App Runner gives it.',
      Value: join('', ['https://', getAtt('Service', 'ServiceUrl')]),
    });
    return;
  }
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
      VpcIngressConnectionName: appRunnerServiceName(workload.name),
      IngressVpcConfiguration: { VpcId: vpc, VpcEndpointId: ref('IngressEndpoint') },
    },
  });
  template.output('ServiceUrl', {
    Description: 'The private service, from inside the VPC.',
    Value: join('', ['https://', getAtt('VpcIngressConnection', 'DomainName')]),
  });
}
