import { getAtt, ref, sub, subVariable, type TemplateValue } from '../../cloudformation/intrinsics';
import { imageUri, privateSubnetIds, vpcId } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addSecrets } from '../../plan/container-environment/cloudformation';
import { addFileSystem } from '../../plan/file-system/cloudformation';
import { addLogGroup } from '../../plan/log-group/cloudformation';
import { addObjectCreatedRule, addTriggerBucket } from '../../plan/object-created-trigger/cloudformation';
import { s3EventInputTransformer } from '../../plan/object-created-trigger/plan';
import { addRepository } from '../../plan/registry/cloudformation';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import { StackReferences } from '../../plan/stack-references';
import {
  type BatchPlan,
  type ComputeEnvironmentPlan,
  DATA_VOLUME_NAME,
  type JobDefinitionPlan,
  type SubmitJobPlan,
} from './plan';

/**
 * AWS Batch, whole: the managed compute environment (with its instance role and profile on EC2) in an
 * existing VPC's private subnets, the job queue over it, the job definition, the rule that submits jobs,
 * roles, the image repository and the log group.
 */
export function addBatchResources(plan: BatchPlan, template: TemplateBuilder): void {
  const references = new StackReferences();
  const vpc = vpcId(template);
  addRepository(template, plan.registry);
  const logGroup = addLogGroup(template, 'LogGroup', plan.logGroup);
  references.provide('log-group', { name: ref(logGroup) });
  if (plan.objectCreated !== null) addTriggerBucket(template, references, plan.objectCreated.trigger);

  template.resource('JobSecurityGroup', {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: 'AWS Batch jobs: no inbound traffic (nothing connects to a job)',
      VpcId: vpc,
    },
  });
  const subnets = privateSubnetIds(
    template,
    plan.fileSystem === null ? '' : ' The EFS file system has a mount target in each of them.',
  );
  // Jobs mount the file system as they start, so no job can be submitted before every mount target exists.
  const mountTargets =
    plan.fileSystem === null
      ? []
      : addFileSystem(template, references, plan.fileSystem, {
          vpc,
          privateSubnets: subnets,
          clientSecurityGroup: ref('JobSecurityGroup'),
        }).mountTargets;

  addSecrets(template, references, plan.environment);
  addRole(template, references, 'ExecutionRole', roleIn(plan.roles, plan.jobDefinition.executionRole.to));
  addRole(template, references, 'JobRole', roleIn(plan.roles, plan.jobDefinition.jobRole.to));
  addComputeEnvironment(template, references, plan, plan.computeEnvironment, subnets);
  template.resource('JobQueue', {
    Type: 'AWS::Batch::JobQueue',
    ...(mountTargets.length === 0 ? {} : { DependsOn: mountTargets }),
    Properties: {
      JobQueueName: plan.jobQueue.name,
      State: 'ENABLED',
      Priority: plan.jobQueue.priority,
      ComputeEnvironmentOrder: [
        { Order: 1, ComputeEnvironment: references.resolve(plan.jobQueue.computeEnvironment) },
      ],
    },
  });
  references.provide('job-queue', { arn: ref('JobQueue'), name: plan.jobQueue.name });
  addJobDefinition(template, references, plan.jobDefinition);
  // Ref gives the job definition's ARN with its revision; IAM grants SubmitJob on every revision of it.
  references.provide('job-definition', {
    name: ref('JobDefinition'),
    arn: sub(
      `arn:${subVariable('AWS::Partition')}:batch:${subVariable('AWS::Region')}:${subVariable('AWS::AccountId')}:job-definition/${plan.jobDefinition.name}`,
    ),
  });
  template.output('JobQueueArn', {
    Description: 'The job queue (aws batch submit-job takes it).',
    Value: ref('JobQueue'),
  });
  template.output('JobDefinitionArn', {
    Description: 'The job definition (aws batch submit-job takes it).',
    Value: ref('JobDefinition'),
  });

  if (plan.schedule !== null) {
    const { schedule } = plan;
    const role = addRole(template, references, 'EventsRole', schedule.submitJob.role);
    template.resource('ScheduleRule', {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: schedule.ruleName,
        Description: schedule.description,
        State: 'ENABLED',
        ScheduleExpression: schedule.expression,
        Targets: [submitJobTarget(references, schedule.submitJob, role)],
      },
    });
  }
  if (plan.objectCreated !== null) {
    const run = plan.objectCreated;
    const role = addRole(template, references, 'EventsRole', run.submitJob.role);
    addObjectCreatedRule(template, references, run.trigger, run.description, {
      ...submitJobTarget(references, run.submitJob, role),
      InputTransformer: s3EventInputTransformer(run.inputTemplate),
    });
  }
}

/**
 * The managed compute environment with no service role, so Batch uses its service-linked role; on EC2 the
 * instances' role and instance profile, instance types from the plan and the ECS-optimized image type.
 */
