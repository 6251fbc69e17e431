import type { Intrinsic } from './intrinsics';
import type { TemplateBuilder } from './template';

/**
 * The template parameters: what Berth cannot know about the account (the network, the image, a certificate)
 * and the names a deployment may want to change. Each is declared where a resource first refers to it, so a
 * template carries only the parameters it uses, always in this order.
 */
export const PARAMETER_ORDER = [
  'VpcId',
  'VpcCidr',
  'PrivateSubnetIds',
  'PublicSubnetIds',
  'ImageUri',
  'DaemonImageUri',
  'CertificateArn',
  'QueueName',
  'DeadLetterQueueName',
  'BucketName',
  'InstanceType',
  'AmiId',
  'SystemInstanceType',
  'SystemAmiId',
  'ServiceIpv4Cidr',
  'FsxFileSystemId',
  'FsxCredentialsParameter',
  'ActiveDirectoryDomain',
  'ActiveDirectoryId',
  'ActiveDirectoryDnsIps',
] as const;

const QUEUE_NAME_PATTERN = '^[A-Za-z0-9_-]{1,80}$';
const BUCKET_NAME_PATTERN = '^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$';
const CERTIFICATE_ARN = 'arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[A-Za-z0-9-]+';

export function vpcId(template: TemplateBuilder): Intrinsic {
  return template.parameter('VpcId', {
    Type: 'AWS::EC2::VPC::Id',
    Description: 'The existing VPC the workload runs in.',
  });
}

/**
 * The VPC's IPv4 CIDR, which an internal load balancer admits: CloudFormation cannot read it from an existing
 * VPC's id (Fn::GetAtt works only on a VPC the stack creates), so the deployer gives it.
 */
export function vpcCidr(template: TemplateBuilder): Intrinsic {
  return template.parameter('VpcCidr', {
    Type: 'String',
    AllowedPattern: '^([0-9]{1,3}\\.){3}[0-9]{1,3}/([0-9]|[12][0-9]|3[0-2])$',
    ConstraintDescription: 'must be an IPv4 CIDR block such as 10.0.0.0/16',
    Description:
      "The VPC's IPv4 CIDR block (aws ec2 describe-vpcs --vpc-ids vpc-… --query 'Vpcs[0].CidrBlock'): the internal load balancer accepts connections from these addresses only. Add rules for secondary CIDRs or peered networks that must reach it.",
  });
}

/** What the private subnets' description adds when the stack creates an EFS file system in them. */
export const EFS_SUBNETS_NOTE =
  ' The EFS file system gets a mount target in each of them, up to six (a file system takes one mount target per Availability Zone).';

/** Where the tasks, pods or nodes run; `note` adds what this template needs of them. */
export function privateSubnetIds(template: TemplateBuilder, note = ''): Intrinsic {
  return template.parameter('PrivateSubnetIds', {
    Type: 'List<AWS::EC2::Subnet::Id>',
    Description: `Private subnets of the VPC, one per Availability Zone and at least two, with outbound internet access through a NAT gateway (or VPC endpoints).${note}`,
  });
}

export function publicSubnetIds(template: TemplateBuilder): Intrinsic {
  return template.parameter('PublicSubnetIds', {
    Type: 'List<AWS::EC2::Subnet::Id>',
    Description:
      'Public subnets of the VPC (routed to an internet gateway), one per Availability Zone and at least two: the internet-facing load balancer is placed here.',
  });
}

/** The image to run: the workload's own when it named one, otherwise one the deployer must name. */
export function imageUri(template: TemplateBuilder, image: string | undefined): Intrinsic {
  return template.parameter('ImageUri', {
    Type: 'String',
    MinLength: 1,
    Description:
      'The container image to run (registry/repository:tag or @digest). It must exist when the stack is created; later versions go to the repository this stack creates (output RepositoryUri).',
    ...(image === undefined ? {} : { Default: image }),
  });
}

/**
 * The per-host agent's image: the workload does not say which agent it needs, so the deployer names it and
 * the stack has no default for it.
 */
export function daemonImageUri(template: TemplateBuilder): Intrinsic {
  return template.parameter('DaemonImageUri', {
    Type: 'String',
    MinLength: 1,
    Description:
      'The container image of the per-host agent (log shipper, monitoring or security agent) that runs on every host: the ECS daemon service on each container instance, the Managed Daemon on each managed instance (registry/repository:tag or @digest).',
  });
}

/**
 * An ACM certificate for TLS on the load balancer. Always required where a listener terminates TLS: an
 * HTTPS, gRPC, WebSocket or TLS workload is never served in plain text for want of one.
 */
export function certificateArn(template: TemplateBuilder): Intrinsic {
  return template.parameter('CertificateArn', {
    Type: 'String',
    AllowedPattern: `^${CERTIFICATE_ARN}$`,
    ConstraintDescription: 'must be the ARN of an ACM certificate in this Region',
    Description:
      'The ARN of the ACM certificate for your domain: the TLS listener on 443 terminates TLS with it, and the stack does not deploy without one (request or import it in ACM first).',
  });
}

