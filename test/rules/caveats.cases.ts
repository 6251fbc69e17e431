import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { DOES_NOT_FIRE, type PlatformFitCase, type Warns } from './rule-case';

const onKubernetes = { kubernetes: 'required' } as const;
const existingAppRunnerCustomer = webWorkload({
  existingAppRunnerCustomer: true,
  control: { level: 'minimal' },
  traffic: { pattern: 'intermittent' },
});

/**
 * rules/caveats.json: caveats never change eligibility or score; the chosen platform's caveats become the
 * response's warnings. A positive row's workload must land on its platform; `warning` is a fragment of the
 * text the caller sees.
 */
export const caveatsCases: PlatformFitCase<Warns>[] = [
  // Fargate Spot runs Linux tasks on x86_64 and on ARM64 (platform version 1.4.0 or later), not Windows
  // (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html);
  // EKS does not support Fargate Spot (docs/sources.md §2).
  {
    given: 'an Arm64 queue worker tolerates interruption, which Fargate Spot runs on platform version 1.4.0',
    rule: 'spot-unavailable-for-this-workload',
    workload: workerWorkload({ control: { architecture: 'arm64' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a Windows web service tolerates interruption',
    rule: 'spot-unavailable-for-this-workload',
    workload: webWorkload({ control: { os: 'windows', level: 'minimal' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: { warning: 'No Spot capacity for windows/x86_64 on Amazon ECS on AWS Fargate' },
  },
  {
    given: 'an intermittent web service on Express Mode tolerates interruption',
    rule: 'spot-unavailable-for-this-workload',
    workload: webWorkload({
      control: { level: 'minimal' },
      traffic: { pattern: 'intermittent' },
      cost: { interruptible: true },
    }),
    platform: 'ecs-express-mode',
    want: {
      warning:
        'AWS calls this a default that can be changed afterwards, but neither the Express Mode API (CreateExpressGatewayService) nor its CloudFormation resource (AWS::ECS::ExpressGatewayService) can choose Fargate Spot',
    },
  },
  {
    given: 'a Kubernetes batch job tolerates interruption, which EKS Auto Mode runs on Spot',
    rule: 'spot-unavailable-for-this-workload',
    workload: batchWorkload({ control: onKubernetes, cost: { interruptible: true } }),
    platform: 'eks-auto-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an x86_64 batch job tolerates interruption',
    rule: 'spot-unavailable-for-this-workload',
    workload: batchWorkload({ cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an x86_64 batch job tolerates interruption and the team wants AWS to run everything',
    rule: 'spot-interruption-notice-on-ecs',
    workload: batchWorkload({ cost: { interruptible: true }, control: { level: 'minimal' } }),
    platform: 'ecs-fargate',
    want: { warning: 'task stops with stopCode SpotInterruption' },
  },
  {
    given: 'an Arm64 queue worker tolerates interruption',
    rule: 'spot-interruption-notice-on-ecs',
    workload: workerWorkload({ control: { architecture: 'arm64' }, cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: { warning: 'task stops with stopCode SpotInterruption' },
  },
  {
    given: 'the batch job must not be interrupted',
    rule: 'spot-interruption-notice-on-ecs',
    workload: batchWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an interruptible Kubernetes batch job runs on Spot nodes the team owns',
    rule: 'spot-interruption-notice-on-eks',
    workload: batchWorkload({
      control: { kubernetes: 'required', level: 'full' },
      cost: { interruptible: true },
    }),
    platform: 'eks-self-managed-nodes',
    want: { warning: 'managed node groups rebalance Spot capacity for you' },
  },
  {
    given: 'a Kubernetes batch job must not be interrupted',
    rule: 'spot-interruption-notice-on-eks',
    workload: batchWorkload({ control: { kubernetes: 'required', daemons: true } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an interruptible job runs on ECS, not EKS',
    rule: 'spot-interruption-notice-on-eks',
    workload: batchWorkload({ cost: { interruptible: true } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a cost-sensitive Kubernetes pod on Fargate shares files',
    rule: 'efs-on-eks-fargate-is-statically-provisioned',
    workload: webWorkload({
      control: { kubernetes: 'required', level: 'minimal' },
      persistence: { type: 'shared-file' },
      cost: { sensitivity: 'high' },
    }),
    platform: 'eks-fargate',
    want: { warning: 'only through statically provisioned persistent volumes' },
  },
  {
    given: 'a Kubernetes pod on managed nodes shares files',
    rule: 'efs-on-eks-fargate-is-statically-provisioned',
    workload: webWorkload({
      control: { kubernetes: 'required', daemons: true },
      persistence: { type: 'shared-file' },
    }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  // Host network mode: one task per host per port (networking-networkmode-host.html; Kubernetes' configuration overview).
  {
    given: "a web service needs the host's network",
    rule: 'host-network-one-task-per-host-per-port',
    workload: webWorkload({ control: { hostNetwork: true } }),
    platform: 'ecs-managed-instances',
    want: { warning: 'only one task or pod per instance can bind each port' },
  },
  {
    given: "a Kubernetes web service needs the host's network",
    rule: 'host-network-one-task-per-host-per-port',
    workload: webWorkload({ control: { hostNetwork: true, kubernetes: 'required' } }),
    platform: 'eks-auto-mode',
    want: { warning: "the instance's security group, not the task's, admits the traffic" },
  },
  {
    given: 'a web service keeps its own network interface',
    rule: 'host-network-one-task-per-host-per-port',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // EKS Auto Mode replaces every node within 21 days (https://docs.aws.amazon.com/eks/latest/userguide/automode.html).
  {
    given: 'the workload requires Kubernetes, which EKS Auto Mode runs',
    rule: 'aws-managed-hosts-are-replaced-regularly',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: { warning: 'at the latest 21 days after launch' },
  },
  {
    given: 'a cost-sensitive workload requires Kubernetes, which lands on Fargate',
    rule: 'aws-managed-hosts-are-replaced-regularly',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an interruptible Kubernetes batch job runs on Spot nodes EKS Auto Mode launches',
    rule: 'spot-interruption-notice-on-eks-auto-mode',
    workload: batchWorkload({ control: onKubernetes, cost: { interruptible: true } }),
    platform: 'eks-auto-mode',
    want: { warning: 'EKS Auto Mode drains the node' },
  },
  {
    given: 'an interruptible Kubernetes batch job runs on Spot nodes EKS Auto Mode launches',
    rule: 'spot-interruption-notice-on-eks',
    workload: batchWorkload({ control: onKubernetes, cost: { interruptible: true } }),
    platform: 'eks-auto-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload requires Kubernetes',
    rule: 'eks-control-plane-fee',
    workload: webWorkload({ control: onKubernetes }),
    platform: 'eks-auto-mode',
    want: { warning: 'control-plane fee of $0.10 per cluster-hour' },
  },
  {
    given: 'the workload has no Kubernetes preference',
    rule: 'eks-control-plane-fee',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // The example in docs/sources.md §5: 1 vCPU + 8 GB becomes 2 vCPU / 9 GB on EKS Fargate.
  {
    given: 'a cost-sensitive Kubernetes pod with spiky traffic asks for 2 vCPU and 8 GiB',
    rule: 'eks-fargate-adds-256-mb-per-pod',
    workload: webWorkload({
      control: onKubernetes,
      traffic: { pattern: 'spiky' },
      resources: { cpu: 2, memoryGiB: 8 },
      cost: { sensitivity: 'high' },
    }),
    platform: 'eks-fargate',
    want: { warning: 'a 2 vCPU / 8 GiB pod runs (and is billed) as 2 vCPU / 9 GB' },
  },
  {
    given: 'a cost-sensitive Kubernetes pod asks for the defaults, 0.5 vCPU and 1 GiB',
    rule: 'eks-fargate-adds-256-mb-per-pod',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    want: { warning: 'a 0.5 vCPU / 1 GiB pod runs (and is billed) as 0.5 vCPU / 2 GB' },
  },
  {
    given: 'a Kubernetes pod asks for 16 vCPU and 120 GiB, which leaves no room for the 256 MB',
    rule: 'eks-fargate-adds-256-mb-per-pod',
    workload: webWorkload({ control: onKubernetes, resources: { cpu: 16, memoryGiB: 120 } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a task asks for 0.75 vCPU and 1.5 GiB',
    rule: 'task-size-rounded-up',
    workload: webWorkload({ resources: { cpu: 0.75, memoryGiB: 1.5 } }),
    platform: 'ecs-fargate',
    want: {
      warning:
        '0.75 vCPU / 1.5 GiB is not a valid linux size on Amazon ECS on AWS Fargate; it is rounded up to 1 vCPU / 2 GiB',
    },
  },
  {
    given: 'a Windows task asks for the defaults, 0.5 vCPU and 1 GiB',
    rule: 'task-size-rounded-up',
    workload: webWorkload({ control: { os: 'windows' } }),
    platform: 'ecs-fargate',
    want: {
      warning: 'is not a valid windows size on Amazon ECS on AWS Fargate; it is rounded up to 1 vCPU / 2 GiB',
    },
  },
  {
    given: 'a task asks for a valid Fargate size',
    rule: 'task-size-rounded-up',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a Kubernetes pod asks for 0.75 vCPU and 1.5 GiB',
    rule: 'task-size-rounded-up',
    workload: webWorkload({ control: onKubernetes, resources: { cpu: 0.75, memoryGiB: 1.5 } }),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a cost-sensitive workload requires Kubernetes',
    rule: 'eks-fargate-pods-need-private-subnets',
    workload: webWorkload({ control: onKubernetes, cost: { sensitivity: 'high' } }),
    platform: 'eks-fargate',
    want: { warning: 'EKS Fargate pods run only in private subnets' },
  },
  {
    given: 'the workload requires Kubernetes and a per-host agent',
    rule: 'eks-fargate-pods-need-private-subnets',
    workload: webWorkload({ control: { ...onKubernetes, daemons: true } }),
    platform: 'eks-auto-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload shares files',
    rule: 'efs-on-fargate-needs-platform-version-1-4',
    workload: webWorkload({ persistence: { type: 'shared-file' } }),
    platform: 'ecs-fargate',
    want: { warning: 'Amazon EFS on Fargate needs Linux platform version 1.4.0 or later' },
  },
  {
    given: 'the workload shares files',
    rule: 'efs-on-fargate-needs-platform-version-1-4',
    workload: webWorkload({ persistence: { type: 'shared-file' } }),
    platform: 'ecs-ec2',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'the workload needs a block volume',
    rule: 'ecs-ebs-volume-lives-with-its-task',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'ecs-fargate',
    want: { warning: 'Amazon ECS attaches one EBS volume per task, created when the task launches' },
  },
  {
    given: 'the workload needs a block volume',
    rule: 'ecs-ebs-volume-lives-with-its-task',
    workload: webWorkload({ persistence: { type: 'block' } }),
    platform: 'eks-managed-nodes',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an existing App Runner customer runs an intermittent web app',
    rule: 'app-runner-request-timeout',
    workload: existingAppRunnerCustomer,
    platform: 'app-runner',
    want: { warning: 'App Runner serves HTTP/1.x only and ends every request after 120 seconds' },
  },
  {
    given: 'an existing App Runner customer runs an intermittent web app',
    rule: 'app-runner-request-timeout',
    workload: existingAppRunnerCustomer,
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an existing App Runner customer runs an intermittent web app',
    rule: 'app-runner-gets-no-new-features',
    workload: existingAppRunnerCustomer,
    platform: 'app-runner',
    want: { warning: 'gets no new features; plan the move to Amazon ECS Express Mode' },
  },
  {
    given: 'an existing App Runner customer runs an intermittent web app',
    rule: 'app-runner-gets-no-new-features',
    workload: existingAppRunnerCustomer,
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service takes UDP on port 7777',
    rule: 'udp-targets-need-a-tcp-health-check',
    workload: webWorkload({ traffic: { protocol: 'udp' }, containerPort: 7777 }),
    platform: 'ecs-fargate',
    want: { warning: 'the container must accept TCP connections on port 7777' },
  },
  {
    given: 'a game server takes UDP on 7777 and names its TCP status port 8081',
    rule: 'udp-targets-need-a-tcp-health-check',
    workload: webWorkload({ traffic: { protocol: 'udp', healthCheckPort: 8081 }, containerPort: 7777 }),
    platform: 'ecs-fargate',
    want: { warning: 'the container must accept TCP connections on port 8081 (traffic.healthCheckPort' },
  },
  {
    given: 'a web service takes TCP',
    rule: 'udp-targets-need-a-tcp-health-check',
    workload: webWorkload({ traffic: { protocol: 'tcp' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'an HTTPS service terminates TLS itself',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload({ traffic: { protocol: 'https', tlsTermination: 'service' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // ALB stickiness needs clients that keep cookies (sticky-sessions.html); NLBs have none on TLS listeners.
  {
    given: 'a gRPC service asks for sticky sessions',
    rule: 'sticky-sessions-not-applied',
    workload: webWorkload({ traffic: { protocol: 'grpc', stickySessions: true } }),
    platform: 'ecs-fargate',
    want: { warning: 'traffic.stickySessions is not applied to grpc traffic' },
  },
  {
    given: 'a TLS service terminated at the load balancer asks for sticky sessions',
    rule: 'sticky-sessions-not-applied',
    workload: webWorkload({ traffic: { protocol: 'tls', stickySessions: true } }),
    platform: 'ecs-fargate',
    want: { warning: 'traffic.stickySessions is not applied to tls traffic' },
  },
  {
    given: 'a TLS service passed through to the tasks asks for sticky sessions',
    rule: 'sticky-sessions-not-applied',
    workload: webWorkload({ traffic: { protocol: 'tls', tlsTermination: 'service', stickySessions: true } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a minimal-ops web app asks for sticky sessions',
    rule: 'built-in-endpoint-ignores-load-balancer-settings',
    workload: webWorkload({ control: { level: 'minimal' }, traffic: { stickySessions: true } }),
    platform: 'ecs-express-mode',
    want: { warning: 'traffic.stickySessions and traffic.healthCheckPort do not apply' },
  },
  {
    given: 'a minimal-ops web app names a separate health-check port',
    rule: 'built-in-endpoint-ignores-load-balancer-settings',
    workload: webWorkload({ control: { level: 'minimal' }, traffic: { healthCheckPort: 9000 } }),
    platform: 'ecs-express-mode',
    want: { warning: 'it checks healthCheckPath on containerPort 8080' },
  },
  {
    given: 'a minimal-ops web app leaves the load-balancer settings alone',
    rule: 'built-in-endpoint-ignores-load-balancer-settings',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service speaks gRPC',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload({ traffic: { protocol: 'grpc' } }),
    platform: 'ecs-fargate',
    want: {
      warning: 'The grpc listener terminates TLS at the load balancer, so it needs an ACM certificate',
    },
  },
  {
    given: 'a web service speaks WebSockets',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload({ traffic: { protocol: 'websocket' } }),
    platform: 'ecs-fargate',
    want: { warning: 'The websocket listener terminates TLS' },
  },
  {
    given: 'a web service takes TLS',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload({ traffic: { protocol: 'tls' } }),
    platform: 'ecs-fargate',
    want: { warning: 'The tls listener terminates TLS' },
  },
  {
    given: 'a web service takes plain HTTP',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload(),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // Express Mode provisions the ACM certificate itself (docs/sources.md §1).
  {
    given: 'a minimal-ops team serves HTTPS',
    rule: 'grpc-and-websockets-need-a-certificate',
    workload: webWorkload({ traffic: { protocol: 'https' }, control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a web service speaks WebSockets',
    rule: 'websocket-idle-timeout',
    workload: webWorkload({ traffic: { protocol: 'websocket' } }),
    platform: 'ecs-fargate',
    want: { warning: 'closes connections idle for 60 seconds by default' },
  },
  {
    given: 'a web service speaks gRPC',
    rule: 'websocket-idle-timeout',
    workload: webWorkload({ traffic: { protocol: 'grpc' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // https://docs.aws.amazon.com/batch/latest/userguide/job_retries.html
  {
    given: 'a batch job tolerates interruption',
    rule: 'spot-interruption-retried-on-batch',
    workload: batchWorkload({ cost: { interruptible: true } }),
    platform: 'aws-batch',
    want: { warning: 'the job definition retries it (up to 3 attempts in all)' },
  },
  {
    given: 'a batch job tolerates interruption',
    rule: 'spot-interruption-notice-on-ecs',
    workload: batchWorkload({ cost: { interruptible: true } }),
    platform: 'aws-batch',
    want: DOES_NOT_FIRE,
  },
  // Fargate's Arm rate is about 20% below x86 (https://aws.amazon.com/fargate/pricing/); an Arm task needs an
  // image built for Arm (https://docs.docker.com/build/building/multi-platform/).
  {
    given: 'a private web service runs on any architecture and cost matters most',
    rule: 'arm64-chosen-for-cost-needs-a-multi-arch-image',
    workload: webWorkload({
      traffic: { exposure: 'private' },
      control: { architecture: 'any' },
      cost: { sensitivity: 'high' },
    }),
    platform: 'ecs-fargate',
    want: { warning: 'docker buildx build --platform linux/amd64,linux/arm64' },
  },
  {
    given: 'a private web service runs on any architecture and cost matters somewhat',
    rule: 'arm64-chosen-for-cost-needs-a-multi-arch-image',
    workload: webWorkload({ traffic: { exposure: 'private' }, control: { architecture: 'any' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  // Express Mode's GovCloud (US) availability rests on a secondary source only (an AWS Japan blog post as
  // reported by dev.classmethod.jp); AWS publishes no Express Mode Region list
  // (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/express-service-work.html).
  {
    given: 'a minimal-ops web service runs in GovCloud (US-West)',
    rule: 'region-availability-not-confirmed',
    workload: webWorkload({ region: 'us-gov-west-1', control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: { warning: 'That Amazon ECS Express Mode is offered in us-gov-west-1 is not confirmed by AWS' },
  },
  {
    given: 'a minimal-ops web service runs in us-east-1',
    rule: 'region-availability-not-confirmed',
    workload: webWorkload({ control: { level: 'minimal' } }),
    platform: 'ecs-express-mode',
    want: DOES_NOT_FIRE,
  },
  // EventBridge Scheduler calls its target every time the schedule runs
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-scheduler-schedule.html);
  // a CronJob with concurrencyPolicy Forbid skips a tick while a run is going
  // (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#concurrency-policy).
  {
    given: 'a 25-minute job is scheduled every 10 minutes',
    rule: 'scheduled-runs-overlap-on-eventbridge-scheduler',
    workload: scheduledJob('rate(10 minutes)', 25),
    platform: 'ecs-fargate',
    want: {
      warning: 'EventBridge Scheduler starts a task on every tick whether or not the previous run ended',
    },
  },
  {
    given: 'a 10-minute job is scheduled every 10 minutes',
    rule: 'scheduled-runs-overlap-on-eventbridge-scheduler',
    workload: scheduledJob('rate(10 minutes)', 10),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a job scheduled every 10 minutes does not say how long it runs',
    rule: 'scheduled-runs-overlap-on-eventbridge-scheduler',
    workload: batchWorkload({ trigger: { type: 'schedule', expression: 'rate(10 minutes)' } }),
    platform: 'ecs-fargate',
    want: DOES_NOT_FIRE,
  },
  {
    given: 'a 90-minute Kubernetes job runs at 09:00 and 10:00',
    rule: 'scheduled-runs-skip-ticks-on-kubernetes',
    workload: scheduledJob('cron(0 9,10 * * ? *)', 90, onKubernetes),
    platform: 'eks-auto-mode',
    want: { warning: 'the CronJob (concurrencyPolicy: Forbid) skips the ticks that fall during a run' },
  },
  {
    given: 'a 30-minute Kubernetes job runs at 09:00 and 10:00',
    rule: 'scheduled-runs-skip-ticks-on-kubernetes',
    workload: scheduledJob('cron(0 9,10 * * ? *)', 30, onKubernetes),
    platform: 'eks-fargate',
    want: DOES_NOT_FIRE,
  },
];

function scheduledJob(expression: string, expectedRunMinutes: number, control = {}) {
  return batchWorkload({
    trigger: { type: 'schedule', expression },
    control,
    resources: { expectedRunMinutes },
  });
}