function addComputeEnvironment(
  template: TemplateBuilder,
  references: StackReferences,
  plan: BatchPlan,
  environment: ComputeEnvironmentPlan,
  subnets: TemplateValue,
): void {
  const { ec2 } = environment;
  if (ec2 !== null) {
    addRole(template, references, 'InstanceRole', roleIn(plan.roles, ec2.instanceRole.to));
    template.resource('InstanceProfile', {
      Type: 'AWS::IAM::InstanceProfile',
      Properties: { InstanceProfileName: ec2.instanceProfileName, Roles: [ref('InstanceRole')] },
    });
    references.provide('instance-profile', { arn: getAtt('InstanceProfile', 'Arn') });
  }
  template.resource('ComputeEnvironment', {
    Type: 'AWS::Batch::ComputeEnvironment',
    Properties: {
      ComputeEnvironmentName: environment.name,
      Type: 'MANAGED',
      State: 'ENABLED',
      ComputeResources: {
        Type: environment.type,
        MaxvCpus: environment.maxvCpus,
        Subnets: subnets,
        SecurityGroupIds: [ref('JobSecurityGroup')],
        ...(ec2 === null
          ? {}
          : {
              MinvCpus: 0,
              InstanceTypes: [...ec2.instanceTypes],
              AllocationStrategy: ec2.allocationStrategy,
              InstanceRole: references.resolve(ec2.instanceProfile),
              Ec2Configuration: [{ ImageType: ec2.imageType }],
            }),
      },
    },
  });
  references.provide('compute-environment', { arn: ref('ComputeEnvironment') });
}

function addJobDefinition(
  template: TemplateBuilder,
  references: StackReferences,
  job: JobDefinitionPlan,
): void {
  const { resources } = job;
  template.resource('JobDefinition', {
    Type: 'AWS::Batch::JobDefinition',
    Properties: {
      JobDefinitionName: job.name,
      Type: 'container',
      PlatformCapabilities: [job.platformCapability],
      ...(Object.keys(job.parameters).length === 0 ? {} : { Parameters: { ...job.parameters } }),
      ContainerProperties: {
        Image: imageUri(template, job.imageFromRequest),
        ResourceRequirements: [
          { Type: 'VCPU', Value: resources.vcpu },
          { Type: 'MEMORY', Value: resources.memoryMiB },
          ...(resources.gpus === undefined ? [] : [{ Type: 'GPU', Value: String(resources.gpus) }]),
        ],
        ExecutionRoleArn: references.resolve(job.executionRole),
        JobRoleArn: references.resolve(job.jobRole),
        RuntimePlatform: {
          OperatingSystemFamily: job.runtimePlatform.operatingSystemFamily,
          CpuArchitecture: job.runtimePlatform.cpuArchitecture,
        },
        LogConfiguration: {
          LogDriver: 'awslogs',
          Options: {
            'awslogs-group': references.resolve(job.logGroup),
            'awslogs-region': ref('AWS::Region'),
            'awslogs-stream-prefix': job.streamPrefix,
          },
        },
        ...(job.environment.length === 0
          ? {}
          : { Environment: job.environment.map(({ name, value }) => ({ Name: name, Value: value })) }),
        ...(job.secrets.length === 0
          ? {}
          : {
              Secrets: job.secrets.map(({ name, valueFrom }) => ({
                Name: name,
                ValueFrom: references.resolve(valueFrom),
              })),
            }),
        ...(job.privileged ? { Privileged: true } : {}),
        ...(job.fargate === null
          ? {}
          : {
              NetworkConfiguration: { AssignPublicIp: job.fargate.assignPublicIp },
              FargatePlatformConfiguration: { PlatformVersion: job.fargate.platformVersion },
            }),
        ...(job.ephemeralStorageGiB === null
          ? {}
          : { EphemeralStorage: { SizeInGiB: job.ephemeralStorageGiB } }),
        ...(job.volume === null
          ? {}
          : {
              Volumes: [
                {
                  Name: DATA_VOLUME_NAME,
                  EfsVolumeConfiguration: {
                    FileSystemId: references.resolve(job.volume.fileSystemId),
                    TransitEncryption: 'ENABLED',
                    AuthorizationConfig: {
                      AccessPointId: references.resolve(job.volume.accessPointId),
                      Iam: 'ENABLED',
                    },
                  },
                },
              ],
              ...(job.mountPath === undefined
                ? {}
                : {
                    MountPoints: [
                      { SourceVolume: DATA_VOLUME_NAME, ContainerPath: job.mountPath, ReadOnly: false },
                    ],
                  }),
            }),
      },
      RetryStrategy: {
        Attempts: job.retryStrategy.attempts,
        EvaluateOnExit: job.retryStrategy.evaluateOnExit.map((condition) => ({
          ...(condition.onStatusReason === undefined ? {} : { OnStatusReason: condition.onStatusReason }),
          ...(condition.onReason === undefined ? {} : { OnReason: condition.onReason }),
          Action: condition.action,
        })),
      },
      Timeout: { AttemptDurationSeconds: job.attemptTimeoutSeconds },
      PropagateTags: true,
    },
  });
}

function submitJobTarget(
  references: StackReferences,
  submitJob: SubmitJobPlan,
  role: string,
): Record<string, TemplateValue> {
  return {
    Id: 'submit-job',
    Arn: references.resolve(submitJob.jobQueue),
    RoleArn: getAtt(role, 'Arn'),
    BatchParameters: {
      JobDefinition: references.resolve(submitJob.jobDefinition),
      JobName: submitJob.jobName,
    },
    RetryPolicy: { ...submitJob.retry },
  };
}
