/** An ECS-optimized AMI: what the README calls it, and the public SSM parameter that holds its latest id. */
export interface EcsAmi {
  name: string;
  ssmParameter: string;
}

/**
 * The ECS-optimized AMIs container instances start from. AWS publishes Amazon Linux 2023 for x86_64, arm64
 * and GPUs (x86_64 only: there is no arm64 GPU variant), and Windows Server 2022 Core.
 */
export const ECS_AMIS = {
  linux: {
    name: 'ECS-optimized Amazon Linux 2023 AMI',
    ssmParameter: '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
  },
  arm64: {
    name: 'ECS-optimized Amazon Linux 2023 arm64 AMI',
    ssmParameter: '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
  },
  gpu: {
    name: 'ECS-optimized Amazon Linux 2023 GPU AMI',
    ssmParameter: '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id',
  },
  windows: {
    name: 'ECS-optimized Windows Server 2022 Core AMI',
    ssmParameter: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-ECS_Optimized/image_id',
  },
} as const satisfies Record<string, EcsAmi>;

/** The README's fixed ECS commands; the parametrised ones are the functions below. */
export const STEPS = {
  createDomainJoinAssociation:
    'Join every container instance to the Active Directory domain as it starts: `aws ssm create-association --cli-input-json file://ssm/domain-join-association.json`',
  createCapacityProvider:
    'Create the capacity provider: `aws ecs create-capacity-provider --cli-input-json file://ecs/capacity-provider.json`',
  registerManagedDaemonTaskDefinition:
    'Register the daemon task definition of the per-host agent (after putting its image in place of <daemon-image>): `aws ecs register-daemon-task-definition --cli-input-json file://ecs/managed-daemon-task-definition.json`',
  createManagedDaemon:
    'Create the Managed Daemon, which starts the agent on every managed instance before the tasks: `aws ecs create-daemon --cli-input-json file://ecs/managed-daemon.json`',
  registerTaskDefinition:
    'Register the task definition: `aws ecs register-task-definition --cli-input-json file://ecs/task-definition.json`',
  createService: 'Create the service: `aws ecs create-service --cli-input-json file://ecs/service.json`',
  registerDaemonTaskDefinition:
    "Register the per-host agent's task definition: `aws ecs register-task-definition --cli-input-json file://ecs/daemon-task-definition.json`",
  createDaemonService:
    'Run it on every container instance: `aws ecs create-service --cli-input-json file://ecs/daemon-service.json`',
  registerScalableTarget:
    'Register the service with Application Auto Scaling: `aws application-autoscaling register-scalable-target --cli-input-json "$(jq .registerScalableTarget ecs/scaling.json)"`',
  putScalingPolicy:
    'Add the scaling policy: `aws application-autoscaling put-scaling-policy --cli-input-json "$(jq .putScalingPolicy ecs/scaling.json)"`',
  createSchedule:
    'Create the schedule: `aws scheduler create-schedule --cli-input-json file://ecs/schedule.json`',
  putObjectCreatedRule:
    'Create the rule: `aws events put-rule --cli-input-json "$(jq .putRule ecs/s3-event-rule.json)"`',
  putObjectCreatedTargets:
    'Point it at the task: `aws events put-targets --cli-input-json "$(jq .putTargets ecs/s3-event-rule.json)"`',
  instanceProfile: (role: string) =>
    `Give the instances their role through an instance profile: \`aws iam create-instance-profile --instance-profile-name ${role}\` then \`aws iam add-role-to-instance-profile --instance-profile-name ${role} --role-name ${role}\``,
  launchTemplate: (ami: EcsAmi, instanceTypes: readonly string[], spot: boolean, cluster: string) =>
    `Create a launch template from the ${ami.name} (SSM parameter ${ami.ssmParameter})${spot ? '' : ` for ${instanceTypes[0]} instances`}, with the instance profile and user data that sets ECS_CLUSTER=${cluster}, and an Auto Scaling group from it with instance scale-in protection on${spot ? ` and a mixed instances policy that buys Spot capacity of ${instanceTypes.join(', ')}` : ''}.`,
  rootVolume: (device: string, sizeGiB: number, reason: string) =>
    `Give that launch template a ${sizeGiB} GiB encrypted gp3 root volume (BlockDeviceMappings: DeviceName ${device}, Ebs VolumeSize ${sizeGiB}, VolumeType gp3, Encrypted true, DeleteOnTermination true): ${reason}. ECS places tasks by CPU and memory, never by disk, so the volume holds every task an instance can take.`,
  createCluster: (cluster: string, providers: string) =>
    `Create the cluster with Container Insights on: \`aws ecs create-cluster --cluster-name ${cluster} --capacity-providers ${providers} --settings name=containerInsights,value=enabled\``,
  createClusterForManagedInstances: (cluster: string) =>
    `Create the cluster with Container Insights on (its Managed Instances capacity provider is created in it next): \`aws ecs create-cluster --cluster-name ${cluster} --settings name=containerInsights,value=enabled\``,
  createLogGroup: (create: string, retention: string, days: number) =>
    `Create the log group: \`${create}\` then keep its events ${days} days: \`${retention}\``,
  bucketNotifications: (bucket: string) =>
    `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
  createTargetGroup: (options: string) =>
    `Create the target group, then copy its TargetGroupArn: \`aws elbv2 create-target-group ${options}\``,
  turnOnStickiness: (command: string) => `Keep each client on one task (sticky sessions): \`${command}\``,
  createLoadBalancerSecurityGroup: (command: string) =>
    `Create the load balancer's security group, then copy its GroupId: \`${command}\``,
  openListenerPort: (port: number, command: string) =>
    `Open listener port ${port} to the load balancer's clients: \`${command}\``,
  createLoadBalancer: (type: string, command: string) => `Create the ${type} load balancer: \`${command}\``,
  createListener: (protocol: string, port: number, command: string) =>
    `Add its ${protocol} listener on port ${port}: \`${command}\``,
} as const;

