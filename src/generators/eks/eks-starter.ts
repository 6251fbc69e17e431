import { sqsQueueSteps, sqsQueuesFile } from '../plan/queues/api-files';
import { queuesPlan } from '../plan/queues/plan';
import { reference } from '../plan/reference';
import { PLACEHOLDERS } from '../shared/placeholders';
import {
  type PlatformStarter,
  type StarterConfigInput,
  WEB_IDENTITY_ROLES_STEP,
} from '../shared/starter-file';
import { clusterConfigFile, isEksFargate } from './cluster-config';
import { manifestsFile, workloadKind } from './manifests';
import { s3EventRuleFile, s3EventRuleName, s3QueueTrigger } from './s3-event-rule';

/** The files for the three EKS platforms: an eksctl cluster definition and the workload's manifests. */
export function eksStarter(input: StarterConfigInput): PlatformStarter {
  const { workload, design } = input;
  const manifests = manifestsFile(input);
  const starter: PlatformStarter = {
    files: [clusterConfigFile(input), manifests.file],
    supportingRoles: [],
    steps: [],
    notes: [...manifests.notes],
  };
  const { files, steps, notes } = starter;
  const fargate = isEksFargate(input);

  steps.push(`Create the cluster (15 to 20 minutes): \`eksctl create cluster -f eks/cluster.yaml\``);
  if (fargate) {
    steps.push(
      `Read the cluster's OIDC issuer with \`aws eks describe-cluster --name ${workload.name} --query cluster.identity.oidc.issuer --output text\` and put it, without https://, in place of <oidc-provider> in iam/roles.json: the pod's role trusts the cluster, so it is created now.`,
      WEB_IDENTITY_ROLES_STEP,
    );
  }
  if (design.loadBalancer.type === 'alb' || design.loadBalancer.type === 'nlb') {
    steps.push(
      `Install the AWS Load Balancer Controller, which creates the ${design.loadBalancer.type === 'alb' ? 'ALB for the Ingress' : 'NLB for the Service'} (it needs its own IAM role; see https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html): \`helm repo add eks https://aws.github.io/eks-charts\` then \`helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=${workload.name} --set region=${workload.region} --set vpcId=<vpc-id>\``,
    );
  }
  const policies = design.scaling.policies;
  const hpa = policies.find((policy) => policy.type === 'horizontal-pod-autoscaler');
  if (hpa !== undefined && typeof hpa.queueName !== 'string') {
    steps.push(
      'Install the Kubernetes Metrics Server, which the HorizontalPodAutoscaler reads CPU from: `kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml`',
    );
  }
  if (hpa !== undefined && typeof hpa.queueName === 'string') {
    steps.push(
      `Install an external-metrics adapter that publishes the queue's ApproximateNumberOfMessagesVisible as the external metric ${hpa.metric ?? 'sqs-approximate-number-of-messages-visible'} (for example KEDA, whose aws-sqs-queue scaler can replace the HorizontalPodAutoscaler altogether).`,
    );
  }
  if (policies.some((policy) => policy.type === 'node-autoscaler')) {
    steps.push(
      'Install the Cluster Autoscaler (https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/cloudprovider/aws) so the node group grows when pods do not fit; its IAM role needs the autoscaling:SetDesiredCapacity and TerminateInstanceInAutoScalingGroup actions.',
    );
  }

  const trigger = s3QueueTrigger(input);
  const eventRule =
    trigger === undefined
      ? null
      : reference(
          'object-created-rule',
          'arn',
          `arn:aws:events:${input.workload.region}:${PLACEHOLDERS.accountId}:rule/${s3EventRuleName(input)}`,
        );
  const queues = queuesPlan(input, eventRule);
  if (queues !== null) {
    files.push(sqsQueuesFile(queues, input.workload.region));
    steps.push(...sqsQueueSteps(queues));
  }
  if (trigger !== undefined) {
    files.push(s3EventRuleFile(input, trigger));
    steps.push(
      `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${trigger.bucket ?? workload.trigger?.bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
      'Create the rule: `aws events put-rule --cli-input-json "$(jq .putRule eks/s3-event-rule.json)"`',
      'Send its events to the queue: `aws events put-targets --cli-input-json "$(jq .putTargets eks/s3-event-rule.json)"`',
    );
    if (workloadKind(input) === 'Job') {
      notes.push(
        'Each run of the Job reads the queue named in QUEUE_NAME until it is empty; to start one Job per object instead, use a KEDA ScaledJob on the queue.',
      );
    }
  }

  steps.push('Apply the manifests: `kubectl apply -f eks/manifests.yaml`');
  if (workloadKind(input) === 'Job') {
    steps.push(
      `Run the job again later by deleting the finished one first: \`kubectl delete job ${workload.name} -n ${workload.name}\` then apply the manifests again.`,
    );
  }
  if (input.facts.runtime.os === 'windows') {
    notes.push(
      'Windows pods need Windows IP address management turned on in the VPC CNI: set enable-windows-ipam: "true" in the amazon-vpc-cni ConfigMap in kube-system (eksctl does this when it creates a Windows node group).',
    );
  }
  if (fargate)
    notes.push(
      'Fargate runs pods only in private subnets: the VPC needs a NAT gateway (eksctl creates one) or VPC endpoints.',
    );
  if (design.storage.type === 'efs') {
    notes.push(
      "The EFS file system's mount targets must accept NFS (TCP 2049) from the cluster's security group.",
    );
  }
  return starter;
}
