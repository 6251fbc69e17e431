import { sqsQueueSteps, sqsQueuesFile } from '../plan/queues/api-files';
import { queuesPlan } from '../plan/queues/plan';
import { taskStoppedRuleFile, taskStoppedRuleSteps } from '../plan/task-stopped-rule/api-files';
import { taskStoppedRulePlan } from '../plan/task-stopped-rule/plan';
import type { PlatformStarter, StarterConfigInput } from '../shared/starter-file';
import { capacityProviderFile, capacityProviderName } from './capacity-provider';
import { loadBalancerSteps } from './load-balancer-steps';
import { scalingFile } from './scaling';
import { ebsVolumeRole, runsAsService, serviceFile } from './service';
import { taskDefinitionFile } from './task-definition';
import { isFargate, logGroupName } from './task-placement';
import { runTaskRole, s3EventRuleFile, s3RuleTrigger, scheduleFile, scheduleTrigger } from './triggers';

/** The files for ECS on Fargate and on EC2: a task definition, and whatever runs it (a service, a schedule, a rule). */
export function ecsStarter(input: StarterConfigInput): PlatformStarter {
  const { workload, facts, design } = input;
  const cluster = facts.runtime.clusterName;
  const starter: PlatformStarter = {
    files: [taskDefinitionFile(input)],
    supportingRoles: [],
    steps: [],
    notes: [],
  };
  const { files, supportingRoles, steps, notes } = starter;

  const capacityProvider = capacityProviderFile(input);
  if (!isFargate(input)) {
    const nodeRole = design.iam.nodeRole?.name;
    if (nodeRole !== undefined) {
      steps.push(
        `Give the instances their role through an instance profile: \`aws iam create-instance-profile --instance-profile-name ${nodeRole}\` then \`aws iam add-role-to-instance-profile --instance-profile-name ${nodeRole} --role-name ${nodeRole}\``,
      );
    }
    steps.push(
      `Create a launch template from the ${ecsAmiName(input)} (its SSM parameter is under /aws/service/ecs/optimized-ami/), with the instance profile and user data that sets ECS_CLUSTER=${cluster}, and an Auto Scaling group from it with instance scale-in protection on${design.scaling.instanceMarket === 'spot' ? ' and a mixed instances policy that buys Spot capacity' : ''}.`,
    );
  }
  if (capacityProvider !== null) {
    files.push(capacityProvider);
    steps.push(
      'Create the capacity provider: `aws ecs create-capacity-provider --cli-input-json file://ecs/capacity-provider.json`',
    );
  }
  const providers = isFargate(input) ? 'FARGATE FARGATE_SPOT' : capacityProviderName(input);
  steps.push(
    `Create the cluster with Container Insights on: \`aws ecs create-cluster --cluster-name ${cluster} --capacity-providers ${providers} --settings name=containerInsights,value=enabled\``,
    `Create the log group: \`aws logs create-log-group --log-group-name ${logGroupName(input)}\``,
    'Register the task definition: `aws ecs register-task-definition --cli-input-json file://ecs/task-definition.json`',
  );

  const queues = queuesPlan(input, null);
  if (queues !== null) {
    files.push(sqsQueuesFile(queues, workload.region));
    steps.push(...sqsQueueSteps(queues));
  }

  if (runsAsService(input)) {
    steps.push(...loadBalancerSteps(input));
    files.push(serviceFile(input));
    steps.push('Create the service: `aws ecs create-service --cli-input-json file://ecs/service.json`');
    const volumeRole = ebsVolumeRole(input);
    if (volumeRole !== null) supportingRoles.push(volumeRole);
    const scaling = scalingFile(input);
    if (scaling !== null) {
      files.push(scaling);
      steps.push(
        'Register the service with Application Auto Scaling: `aws application-autoscaling register-scalable-target --cli-input-json "$(jq .registerScalableTarget ecs/scaling.json)"`',
        'Add the scaling policy: `aws application-autoscaling put-scaling-policy --cli-input-json "$(jq .putScalingPolicy ecs/scaling.json)"`',
      );
      const backlogPerTask = design.scaling.policies.some((policy) => policy.type === 'sqs-backlog-per-task');
      if (design.scaling.minCapacity === 0 && backlogPerTask) {
        notes.push(
          'With no task running, backlog per task (messages ÷ running tasks) has no value, so the policy cannot start the first task: keep minCapacity at 1, or add a step-scaling policy on ApproximateNumberOfMessagesVisible alone.',
        );
      }
    }
  }

  const schedule = scheduleTrigger(input);
  if (schedule !== undefined) {
    files.push(scheduleFile(input, schedule));
    supportingRoles.push(runTaskRole(input, 'scheduler.amazonaws.com'));
    steps.push(
      'Create the schedule: `aws scheduler create-schedule --cli-input-json file://ecs/schedule.json`',
    );
  }
  const s3Rule = s3RuleTrigger(input);
  if (s3Rule !== undefined) {
    files.push(s3EventRuleFile(input, s3Rule));
    supportingRoles.push(runTaskRole(input, 'events.amazonaws.com'));
    const bucket = s3Rule.bucket ?? workload.trigger?.bucket;
    steps.push(
      `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
      'Create the rule: `aws events put-rule --cli-input-json "$(jq .putRule ecs/s3-event-rule.json)"`',
      'Point it at the task: `aws events put-targets --cli-input-json "$(jq .putTargets ecs/s3-event-rule.json)"`',
    );
    notes.push(
      "`<bucket>` and `<key>` in the rule's InputTemplate are not placeholders: EventBridge fills them in from each event.",
    );
  }

  const monitoring = design.monitoring[0];
  if (monitoring !== undefined) {
    const rule = taskStoppedRulePlan(monitoring, workload.region, null);
    files.push(taskStoppedRuleFile(rule));
    steps.push(...taskStoppedRuleSteps(rule));
  }

  notes.push(...storageNotes(input), ...hostNotes(input));
  if (files.some((file) => file.path === 'ecs/task-definition.json' && file.content.includes('CMD-SHELL'))) {
    notes.push(
      'The container health check runs curl inside the container: if the image has no curl, remove healthCheck from the task definition (the load balancer still checks the tasks).',
    );
  }
  return starter;
}

function ecsAmiName(input: StarterConfigInput): string {
  const { facts, workload } = input;
  if (facts.runtime.os === 'windows') return 'ECS-optimized Windows Server 2022 Core AMI';
  if (workload.control.gpu) return 'ECS-optimized Amazon Linux 2023 GPU AMI';
  return `ECS-optimized Amazon Linux 2023 ${facts.runtime.architecture === 'arm64' ? 'arm64 ' : ''}AMI`;
}

function storageNotes(input: StarterConfigInput): string[] {
  const { design } = input;
  switch (design.storage.type) {
    case 'efs':
      return [
        `The EFS volume authorizes with the task role (iam ENABLED): role ${design.iam.taskRole.name} already allows elasticfilesystem:ClientMount and ClientWrite on <efs-file-system-id>; let the tasks' security group reach the mount targets on TCP 2049.`,
      ];
    case 'ebs':
      return [
        "Each task gets its own EBS volume, created at launch from the service's volumeConfigurations and deleted when the task stops.",
      ];
    case 'fsx-windows':
      return [
        `The FSx for Windows File Server volume needs the instances joined to the Active Directory domain, and role ${design.iam.executionRole.name} allowed secretsmanager:GetSecretValue on the credentials secret.`,
      ];
    default:
      return [];
  }
}

function hostNotes(input: StarterConfigInput): string[] {
  if (isFargate(input) || !input.workload.control.daemons) return [];
  return [
    'Run the per-host agent as a second ECS service with schedulingStrategy DAEMON on the same cluster; this configuration covers the workload itself.',
  ];
}
