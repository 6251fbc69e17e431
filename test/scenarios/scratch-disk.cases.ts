import { batchWorkload, webWorkload } from '../support/workloads';
import { noLoadBalancer, publicHttps, type Scenario, stateless } from './scenarios.cases';

/**
 * Scratch disk (resources.ephemeralStorageGiB) and block storage for triggered jobs. Each expectation is
 * argued from the AWS page cited in its `why`.
 */
export const scratchDiskScenarios: Scenario[] = [
  {
    name: 'a transcoding job that needs 150 GiB of scratch disk',
    why: 'Each uploaded video submits a job that waits in an AWS Batch job queue until there is room (https://docs.aws.amazon.com/batch/latest/userguide/job_states.html), and the 4 vCPU / 16 GiB job fits Fargate, which AWS recommends for most Batch jobs (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html). A Fargate job gets 20 GiB unless its job definition sets ephemeralStorage.sizeInGiB, 21-200 GiB (https://docs.aws.amazon.com/batch/latest/APIReference/API_EphemeralStorage.html), so 150 GiB keeps it on a Fargate compute environment with the size written in the job definition; App Runner holds a fixed 3 GB (https://docs.aws.amazon.com/apprunner/latest/dg/develop.html).',
    workload: batchWorkload({
      name: 'transcoder',
      trigger: { type: 's3-object-created', bucket: 'raw-video' },
      resources: { cpu: 4, memoryGiB: 16, ephemeralStorageGiB: 150 },
    }),
    want: {
      platform: 'aws-batch',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-rule', target: 'batch:SubmitJob', bucket: 'raw-video' }],
      computeEnvironment: { type: 'FARGATE', capacity: 'fargate' },
      blockers: { 'app-runner': /150 GiB of scratch disk\. .*fixed 3 GB/ },
      starterFiles: {
        'batch/job-definition.json': /"ephemeralStorage": \{\s*"sizeInGiB": 150\s*\}/,
        'cloudformation/template.yaml': /EphemeralStorage:\s*SizeInGiB: 150/,
      },
    },
  },
  {
    name: 'a Kubernetes job that needs 190 GiB of scratch disk',
    why: 'A pod on EKS Fargate can ask for at most 175 GiB of ephemeral storage (https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html), so 190 GiB rules EKS on Fargate out; EC2 nodes take it on their root volume, which gp3 lets grow to 65,536 GiB (https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html), and managed node groups are the EKS choice for standard operations.',
    workload: batchWorkload({
      name: 'index-builder',
      control: { kubernetes: 'required' },
      resources: { cpu: 2, memoryGiB: 8, ephemeralStorageGiB: 190 },
    }),
    want: {
      platform: 'eks-managed-nodes',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      blockers: { 'eks-fargate': /190 GiB of scratch disk\. .*at most 175 GiB/ },
    },
  },
  {
    name: 'a web service of an App Runner customer that writes 10 GiB of temporary files',
    why: "An App Runner instance has 3 GB of ephemeral storage that also holds the image (https://docs.aws.amazon.com/apprunner/latest/dg/develop.html), so 10 GiB rules App Runner out even for an existing customer; Express Mode tasks keep Fargate's default 20 GiB, and ECS on Fargate, the default for a web service, gives 10 GiB without setting anything (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html).",
    workload: webWorkload({
      name: 'report-renderer',
      existingAppRunnerCustomer: true,
      resources: { ephemeralStorageGiB: 10 },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: { type: 'alb', scheme: 'internet-facing' },
      storage: stateless,
      scalingPolicy: 'target-tracking',
      blockers: { 'app-runner': /10 GiB of scratch disk\. .*fixed 3 GB \(2\.79 GiB\)/ },
    },
  },
  {
    name: 'a scheduled job that keeps its data on a block volume',
    why: "ECS gives a task an EBS volume only from the volumeConfigurations of the call that launches it, and the EcsParameters of EventBridge Scheduler have no VolumeConfigurations (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html; https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html), so a scheduled task on ECS could never get its volume: both ECS platforms are out. On EKS a CronJob's pod gets its volume from a PersistentVolumeClaim that the EBS CSI driver provisions (https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html); EKS on Fargate mounts no EBS (https://docs.aws.amazon.com/eks/latest/userguide/fargate.html), and EKS Auto Mode has the EBS CSI driver built in (https://docs.aws.amazon.com/eks/latest/userguide/create-storage-class.html), so Auto Mode runs it.",
    workload: batchWorkload({
      name: 'ledger-close',
      persistence: { type: 'block', sizeGiB: 100 },
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: noLoadBalancer,
      storage: { type: 'ebs', sizeGiB: 100 },
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'kubernetes-cronjob' }],
      blockers: {
        'ecs-fargate': /started by the schedule trigger\. .*no VolumeConfigurations.*ephemeralStorageGiB/,
        'ecs-ec2': /started by the schedule trigger\. .*no VolumeConfigurations/,
      },
    },
  },
  {
    name: 'the same scheduled job with its 100 GiB as scratch disk instead',
    why: 'The blocker above points to scratch disk: a Fargate task definition sets up to 200 GiB of ephemeral storage itself, so nothing has to pass through the schedule (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html), and EventBridge Scheduler runs the task with RunTask (https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html): the job is back on ECS on Fargate.',
    workload: batchWorkload({
      name: 'ledger-close',
      resources: { ephemeralStorageGiB: 100 },
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    }),
    want: {
      platform: 'ecs-fargate',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'cron(0 3 * * ? *)', target: 'ecs:RunTask' }],
    },
  },
  {
    name: 'a nightly GPU training job that needs 100 GiB of scratch disk',
    why: "A GPU job needs an EC2 compute environment, since Fargate offers no GPUs (https://docs.aws.amazon.com/batch/latest/userguide/when-to-use-fargate.html); the job definition's ephemeralStorage applies to Fargate jobs only (https://docs.aws.amazon.com/batch/latest/APIReference/API_EphemeralStorage.html) and an EC2 job writes to the instance's root volume, which only a launch template resizes (https://docs.aws.amazon.com/batch/latest/userguide/launch-templates.html) and the starter does not write, so AWS Batch is out with the reason. ECS Managed Instances runs GPU tasks on instances AWS provisions and patches (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html) and sizes the instance's storage volume (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesStorageConfiguration.html), so the job goes there.",
    workload: batchWorkload({
      name: 'train-ranker',
      control: { gpu: true },
      resources: { cpu: 8, memoryGiB: 32, ephemeralStorageGiB: 100 },
      trigger: { type: 'schedule', expression: 'cron(0 1 * * ? *)' },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'eventbridge-schedule', expression: 'cron(0 1 * * ? *)', target: 'ecs:RunTask' }],
      blockers: { 'aws-batch': /EC2 compute environment.*cannot promise 100 GiB of scratch disk/ },
    },
  },
  {
    name: 'a GPU inference service on AWS-run hosts that caches 100 GiB of model files on scratch disk',
    why: 'Fargate offers no GPUs, and Managed Instances runs GPU tasks on hosts AWS patches, which control level "minimal" asks for (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html). A managed instance\'s tasks share one storage volume set by the capacity provider\'s storageConfiguration.storageSizeGiB (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesStorageConfiguration.html); with one GPU per task and one GPU on the smallest GPU type that holds 4 vCPU and 12 GiB (g5.xlarge, https://aws.amazon.com/ec2/instance-types/g5/), each instance holds one task, so its volume is 100 GiB plus the 30 GiB the catalogue allows for the operating system and images: 130 GiB in both the API file and the template.',
    workload: webWorkload({
      name: 'vision',
      traffic: { protocol: 'https' },
      control: { gpu: true, level: 'minimal' },
      resources: { cpu: 4, memoryGiB: 12, ephemeralStorageGiB: 100 },
    }),
    want: {
      platform: 'ecs-managed-instances',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'target-tracking',
      starterFiles: {
        'ecs/capacity-provider.json': /"storageConfiguration": \{\s*"storageSizeGiB": 130\s*\}/,
        'cloudformation/template.yaml': /StorageConfiguration:\s*StorageSizeGiB: 130/,
      },
    },
  },
];