/** The README's ECS notes: what to know before applying the files. */
export const NOTES = {
  backlogFromZero:
    'With no task running, backlog per task (messages ÷ running tasks) has no value, so the policy cannot start the first task: keep minCapacity at 1, or add a step-scaling policy on ApproximateNumberOfMessagesVisible alone.',
  eventTemplateFields:
    "`<bucket>` and `<key>` in the rule's InputTemplate are not placeholders: EventBridge fills them in from each event.",
  efsVolume: (taskRole: string) =>
    `The EFS volume authorizes with the task role (iam ENABLED): role ${taskRole} already allows elasticfilesystem:ClientMount and ClientWrite on <efs-file-system-id>; let the tasks' security group reach the mount targets on TCP 2049.`,
  ebsVolume:
    "Each task gets its own EBS volume, created at launch from the service's volumeConfigurations and deleted when the task stops.",
  fsxVolume: (executionRole: string) =>
    `The FSx for Windows File Server share mounts only on instances joined to its Active Directory domain: the Systems Manager association joins each container instance (and restarts it) within minutes of its start, and a task placed there before the join fails to mount the share and is started again. Role ${executionRole} reads the credentials secret (secretsmanager:GetSecretValue); if a customer managed KMS key encrypts the secret, also allow kms:Decrypt on that key. The instances' security group must reach the file system and the domain controllers (SMB on 445, DNS, Kerberos and LDAP).`,
  daemons: (service: string, size: { cpu: number; memory: number }) =>
    `The per-host agent runs as service ${service}, with the DAEMON scheduling strategy: one task on every container instance, from <daemon-image> (the stack's DaemonImageUri parameter), reserving ${size.cpu} CPU units and ${size.memory} MiB; size it for your agent, within what the instance type leaves. Its task role allows nothing yet: add what the agent calls. DAEMON services take no capacity provider strategy, so it names the EC2 launch type.`,
  noArm64GpuAmi:
    'AWS publishes no arm64 GPU variant of the ECS-optimized AMI, so the arm64 instances start from the ECS-optimized Amazon Linux 2023 arm64 AMI, which has no NVIDIA driver: GPU tasks are placed only once the instances run an AMI with the driver and the ECS agent (ECS_ENABLE_GPU_SUPPORT=true), or choose x86_64 to use the GPU AMI.',
  managedInstancesLifetime:
    'ECS replaces every managed instance within 14 days of its launch to patch it, draining its tasks first: the service starts replacements elsewhere, and a standalone task that is still running is stopped. Set when with EC2 event windows.',
  managedDaemon: (daemon: string) =>
    `The Managed Daemon ${daemon} runs one agent task on every managed instance, started before the workload's tasks: put the agent's image in place of <daemon-image>, and give role ${daemon} the AWS calls the agent makes. If the agent task stops, ECS drains and replaces the instance.`,
  hostNetwork: (instancesFrom: 'launch template' | 'capacity provider', behindLoadBalancer: boolean) =>
    `The task runs on its instance's network (networkMode host): it has no network interface, subnets or security group of its own, so the instances' security group (the one the ${instancesFrom} gives them, <security-group-id> in these files) is the task's${behindLoadBalancer ? ' and must admit the load balancer on the container port, which is the host port; the target group registers instances' : ''}. Only one task per instance can bind a port, so the service places one task per instance and a deployment starts each new task on another instance before it stops an old one.`,
  curlHealthCheck:
    'The container health check runs curl inside the container: if the image has no curl, remove healthCheck from the task definition (the load balancer still checks the tasks).',
} as const;
