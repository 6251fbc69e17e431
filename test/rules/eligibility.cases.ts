import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { DOES_NOT_FIRE, type Excludes, type PlatformFitCase } from './rule-case';

/**
 * rules/eligibility.json: hard requirements. A positive row names a platform that must be ineligible, with
 * a blocker that says why; a DOES_NOT_FIRE row names a platform that meets the same requirement. Facts
 * from docs/sources.md §2 unless noted.
 */
export const eligibilityCases: PlatformFitCase<Excludes>[] = [
  // Express Mode and App Runner build web services only.
  {
    given: 'the workload is a queue worker',
    rule: 'workload-type-must-be-supported',
    workload: workerWorkload(),
    platform: 'app-runner',
    want: { blockerMentions: /cannot run a worker workload. .*request-driven web applications/ },
  },
  {
    given: 'the workload is a batch job',
    rule: 'workload-type-must-be-supported',
    workload: batchWorkload(),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot run a batch workload. .*no queue-worker or scheduled-job form/ },
  },
  {
    given: 'the workload is a web service',
    rule: 'workload-type-must-be-supported',
    workload: webWorkload(),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload is a queue worker',
    rule: 'workload-type-must-be-supported',
    workload: workerWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  // Express Mode and App Runner terminate TLS at their own HTTPS endpoint: nothing passes it through.
  {
    given: 'an HTTPS service terminates TLS itself',
    rule: 'tls-passthrough-needs-a-network-load-balancer',
    workload: webWorkload({ traffic: { protocol: 'https', tlsTermination: 'service' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /terminates TLS at its own HTTPS endpoint/ },
  },
  {
    given: 'an existing App Runner customer serves HTTPS that the service terminates itself',
    rule: 'tls-passthrough-needs-a-network-load-balancer',
    workload: webWorkload({
      existingAppRunnerCustomer: true,
      traffic: { protocol: 'https', tlsTermination: 'service' },
    }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot pass TLS through/ },
  },
  {
    given: 'an HTTPS service terminates TLS itself',
    rule: 'tls-passthrough-needs-a-network-load-balancer',
    workload: webWorkload({ traffic: { protocol: 'https', tlsTermination: 'service' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  // App Runner is HTTP/1.x only (no gRPC, no WebSockets); Express Mode has an ALB and no NLB.
  {
    given: 'a web service speaks gRPC',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'grpc' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot serve grpc traffic. .*HTTP\/1\.1 only/ },
  },
  {
    given: 'a web service speaks WebSockets',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'websocket' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot serve websocket traffic. .*no WebSockets/ },
  },
  {
    given: 'a web service speaks gRPC',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'grpc' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot serve grpc traffic. .*no gRPC/ },
  },
  {
    given: 'a web service takes UDP',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'udp' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot serve udp traffic. .*no Network Load Balancer/ },
  },
  {
    given: 'a web service takes raw TCP',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'tcp' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot serve tcp traffic/ },
  },
  {
    given: 'a web service takes TLS that the load balancer must not turn into HTTP',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'tls' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot serve tls traffic/ },
  },
  {
    given: 'a web service speaks WebSockets',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'websocket' } }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service takes HTTPS',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'https' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service takes UDP',
    rule: 'protocol-must-be-supported',
    workload: webWorkload({ traffic: { protocol: 'udp' } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },

  // Every platform in the catalogue can keep a service private, so this rule has only negative rows.
  {
    given: 'a web service is private to the VPC',
    rule: 'private-exposure-must-be-supported',
    workload: webWorkload({ traffic: { exposure: 'private' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service is private to the VPC',
    rule: 'private-exposure-must-be-supported',
    workload: webWorkload({ traffic: { exposure: 'private' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  // Storage: EFS everywhere but App Runner and Express Mode; EBS not on EKS Fargate; FSx for Windows only
  // on Windows EC2 hosts; FSx for Lustre only on EKS EC2 nodes (docs/sources.md, summary 8).
  {
    given: 'the workload needs a block volume',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot provide block storage to linux containers/ },
  },
  {
    given: 'the workload needs a shared file system',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ persistence: { type: 'shared-file' }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot provide shared-file storage.*stateless/ },
  },
  {
    given: 'the workload needs a block volume',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /cannot provide block storage.*cannot mount EBS/ },
  },
  {
    given: 'the workload needs a high-performance file system',
    rule: 'persistence-must-be-supported',
    workload: batchWorkload({ persistence: { type: 'high-performance-file' } }),
    platform: 'ecs-ec2',
    want: {
      blockerMentions: /cannot provide high-performance-file storage.*ECS does not support FSx for Lustre/,
    },
  },
  {
    given: 'the workload needs a high-performance file system',
    rule: 'persistence-must-be-supported',
    workload: batchWorkload({ persistence: { type: 'high-performance-file' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /FSx for Lustre/ },
  },
  {
    given: 'a Windows workload needs a Windows file share',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot provide windows-file storage to windows containers. .*FSx for Windows/ },
  },
  {
    given: 'a Windows workload needs a Windows file share',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  // No AWS CSI driver mounts FSx for Windows File Server on EKS (EKS best practices, Windows storage).
  {
    given: 'a Windows workload on Kubernetes needs a Windows file share',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'eks-managed-nodes',
    want: {
      blockerMentions:
        /cannot provide windows-file storage to windows containers. .*CSI Proxy.*Amazon ECS on EC2, whose task definitions mount FSx for Windows File Server/,
    },
  },
  {
    given: 'a Windows workload on Kubernetes needs a Windows file share',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'eks-self-managed-nodes',
    want: {
      blockerMentions: /cannot provide windows-file storage to windows containers. .*Amazon ECS on EC2/,
    },
  },
  {
    given: 'the workload needs a shared file system',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ persistence: { type: 'shared-file' } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload needs a block volume',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // ECS-managed EBS volumes: "Linux, Windows (on Amazon EC2 only)"
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html).
  {
    given: 'a Windows workload needs a block volume',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'block' } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a Windows workload needs a block volume',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'block' } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot provide block storage to windows containers/ },
  },
  {
    given: 'the workload needs a high-performance file system',
    rule: 'persistence-must-be-supported',
    workload: batchWorkload({ persistence: { type: 'high-performance-file' } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  // GPU: never on Fargate (ECS or EKS), App Runner or Express Mode.
  {
    given: 'the workload needs a GPU',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot give linux containers a GPU. .*gpu parameter is invalid on Fargate/ },
  },
  {
    given: 'the workload needs a GPU',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /GPU\. EKS on Fargate supports neither GPUs nor Inferentia/ },
  },
  {
    given: 'the workload needs a GPU',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /GPU/ },
  },
  {
    given: 'the workload needs a GPU',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload needs a GPU',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  {
    given: 'the containers must run privileged',
    rule: 'privileged-containers-must-be-allowed',
    workload: webWorkload({ control: { privileged: true } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot run privileged containers/ },
  },
  {
    given: 'the containers must run privileged',
    rule: 'privileged-containers-must-be-allowed',
    workload: webWorkload({ control: { privileged: true } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /cannot run privileged containers/ },
  },
  {
    given: 'the containers must run privileged',
    rule: 'privileged-containers-must-be-allowed',
    workload: webWorkload({ control: { privileged: true } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the containers must run privileged',
    rule: 'privileged-containers-must-be-allowed',
    workload: webWorkload({ control: { privileged: true } }),
    platform: 'eks-self-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  // control.capabilities: Fargate adds SYS_PTRACE only; EC2-backed capacity adds any; the rest none.
  {
    given: 'the container adds NET_ADMIN and SYS_PTRACE',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['NET_ADMIN', 'SYS_PTRACE'] } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot add the Linux capabilities NET_ADMIN\. .*only SYS_PTRACE/ },
  },
  {
    given: 'the container adds SYS_PTRACE only',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['SYS_PTRACE'] } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the container adds SYS_PTRACE only',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['SYS_PTRACE'] } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /cannot add the Linux capabilities SYS_PTRACE\. .*Capabilities added/ },
  },
  {
    given: 'the container adds SYS_PTRACE only',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['SYS_PTRACE'] } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot add the Linux capabilities SYS_PTRACE\. .*no linuxParameters/ },
  },
  {
    given: 'the container adds NET_ADMIN',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['NET_ADMIN'] } }),
    platform: 'app-runner',
    want: { blockerMentions: /cannot add the Linux capabilities NET_ADMIN\. / },
  },
  {
    given: 'the job adds SYS_ADMIN and NET_RAW',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: batchWorkload({ control: { capabilities: ['SYS_ADMIN', 'NET_RAW'] } }),
    platform: 'aws-batch',
    want: { blockerMentions: /cannot add the Linux capabilities SYS_ADMIN, NET_RAW\. .*no capabilities/ },
  },
  ...(
    [
      'ecs-ec2',
      'ecs-managed-instances',
      'eks-managed-nodes',
      'eks-self-managed-nodes',
      'eks-auto-mode',
    ] as const
  ).map((platform) => ({
    given: 'the container adds NET_ADMIN, SYS_ADMIN and NET_RAW',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload({ control: { capabilities: ['NET_ADMIN', 'SYS_ADMIN', 'NET_RAW'] } }),
    platform,
    want: DOES_NOT_FIRE,
  })),
  {
    given: 'the container adds no capability',
    rule: 'added-linux-capabilities-must-be-allowed',
    workload: webWorkload(),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },

  // control.hostNetwork: the host's network namespace exists only on EC2-backed Linux capacity.
  ...(
    [
      ['ecs-fargate', /cannot run linux containers in the host's network namespace\. .*awsvpc network mode/],
      ['ecs-express-mode', /host's network namespace\. .*awsvpc network mode only/],
      ['eks-fargate', /host's network namespace\. .*cannot set HostPort or HostNetwork/],
      ['app-runner', /host's network namespace\. .*no network mode to choose/],
    ] as const
  ).map(([platform, blockerMentions]) => ({
    given: "the container needs the host's network",
    rule: 'host-network-needs-ec2-backed-capacity',
    workload: webWorkload({ control: { hostNetwork: true } }),
    platform,
    want: { blockerMentions },
  })),
  ...(
    [
      'ecs-ec2',
      'ecs-managed-instances',
      'eks-managed-nodes',
      'eks-self-managed-nodes',
      'eks-auto-mode',
    ] as const
  ).map((platform) => ({
    given: "the container needs the host's network",
    rule: 'host-network-needs-ec2-backed-capacity',
    workload: webWorkload({ control: { hostNetwork: true } }),
    platform,
    want: DOES_NOT_FIRE,
  })),
  {
    given: "the job needs the host's network",
    rule: 'host-network-needs-ec2-backed-capacity',
    workload: batchWorkload({ control: { hostNetwork: true } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the container keeps its own network',
    rule: 'host-network-needs-ec2-backed-capacity',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  {
    given: 'the workload needs a per-host agent',
    rule: 'per-host-daemons-must-be-schedulable',
    workload: webWorkload({ control: { daemons: true } }),
    platform: 'ecs-fargate',
    want: {
      blockerMentions: /cannot run per-host daemons. .*daemon scheduling strategy does not support Fargate/,
    },
  },
  {
    given: 'the workload needs a per-host agent',
    rule: 'per-host-daemons-must-be-schedulable',
    workload: webWorkload({ control: { daemons: true } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /does not run DaemonSets/ },
  },
  {
    given: 'the workload needs a per-host agent',
    rule: 'per-host-daemons-must-be-schedulable',
    workload: webWorkload({ control: { daemons: true } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload needs a per-host agent',
    rule: 'per-host-daemons-must-be-schedulable',
    workload: webWorkload({ control: { daemons: true } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  // Arm: Fargate (ECS) and EC2 yes; EKS Fargate no; Express Mode not as Berth can deploy it (X86_64 task
  // definitions its API cannot change). Windows: no EKS Fargate, no Express Mode (LINUX task definitions).
  {
    given: 'the image is built for Arm64 only',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { architecture: 'arm64' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /cannot deploy linux containers on arm64 to .*no Arm/ },
  },
  // Express Mode's X86_64 is a default AWS lets you change in the task definition afterwards, but neither its
  // API nor its CloudFormation resource can set it, and an Express Mode update may overwrite the change
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html): the blocker
  // says so rather than calling Arm64 impossible.
  {
    given: 'the image is built for Arm64 only',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { architecture: 'arm64' } }),
    platform: 'ecs-express-mode',
    want: {
      blockerMentions:
        /^Berth cannot deploy linux containers on arm64 to Amazon ECS Express Mode\. .*defaults that can be changed in the task definition afterwards, but neither the Express Mode API \(CreateExpressGatewayService\) nor its CloudFormation resource \(AWS::ECS::ExpressGatewayService\) can set them, and a later Express Mode update may overwrite such a change/,
    },
  },
  {
    given: 'the containers run Windows',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /cannot deploy windows containers on x86_64 to .*no Windows/ },
  },
  {
    given: 'the containers run Windows',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /cannot deploy windows containers/ },
  },
  {
    given: 'the image is built for Arm64 only',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { architecture: 'arm64' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the containers run Windows',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  // Control level "full" rules out every serverless option (api-contract.md).
  {
    given: 'the team needs full control of the hosts',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /gives no control over the hosts, which control level "full" requires/ },
  },
  {
    given: 'the team needs full control of the hosts',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /control level "full"/ },
  },
  // EKS Auto Mode: no custom AMIs, no SSH or SSM access, AWS chooses the image
  // (https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html); Linux only
  // (https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html).
  {
    given: 'the team needs custom AMIs and host access on Kubernetes',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full', kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    want: { blockerMentions: /no custom AMIs, no custom CNI, no SSH or SSM access/ },
  },
  {
    given: 'a Windows web service must run on Kubernetes',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { os: 'windows', kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    want: { blockerMentions: /Auto Mode runs Linux containers only/ },
  },
  {
    given: 'the team needs full control of the hosts',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /control level "full"/ },
  },
  {
    given: 'the team needs full control of the hosts',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the team needs full control of the hosts (custom AMIs, host access)',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'ecs-managed-instances',
    want: {
      blockerMentions: /control level "full" requires\. AWS owns the instances' software: no custom AMI/,
    },
  },
  {
    given: 'a Windows workload',
    rule: 'operating-system-and-architecture-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' } }),
    platform: 'ecs-managed-instances',
    want: { blockerMentions: /no Windows managed instances/ },
  },
  {
    given: 'a Windows workload asks for a Windows file share',
    rule: 'persistence-must-be-supported',
    workload: webWorkload({ control: { os: 'windows' }, persistence: { type: 'windows-file' } }),
    platform: 'ecs-managed-instances',
    want: { blockerMentions: /fsxWindowsFileServerVolumeConfiguration is not valid on Managed Instances/ },
  },
  {
    given: 'a GPU workload on Linux',
    rule: 'gpu-must-be-available',
    workload: webWorkload({ control: { gpu: true } }),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a privileged workload',
    rule: 'privileged-containers-must-be-allowed',
    workload: webWorkload({ control: { privileged: true } }),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a workload that needs a per-host agent',
    rule: 'per-host-daemons-must-be-schedulable',
    workload: webWorkload({ control: { daemons: true } }),
    platform: 'ecs-managed-instances',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the team needs full control of the hosts',
    rule: 'full-host-control-needs-ec2-hosts',
    workload: webWorkload({ control: { level: 'full' } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  {
    given: 'the workload requires Kubernetes',
    rule: 'kubernetes-required-needs-eks',
    workload: webWorkload({ control: { kubernetes: 'required' } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /does not offer the Kubernetes API/ },
  },
  {
    given: 'the workload requires Kubernetes',
    rule: 'kubernetes-required-needs-eks',
    workload: webWorkload({ control: { kubernetes: 'required' } }),
    platform: 'ecs-ec2',
    want: { blockerMentions: /does not offer the Kubernetes API/ },
  },
  {
    given: 'the workload requires Kubernetes',
    rule: 'kubernetes-required-needs-eks',
    workload: webWorkload({ control: { kubernetes: 'required' } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },

  // A Kubernetes CronJob takes five-field cron with none of L, W, # or a year
  // (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#schedule-syntax); EventBridge
  // Scheduler takes them (https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html).
  {
    given: 'a job runs on the last day of each month',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('cron(15 10 L * ? *)'),
    platform: 'eks-managed-nodes',
    want: {
      blockerMentions:
        /cannot run cron\(15 10 L \* \? \*\) as written: the last day of the month \(L\).*nearest CronJob schedule is `15 10 28 \* \*`/,
    },
  },
  {
    given: 'a job runs on the third Thursday of each month',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('cron(0 8 ? * 5#3 *)'),
    platform: 'eks-fargate',
    want: { blockerMentions: /the nth weekday of the month \(#\)/ },
  },
  {
    given: 'a job runs every 7 minutes',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('rate(7 minutes)'),
    platform: 'eks-self-managed-nodes',
    want: { blockerMentions: /cron restarts its count every hour/ },
  },
  {
    given: 'a job runs only in 2030',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('cron(0 2 * * ? 2030)'),
    platform: 'eks-managed-nodes',
    want: { blockerMentions: /no year field/ },
  },
  {
    given: 'a job runs on the last day of each month',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('cron(15 10 L * ? *)'),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a job runs every weekday at 18:00',
    rule: 'schedule-must-be-expressible-as-a-cronjob',
    workload: scheduled('cron(0 18 ? * MON-FRI *)'),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },

  {
    given: 'the team wants to avoid Kubernetes',
    rule: 'kubernetes-avoided-excludes-eks',
    workload: webWorkload({ control: { kubernetes: 'avoid' } }),
    platform: 'eks-managed-nodes',
    want: { blockerMentions: /is a Kubernetes platform, which the team wants to avoid/ },
  },
  {
    given: 'the team wants to avoid Kubernetes',
    rule: 'kubernetes-avoided-excludes-eks',
    workload: webWorkload({ control: { kubernetes: 'avoid' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /wants to avoid/ },
  },
  {
    given: 'the team wants to avoid Kubernetes',
    rule: 'kubernetes-avoided-excludes-eks',
    workload: webWorkload({ control: { kubernetes: 'avoid' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },

  // Fargate tops out at 16 vCPU / 120 GB (Windows at 4 vCPU); EKS Fargate adds 256 MB per pod first;
  // App Runner at 4 vCPU / 12 GB; EC2 tasks go to 192 vCPU (docs/sources.md §2, §5).
  {
    given: 'a task needs 64 vCPU and 512 GiB',
    rule: 'task-size-must-fit',
    workload: batchWorkload({ resources: { cpu: 64, memoryGiB: 512 } }),
    platform: 'ecs-fargate',
    want: {
      blockerMentions:
        /no linux size that covers 64 vCPU and 512 GiB per task\. .*to 16 vCPU .*up to 120 GiB/,
    },
  },
  {
    given: 'a Windows task needs 8 vCPU',
    rule: 'task-size-must-fit',
    workload: webWorkload({ control: { os: 'windows' }, resources: { cpu: 8, memoryGiB: 16 } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /no windows size that covers 8 vCPU.*windows sizes run from 1 to 4 vCPU/ },
  },
  {
    given: 'a pod needs exactly the largest Fargate size, 16 vCPU and 120 GiB',
    rule: 'task-size-must-fit',
    workload: webWorkload({ control: { kubernetes: 'preferred' }, resources: { cpu: 16, memoryGiB: 120 } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /after 256 MB is added for the node agents/ },
  },
  {
    given: 'a task needs exactly the largest Fargate size, 16 vCPU and 120 GiB',
    rule: 'task-size-must-fit',
    workload: webWorkload({ resources: { cpu: 16, memoryGiB: 120 } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an App Runner service needs 4 vCPU and 16 GiB',
    rule: 'task-size-must-fit',
    workload: webWorkload({ existingAppRunnerCustomer: true, resources: { cpu: 4, memoryGiB: 16 } }),
    platform: 'app-runner',
    want: { blockerMentions: /up to 12 GiB/ },
  },
  {
    given: 'a task needs 192 vCPU and 1536 GiB',
    rule: 'task-size-must-fit',
    workload: batchWorkload({ resources: { cpu: 192, memoryGiB: 1536 } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  // Scratch disk: Fargate 21-200 GiB, EKS Fargate up to 175 GiB, App Runner a fixed 3 GB (image included),
  // Express Mode only Fargate's default 20 GiB; EC2 root volumes up to 65,536 GiB.
  {
    given: 'a batch job asks for 150 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: batchWorkload({ resources: { ephemeralStorageGiB: 150 } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a batch job asks for 201 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: batchWorkload({ resources: { ephemeralStorageGiB: 201 } }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /cannot give one task or pod 201 GiB of scratch disk\. .*21-200 GiB/ },
  },
  {
    given: 'a Kubernetes job asks for 190 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: batchWorkload({ resources: { ephemeralStorageGiB: 190 }, control: { kubernetes: 'required' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /190 GiB of scratch disk\. .*at most 175 GiB/ },
  },
  {
    given: 'a Kubernetes job asks for 190 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: batchWorkload({ resources: { ephemeralStorageGiB: 190 }, control: { kubernetes: 'required' } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service asks for 10 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: webWorkload({ resources: { ephemeralStorageGiB: 10 }, existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: { blockerMentions: /10 GiB of scratch disk\. .*fixed 3 GB/ },
  },
  {
    given: 'a web service asks for 21 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: webWorkload({ resources: { ephemeralStorageGiB: 21 } }),
    platform: 'ecs-express-mode',
    want: { blockerMentions: /21 GiB of scratch disk\. .*default 20 GiB/ },
  },
  {
    given: 'a web service asks for 20 GiB of scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: webWorkload({ resources: { ephemeralStorageGiB: 20 } }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service sets no scratch disk',
    rule: 'ephemeral-storage-must-fit',
    workload: webWorkload({ existingAppRunnerCustomer: true }),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },

  // ECS takes an EBS volume only from the launch call; EventBridge and Scheduler cannot pass one.
  {
    given: 'a scheduled batch job needs block storage',
    rule: 'block-storage-must-reach-triggered-tasks',
    workload: batchWorkload({
      persistence: { type: 'block' },
      trigger: { type: 'schedule', expression: 'rate(1 day)' },
    }),
    platform: 'ecs-fargate',
    want: { blockerMentions: /started by the schedule trigger\. .*no VolumeConfigurations/ },
  },
  {
    given: 'a batch job run for every uploaded object needs block storage',
    rule: 'block-storage-must-reach-triggered-tasks',
    workload: batchWorkload({
      persistence: { type: 'block' },
      trigger: { type: 's3-object-created', bucket: 'uploads' },
    }),
    platform: 'ecs-ec2',
    want: { blockerMentions: /started by the s3-object-created trigger\. .*ephemeralStorageGiB/ },
  },
  {
    given: 'a scheduled batch job needs block storage',
    rule: 'block-storage-must-reach-triggered-tasks',
    workload: batchWorkload({
      persistence: { type: 'block' },
      trigger: { type: 'schedule', expression: 'rate(1 day)' },
    }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a queue worker needs block storage (its service passes the volume)',
    rule: 'block-storage-must-reach-triggered-tasks',
    workload: workerWorkload({ persistence: { type: 'block' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a scheduled batch job needs block storage',
    rule: 'block-storage-must-reach-triggered-tasks',
    workload: batchWorkload({
      persistence: { type: 'block' },
      trigger: { type: 'schedule', expression: 'rate(1 day)' },
    }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an existing App Runner customer deploys in São Paulo',
    rule: 'platform-must-be-offered-in-the-region',
    workload: webWorkload({ existingAppRunnerCustomer: true, region: 'sa-east-1' }),
    platform: 'app-runner',
    want: { blockerMentions: /not offered in sa-east-1\. App Runner is offered in 11 commercial Regions/ },
  },
  {
    given: 'an existing App Runner customer deploys in Ireland',
    rule: 'platform-must-be-offered-in-the-region',
    workload: webWorkload({ existingAppRunnerCustomer: true, region: 'eu-west-1' }),
    platform: 'app-runner',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service deploys in São Paulo',
    rule: 'platform-must-be-offered-in-the-region',
    workload: webWorkload({ region: 'sa-east-1' }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a Kubernetes service deploys in AWS GovCloud (US-West)',
    rule: 'platform-must-not-be-excluded-from-the-region',
    workload: webWorkload({ region: 'us-gov-west-1', control: { kubernetes: 'required' } }),
    platform: 'eks-fargate',
    want: { blockerMentions: /not available in the AWS GovCloud \(US\) Regions/ },
  },
  {
    given: 'a Kubernetes service deploys in us-east-1',
    rule: 'platform-must-not-be-excluded-from-the-region',
    workload: webWorkload({ control: { kubernetes: 'required' } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },

  // AWS Batch runs Windows containers on Fargate compute environments only, and reads no SQS queue
  // (https://docs.aws.amazon.com/batch/latest/APIReference/API_RuntimePlatform.html;
  // https://docs.aws.amazon.com/batch/latest/userguide/batch-cwe-target.html).
  {
    given: "a Windows batch job needs 8 vCPU, beyond Fargate's Windows sizes",
    rule: 'batch-runs-windows-on-fargate-only',
    workload: batchWorkload({ control: { os: 'windows' }, resources: { cpu: 8, memoryGiB: 32 } }),
    platform: 'aws-batch',
    want: {
      blockerMentions:
        /runs Windows containers on Fargate compute environments only.*windows sizes run from 1 to 4 vCPU/,
    },
  },
  {
    given: 'a Windows batch job fits Fargate with 2 vCPU and 4 GiB',
    rule: 'batch-runs-windows-on-fargate-only',
    workload: batchWorkload({ control: { os: 'windows' }, resources: { cpu: 2, memoryGiB: 4 } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a GPU batch job asks for 100 GiB of scratch disk (an EC2 compute environment)',
    rule: 'batch-ec2-scratch-disk-beyond-default',
    workload: batchWorkload({ control: { gpu: true }, resources: { ephemeralStorageGiB: 100 } }),
    platform: 'aws-batch',
    want: { blockerMentions: /EC2 compute environment.*does not size that volume.*100 GiB/ },
  },
  {
    given: 'a batch job larger than Fargate asks for 30 GiB of scratch disk',
    rule: 'batch-ec2-scratch-disk-beyond-default',
    workload: batchWorkload({ resources: { cpu: 32, memoryGiB: 256, ephemeralStorageGiB: 30 } }),
    platform: 'aws-batch',
    want: { blockerMentions: /at most 20 GiB/ },
  },
  {
    given: 'a GPU batch job asks for 20 GiB of scratch disk, the default',
    rule: 'batch-ec2-scratch-disk-beyond-default',
    workload: batchWorkload({ control: { gpu: true }, resources: { ephemeralStorageGiB: 20 } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a batch job that fits Fargate asks for 150 GiB of scratch disk',
    rule: 'batch-ec2-scratch-disk-beyond-default',
    workload: batchWorkload({ resources: { cpu: 2, memoryGiB: 4, ephemeralStorageGiB: 150 } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a batch job is fed by an SQS queue',
    rule: 'batch-jobs-are-not-fed-by-a-queue',
    workload: batchWorkload({ trigger: { type: 'sqs', queueName: 'jobs' } }),
    platform: 'aws-batch',
    want: { blockerMentions: /nothing in Batch reads an SQS queue/ },
  },
  {
    given: 'a batch job runs on a schedule',
    rule: 'batch-jobs-are-not-fed-by-a-queue',
    workload: batchWorkload({ trigger: { type: 'schedule', expression: 'cron(0 2 * * ? *)' } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
];

function scheduled(expression: string) {
  return batchWorkload({ trigger: { type: 'schedule', expression } });
}
