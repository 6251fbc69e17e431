/** The README's EKS commands; the parametrised ones name the cluster, the bucket or the helper to install. */
export const STEPS = {
  createCluster: 'Create the cluster (15 to 20 minutes): `eksctl create cluster -f eks/cluster.yaml`',
  readOidcIssuer: (cluster: string) =>
    `Read the cluster's OIDC issuer with \`aws eks describe-cluster --name ${cluster} --query cluster.identity.oidc.issuer --output text\` and put it, without https://, in place of <oidc-provider> in iam/roles.json: the pod's role trusts the cluster, so it is created now.`,
  installLoadBalancerController: (type: 'alb' | 'nlb', cluster: string, region: string) =>
    `Install the AWS Load Balancer Controller, which creates the ${type === 'alb' ? 'ALB for the Ingress' : 'NLB for the Service'} (it needs its own IAM role; see https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html): \`helm repo add eks https://aws.github.io/eks-charts\` then \`helm install aws-load-balancer-controller eks/aws-load-balancer-controller -n kube-system --set clusterName=${cluster} --set region=${region} --set vpcId=<vpc-id>\``,
  installMetricsServer:
    'Install the Kubernetes Metrics Server, which the HorizontalPodAutoscaler reads CPU from: `kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml`',
  installExternalMetricsAdapter: (metric: string) =>
    `Install an external-metrics adapter that publishes the queue's ApproximateNumberOfMessagesVisible as the external metric ${metric} (for example KEDA, whose aws-sqs-queue scaler can replace the HorizontalPodAutoscaler altogether).`,
  installClusterAutoscaler:
    'Install the Cluster Autoscaler (https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/cloudprovider/aws) so the node group grows when pods do not fit; its IAM role needs the autoscaling:SetDesiredCapacity and TerminateInstanceInAutoScalingGroup actions.',
  enableBucketNotifications: (bucket: string) =>
    `Turn on EventBridge notifications for the bucket: \`aws s3api put-bucket-notification-configuration --bucket ${bucket} --notification-configuration '{"EventBridgeConfiguration":{}}'\``,
  createS3EventRule:
    'Create the rule: `aws events put-rule --cli-input-json "$(jq .putRule eks/s3-event-rule.json)"`',
  targetS3EventRule:
    'Send its events to the queue: `aws events put-targets --cli-input-json "$(jq .putTargets eks/s3-event-rule.json)"`',
  applyManifests: 'Apply the manifests: `kubectl apply -f eks/manifests.yaml`',
  rerunJob: (name: string) =>
    `Run the job again later by deleting the finished one first: \`kubectl delete job ${name} -n ${name}\` then apply the manifests again.`,
} as const;

/** The README's EKS notes. */
export const NOTES = {
  daemonSet: (name: string, identity: 'pod-identity' | 'irsa') =>
    `The per-node agent runs as DaemonSet ${name} on every node (tainted ones too), from <daemon-image>, under its own ServiceAccount ${name} and IAM role ${name} (${identity === 'pod-identity' ? 'through an EKS Pod Identity association' : 'trusted through the cluster OIDC provider: EKS Pod Identity runs on Linux nodes only'}); the role allows nothing yet: add what the agent calls.`,
  autoscalerKeepsOnePod:
    'A HorizontalPodAutoscaler cannot scale to zero pods, so the workload keeps at least one pod running.',
  jobReadsQueue:
    'Each run of the Job reads the queue named in QUEUE_NAME until it is empty; to start one Job per object instead, use a KEDA ScaledJob on the queue.',
  windowsIpam:
    'Windows pods need Windows IP address management turned on in the VPC CNI: set enable-windows-ipam: "true" in the amazon-vpc-cni ConfigMap in kube-system (eksctl does this when it creates a Windows node group).',
  fargatePrivateSubnets:
    'Fargate runs pods only in private subnets: the VPC needs a NAT gateway (eksctl creates one) or VPC endpoints.',
  nodeRootVolume: (sizeGiB: number, reason: string) =>
    `The workload's nodes get ${sizeGiB} GiB root volumes for the pods' scratch disk (their ephemeral-storage requests): ${reason}, since the kubelet evicts pods once less than 10% of the disk is free.`,
  autoModeSubnetTags:
    'EKS Auto Mode finds the subnets of its load balancers by their tags: kubernetes.io/role/elb = 1 on the public subnets, kubernetes.io/role/internal-elb = 1 on the private ones (eksctl tags the subnets it creates).',
  autoModeNodePool:
    "EKS Auto Mode launches the workload's nodes from its NodePool in eks/manifests.yaml, only the instance types the estimate priced; widen its instance-type requirement (for example to eks.amazonaws.com/instance-family) to let Auto Mode pack pods onto larger nodes. Auto Mode replaces each node within 21 days.",
} as const;

/** What to do once the stack is up. */
export const STACK_NEXT_STEPS = {
  updateKubeconfig: (cluster: string, region: string) =>
    `Let kubectl reach the cluster: \`aws eks update-kubeconfig --name ${cluster} --region ${region}\``,
  fillManifestPlaceholders:
    'Put your values in place of the placeholders of `eks/manifests.yaml` (listed below); the ids the stack created are among its outputs.',
  installLoadBalancerController:
    'Install the AWS Load Balancer Controller, as the steps below do, so the manifests get their load balancer.',
  applyManifests: 'Apply the manifests: `kubectl apply -f eks/manifests.yaml`',
} as const;