export function queueName(template: TemplateBuilder, name: string): Intrinsic {
  return template.parameter('QueueName', {
    Type: 'String',
    Default: name,
    AllowedPattern: QUEUE_NAME_PATTERN,
    ConstraintDescription: 'must be 1-80 letters, digits, hyphens or underscores',
    Description: 'The name of the SQS queue the workload consumes.',
  });
}

export function deadLetterQueueName(template: TemplateBuilder, name: string): Intrinsic {
  return template.parameter('DeadLetterQueueName', {
    Type: 'String',
    Default: name,
    AllowedPattern: QUEUE_NAME_PATTERN,
    ConstraintDescription: 'must be 1-80 letters, digits, hyphens or underscores',
    Description: 'The name of the dead-letter queue that receives the messages the workload failed on.',
  });
}

export function bucketName(template: TemplateBuilder, name: string): Intrinsic {
  return template.parameter('BucketName', {
    Type: 'String',
    Default: name,
    AllowedPattern: BUCKET_NAME_PATTERN,
    ConstraintDescription: 'must be an S3 bucket name',
    Description:
      'The existing S3 bucket whose new objects start the workload. Turn on its EventBridge notifications (put-bucket-notification-configuration with EventBridgeConfiguration): CloudFormation cannot change a bucket it did not create.',
  });
}

export function instanceType(
  template: TemplateBuilder,
  name: 'InstanceType' | 'SystemInstanceType',
  type: string,
  description: string,
): Intrinsic {
  return template.parameter(name, { Type: 'String', Default: type, MinLength: 1, Description: description });
}

/** An AMI id read from a public SSM parameter when the stack is deployed, so instances start from the latest image. */
export function amiId(
  template: TemplateBuilder,
  name: 'AmiId' | 'SystemAmiId',
  ssmParameter: string,
  description: string,
): Intrinsic {
  return template.parameter(name, {
    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
    Default: ssmParameter,
    Description: description,
  });
}

export function fsxParameters(template: TemplateBuilder): {
  fileSystemId: Intrinsic;
  credentialsParameter: Intrinsic;
  domain: Intrinsic;
} {
  return {
    fileSystemId: template.parameter('FsxFileSystemId', {
      Type: 'String',
      AllowedPattern: '^fs-[0-9a-f]{8,}$',
      ConstraintDescription: 'must be an FSx file system id (fs-…)',
      Description:
        'The existing Amazon FSx for Windows File Server file system (fs-…), joined to your Active Directory.',
    }),
    credentialsParameter: template.parameter('FsxCredentialsParameter', {
      Type: 'String',
      AllowedPattern: '^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$',
      ConstraintDescription: 'must be the ARN of a Secrets Manager secret',
      Description:
        'The ARN of the Secrets Manager secret holding the Active Directory credentials (keys username and password) the tasks mount the share with; the task execution role may read it.',
    }),
    domain: activeDirectoryDomain(template),
  };
}

function activeDirectoryDomain(template: TemplateBuilder): Intrinsic {
  return template.parameter('ActiveDirectoryDomain', {
    Type: 'String',
    MinLength: 1,
    Description: 'The Active Directory domain the file system and the instances are joined to.',
  });
}

/**
 * The AWS Directory Service directory the container instances join (AWS-JoinDirectoryServiceDomain takes
 * its id, its domain name and the addresses of its DNS servers).
 */
export function activeDirectoryParameters(template: TemplateBuilder): {
  directoryId: Intrinsic;
  domain: Intrinsic;
  dnsIpAddresses: Intrinsic;
} {
  return {
    directoryId: template.parameter('ActiveDirectoryId', {
      Type: 'String',
      AllowedPattern: '^d-[0-9a-f]{10}$',
      ConstraintDescription: 'must be an AWS Directory Service directory id (d-…)',
      Description:
        'The AWS Directory Service directory (AWS Managed Microsoft AD or AD Connector) the container instances join, so they can mount the FSx for Windows File Server share.',
    }),
    domain: activeDirectoryDomain(template),
    dnsIpAddresses: template.parameter('ActiveDirectoryDnsIps', {
      Type: 'CommaDelimitedList',
      Description:
        "The IP addresses of the directory's DNS servers, comma-separated (aws ds describe-directories --query 'DirectoryDescriptions[0].DnsIpAddrs').",
    }),
  };
}

/**
 * The CIDR block Kubernetes services get addresses from. Self-managed AL2023 nodes must be told it, and the
 * cluster does not return the one EKS picks, so the stack sets it: EKS's own choice for a VPC outside
 * 172.20.0.0/16's range.
 */
export function serviceIpv4Cidr(template: TemplateBuilder): Intrinsic {
  return template.parameter('ServiceIpv4Cidr', {
    Type: 'String',
    Default: '172.20.0.0/16',
    AllowedPattern: '^(10|172|192)\\.[0-9]{1,3}\\.[0-9]{1,3}\\.0/(1[2-9]|2[0-4])$',
    ConstraintDescription: 'must be a private /12 to /24 block',
    Description:
      'The CIDR block Kubernetes services get their addresses from: it must not overlap the VPC or any network connected to it.',
  });
}
