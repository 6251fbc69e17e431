/**
 * The values a starter configuration cannot know (the account, the network, resources created outside it).
 * Each appears in the files as `<name>`; the README lists the ones a configuration uses, with what to put there.
 */
export const PLACEHOLDERS = {
  accountId: '<account-id>',
  vpcId: '<vpc-id>',
  vpcCidr: '<vpc-cidr>',
  loadBalancerSecurityGroupId: '<load-balancer-security-group-id>',
  subnetId: '<subnet-id>',
  publicSubnetId: '<public-subnet-id>',
  securityGroupId: '<security-group-id>',
  jobSecurityGroupId: '<job-security-group-id>',
  loadBalancerArn: '<load-balancer-arn>',
  targetGroupArn: '<target-group-arn>',
  autoScalingGroupArn: '<auto-scaling-group-arn>',
  acmCertificateArn: '<acm-certificate-arn>',
  efsFileSystemId: '<efs-file-system-id>',
  efsAccessPointId: '<efs-access-point-id>',
  efsSecurityGroupId: '<efs-security-group-id>',
  privateSubnetIds: '<private-subnet-ids>',
  clusterSecurityGroupId: '<cluster-security-group-id>',
  fsxFileSystemId: '<fsx-file-system-id>',
  fsxCredentialsSecretArn: '<fsx-credentials-secret-arn>',
  activeDirectoryDomain: '<active-directory-domain>',
  activeDirectoryId: '<active-directory-id>',
  activeDirectoryDnsIp: '<active-directory-dns-ip>',
  oidcProvider: '<oidc-provider>',
  autoScalingConfigurationArn: '<auto-scaling-configuration-arn>',
  daemonImage: '<daemon-image>',
  secretArnSuffix: '<secret-arn-suffix>',
} as const;

export type PlaceholderKey = keyof typeof PLACEHOLDERS;

/** What to replace each placeholder with, in the README's words. */
export const PLACEHOLDER_DESCRIPTIONS: Record<PlaceholderKey, string> = {
  accountId: 'your 12-digit AWS account id',
  vpcId: 'the id of the VPC the workload runs in',
  vpcCidr:
    "the VPC's IPv4 CIDR block (`aws ec2 describe-vpcs --vpc-ids vpc-… --query 'Vpcs[0].CidrBlock'`): the only addresses the internal load balancer accepts",
  loadBalancerSecurityGroupId:
    "the GroupId printed by create-security-group for the load balancer's security group",
  subnetId: 'the id of a private subnet (list one per Availability Zone, at least two)',
  publicSubnetId:
    'the id of a public subnet for an internet-facing load balancer, or a private one for an internal load balancer (one per Availability Zone, at least two)',
  securityGroupId:
    'the id of the security group the tasks use; it must allow traffic from the load balancer on the container port',
  jobSecurityGroupId:
    "the GroupId printed by create-security-group for the jobs' security group (no inbound rules: nothing connects to a job)",
  loadBalancerArn: 'the LoadBalancerArn printed by create-load-balancer',
  targetGroupArn: 'the ARN of the load balancer target group created for the service (see the steps below)',
  autoScalingGroupArn: 'the ARN of the EC2 Auto Scaling group whose instances run the ECS container agent',
  acmCertificateArn: 'the ARN of the ACM certificate for your domain, used by the TLS listener',
  efsFileSystemId: 'the id of the Amazon EFS file system (fs-…)',
  efsAccessPointId: 'the id of the EFS access point the workload mounts through (fsap-…)',
  efsSecurityGroupId:
    "the GroupId printed by create-security-group for the EFS mount targets' security group",
  privateSubnetIds:
    'the ids of every private subnet the workload runs in, separated by spaces (one per Availability Zone)',
  clusterSecurityGroupId:
    'the cluster security group EKS created (`aws eks describe-cluster --name <cluster> --query cluster.resourcesVpcConfig.clusterSecurityGroupId`)',
  fsxFileSystemId: 'the id of the Amazon FSx for Windows File Server file system (fs-…)',
  fsxCredentialsSecretArn:
    'the ARN of the Secrets Manager secret holding the Active Directory credentials (keys username and password) the share is mounted with',
  activeDirectoryDomain: 'the Active Directory domain the file system is joined to',
  activeDirectoryId:
    'the id (d-…) of the AWS Directory Service directory (AWS Managed Microsoft AD or AD Connector) the instances join',
  activeDirectoryDnsIp: "an IP address of the directory's DNS servers (list each one)",
  oidcProvider: "the cluster's OIDC issuer without https:// (oidc.eks.<region>.amazonaws.com/id/…)",
  autoScalingConfigurationArn: 'the AutoScalingConfigurationArn printed by create-auto-scaling-configuration',
  daemonImage:
    'the image of the per-host agent (log shipper, monitoring or security agent) the ECS daemon service or the Kubernetes DaemonSet runs',
  secretArnSuffix:
    "the six random characters Secrets Manager appended to that secret's ARN: the end of the ARN `aws secretsmanager create-secret` printed for it (each secret has its own)",
};

export function iamRoleArn(roleName: string): string {
  return `arn:aws:iam::${PLACEHOLDERS.accountId}:role/${roleName}`;
}

/** The placeholders that occur in the given texts, in the order PLACEHOLDERS lists them. */
export function placeholdersIn(texts: readonly string[]): PlaceholderKey[] {
  const keys = Object.keys(PLACEHOLDERS) as PlaceholderKey[];
  return keys.filter((key) => texts.some((text) => text.includes(PLACEHOLDERS[key])));
}
