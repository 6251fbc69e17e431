import { batchWorkload, webWorkload, workerWorkload } from '../support/workloads';
import { noLoadBalancer, publicHttp, publicHttps, type Scenario, stateless } from './scenarios.cases';

const AUTO_MODE = 'https://docs.aws.amazon.com/eks/latest/userguide/automode.html';
const COMPUTE_OPTIONS = 'https://docs.aws.amazon.com/eks/latest/userguide/eks-compute.html';
const FROM_FARGATE = 'https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-fargate.html';

/** EKS Auto Mode (GA 2024-12): the platform Kubernetes workloads land on unless a hard requirement forbids it. */
export const eksAutoModeScenarios: Scenario[] = [
  {
    name: 'an HTTPS API that must run on Kubernetes, from a team that runs services but not hosts',
    why: `AWS calls EKS Auto Mode the recommended approach for EKS compute going forward, with EKS on Fargate still an option (${FROM_FARGATE}); its nodes are patched, upgraded and replaced by AWS, which managed node groups leave with the team (${COMPUTE_OPTIONS}). Its built-in load balancing serves HTTPS through an ALB Ingress, and Auto Mode replaces each node within 21 days (${AUTO_MODE}).`,
    workload: webWorkload({
      name: 'catalog',
      traffic: { protocol: 'https' },
      control: { kubernetes: 'required' },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      warnings: ['at the latest 21 days after launch'],
    },
  },
  {
    name: 'a GPU inference API on Kubernetes from a team that wants AWS to run everything',
    why: `EKS Fargate has no GPUs; EKS Auto Mode launches NVIDIA GPU instances and manages their kernel drivers and device plugin (https://docs.aws.amazon.com/eks/latest/userguide/auto-accelerated.html) on nodes AWS patches, so minimal operations never land on nodes the team patches (${COMPUTE_OPTIONS}).`,
    workload: webWorkload({
      name: 'vision',
      traffic: { protocol: 'https' },
      control: { kubernetes: 'required', gpu: true, level: 'minimal' },
      resources: { cpu: 2, memoryGiB: 8 },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: publicHttps,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /GPU/, 'ecs-fargate': /Kubernetes API/ },
    },
  },
  {
    name: 'an interruptible Arm64 queue worker on Kubernetes',
    why: `EKS does not support Fargate Spot and EKS on Fargate runs no Arm (https://docs.aws.amazon.com/eks/latest/userguide/fargate.html); an Auto Mode NodePool selects Spot capacity with karpenter.sh/capacity-type and Arm64 with kubernetes.io/arch (https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html). Spot nodes can be reclaimed with a two-minute notice (https://aws.amazon.com/ec2/spot/).`,
    workload: workerWorkload({
      name: 'crawler',
      control: { kubernetes: 'required', architecture: 'arm64' },
      cost: { interruptible: true },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      triggers: [{ type: 'sqs-queue', queueName: 'crawler-queue' }],
      warnings: ['EKS Auto Mode drains the node'],
      blockers: { 'eks-fargate': /arm64/ },
    },
  },
  {
    name: 'a Windows web service on Kubernetes',
    why: `EKS Auto Mode cannot run containers that require Windows, managed node groups can (${COMPUTE_OPTIONS}); with control level standard the team's own self-managed nodes rank below managed node groups.`,
    workload: webWorkload({
      name: 'legacy',
      control: { kubernetes: 'required', os: 'windows' },
      resources: { cpu: 1, memoryGiB: 2 },
    }),
    want: {
      platform: 'eks-managed-nodes',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-auto-mode': /Auto Mode runs Linux containers only/ },
    },
  },
  {
    name: 'a Kubernetes service that keeps a block volume per pod',
    why: `EKS Auto Mode's block storage is an integrated capability: a StorageClass with provisioner ebs.csi.eks.amazonaws.com gets EBS volumes without the EBS CSI add-on (https://docs.aws.amazon.com/eks/latest/userguide/create-storage-class.html); EKS on Fargate cannot mount EBS (https://docs.aws.amazon.com/eks/latest/userguide/fargate.html).`,
    workload: webWorkload({
      name: 'ledger',
      control: { kubernetes: 'required' },
      persistence: { type: 'block', sizeGiB: 50 },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: publicHttp,
      storage: { type: 'ebs', sizeGiB: 50, details: { volumeType: 'gp3', encrypted: true } },
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-fargate': /block storage/ },
    },
  },
  {
    name: 'a Kubernetes web service whose team needs custom AMIs and SSH on the nodes',
    why: `Control level full needs the hosts themselves (contract); EKS Auto Mode allows no custom AMI, no custom CNI and no SSH into the nodes (${COMPUTE_OPTIONS}; https://docs.aws.amazon.com/eks/latest/userguide/automode-learn-instances.html), self-managed nodes leave AMI and bootstrap to the team.`,
    workload: webWorkload({ name: 'edge-proxy', control: { kubernetes: 'required', level: 'full' } }),
    want: {
      platform: 'eks-self-managed-nodes',
      loadBalancer: publicHttp,
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
      blockers: { 'eks-auto-mode': /control level "full"/ },
    },
  },
  {
    name: 'a UDP game server on Kubernetes',
    why: `Only a Network Load Balancer carries UDP (https://aws.amazon.com/elasticloadbalancing/faqs/); EKS Auto Mode provisions an NLB for a Service of type LoadBalancer by itself, with no controller to install (https://docs.aws.amazon.com/eks/latest/userguide/auto-configure-nlb.html).`,
    workload: webWorkload({
      name: 'game',
      control: { kubernetes: 'required' },
      traffic: { protocol: 'udp' },
      containerPort: 7777,
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: {
        type: 'nlb',
        scheme: 'internet-facing',
        listeners: [{ protocol: 'UDP', port: 7777 }],
      },
      storage: stateless,
      scalingPolicy: 'horizontal-pod-autoscaler',
    },
  },
  {
    name: 'a nightly Kubernetes job from a team that wants AWS to run everything',
    why: `With Kubernetes required and minimal operations, EKS Auto Mode runs the nodes and the cluster's add-ons (${AUTO_MODE}) and is AWS's recommended path over EKS on Fargate (${FROM_FARGATE}); Auto Mode removes nodes that no workload needs, so nothing waits between runs. Kubernetes runs the schedule as a CronJob.`,
    workload: batchWorkload({
      name: 'nightly',
      control: { kubernetes: 'required', level: 'minimal' },
      trigger: { type: 'schedule', expression: 'cron(0 3 * * ? *)' },
    }),
    want: {
      platform: 'eks-auto-mode',
      loadBalancer: noLoadBalancer,
      storage: stateless,
      scalingPolicy: 'run-per-trigger',
      triggers: [{ type: 'kubernetes-cronjob' }],
    },
  },
];
