import YAML from 'yaml';
import { type ClusterConfig, isEksFargate, KUBERNETES_VERSION, type NodeGroup } from '../eks/cluster-config';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { addRole, instanceProfile, type ResourceArns } from './iam';
import { METADATA_OPTIONS } from './instance-metadata';
import { base64, getAtt, ref, sub, subVariable, type TemplateValue } from './intrinsics';
import { amiId, instanceType, serviceIpv4Cidr } from './parameters';
import type { TemplateBuilder } from './template';

/** The user data's variables: the cluster's name, API endpoint and certificate authority. */
const NODE_VARIABLES = {
  ClusterName: ref('Cluster'),
  Endpoint: getAtt('Cluster', 'Endpoint'),
  CertificateAuthority: getAtt('Cluster', 'CertificateAuthorityData'),
};

/**
 * An AL2023 node joins its cluster through nodeadm, which reads a NodeConfig from a MIME part of the user
 * data. Serialized once, here, from an object whose values are the Fn::Sub variables above.
 */
const LINUX_USER_DATA = [
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="BOUNDARY"',
  '',
  '--BOUNDARY',
  'Content-Type: application/node.eks.aws',
  '',
  YAML.stringify({
    apiVersion: 'node.eks.aws/v1alpha1',
    kind: 'NodeConfig',
    spec: {
      cluster: {
        name: subVariable('ClusterName'),
        apiServerEndpoint: subVariable('Endpoint'),
        certificateAuthority: subVariable('CertificateAuthority'),
        cidr: subVariable('ServiceCidr'),
      },
    },
  }),
  '--BOUNDARY--',
  '',
].join('\n');

const WINDOWS_USER_DATA = [
  '<powershell>',
  '[string]$EKSBootstrapScriptFile = "$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1"',
  `& $EKSBootstrapScriptFile -EKSClusterName "${subVariable('ClusterName')}" -APIServerEndpoint "${subVariable('Endpoint')}" -Base64ClusterCA "${subVariable('CertificateAuthority')}"`,
  '</powershell>',
  '',
].join('\n');

/**
 * Where the pods run: the node role and managed node groups, or launch templates from the EKS-optimized AMI
 * (read from its SSM parameter) with Auto Scaling groups and the nodes' access entry, or Fargate profiles
 * with their pod execution role. Returns the logical ids the add-ons wait for.
 */
export function addEksCompute(
  template: TemplateBuilder,
  input: StarterConfigInput,
  config: ClusterConfig,
  subnets: TemplateValue,
  resourceArns: ResourceArns,
): string[] {
  const { design } = input;
  if (isEksFargate(input)) {
    addRole(template, 'PodExecutionRole', design.iam.executionRole, resourceArns);
    // EKS creates one Fargate profile of a cluster at a time, so each waits for the one before it.
    const profiles: string[] = [];
    for (const [index, profile] of (config.fargateProfiles ?? []).entries()) {
      const previous = profiles[profiles.length - 1];
      const logicalId = template.resource(index === 0 ? 'FargateProfile' : `FargateProfile${index + 1}`, {
        Type: 'AWS::EKS::FargateProfile',
        ...(previous === undefined ? {} : { DependsOn: [previous] }),
        Properties: {
          ClusterName: ref('Cluster'),
          FargateProfileName: profile.name,
          PodExecutionRoleArn: getAtt('PodExecutionRole', 'Arn'),
          Subnets: subnets,
          Selectors: profile.selectors.map((selector) => ({ Namespace: selector.namespace })),
        },
      });
      profiles.push(logicalId);
    }
    return profiles;
  }
  addRole(template, 'NodeRole', design.iam.executionRole, resourceArns);
  template.output('NodeRoleArn', { Description: 'The role of the nodes.', Value: getAtt('NodeRole', 'Arn') });
  if (config.managedNodeGroups !== undefined) {
    return config.managedNodeGroups.map((group) => addManagedNodeGroup(template, input, group, subnets));
  }
  const groups = config.nodeGroups ?? [];
  template.resource('NodeInstanceProfile', instanceProfile('NodeRole', design.iam.executionRole.name));
  const windows = groups.some((group) => isWindows(group));
  template.resource('NodeAccessEntry', {
    Type: 'AWS::EKS::AccessEntry',
    Properties: {
      ClusterName: ref('Cluster'),
      PrincipalArn: getAtt('NodeRole', 'Arn'),
      // One role serves every group; EC2_WINDOWS grants what EC2_LINUX does, plus Windows kube-proxy's group.
      Type: windows ? 'EC2_WINDOWS' : 'EC2_LINUX',
    },
  });
  return groups.flatMap((group) => addSelfManagedNodes(template, input, group, subnets));
}

function addManagedNodeGroup(
  template: TemplateBuilder,
  input: StarterConfigInput,
  group: NodeGroup,
  subnets: TemplateValue,
): string {
  const system = isSystemGroup(input, group);
  const [first, ...alternatives] = instanceTypesOf(group);
  return template.resource(system ? 'SystemNodeGroup' : 'NodeGroup', {
    Type: 'AWS::EKS::Nodegroup',
    Properties: {
      ClusterName: ref('Cluster'),
      NodegroupName: group.name,
      NodeRole: getAtt('NodeRole', 'Arn'),
      Subnets: subnets,
      AmiType: amiType(input, group),
      CapacityType: group.spot === true ? 'SPOT' : 'ON_DEMAND',
      InstanceTypes: [nodeInstanceType(template, system, first), ...alternatives],
      ScalingConfig: { MinSize: group.minSize, MaxSize: group.maxSize, DesiredSize: group.desiredCapacity },
      ...(group.labels === undefined ? {} : { Labels: { ...group.labels } }),
    },
  });
}

function addSelfManagedNodes(
  template: TemplateBuilder,
  input: StarterConfigInput,
  group: NodeGroup,
  subnets: TemplateValue,
): string[] {
  const system = isSystemGroup(input, group);
  const prefix = system ? 'System' : '';
  const distribution = group.instancesDistribution;
  const [first, ...alternatives] = instanceTypesOf(group);
  const type = nodeInstanceType(template, system, first);
  const launchTemplate = template.resource(`${prefix}NodeLaunchTemplate`, {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: amiId(
          template,
          system ? 'SystemAmiId' : 'AmiId',
          amiParameter(input, group),
          `The EKS-optimized ${isWindows(group) ? 'Windows Server 2022 Core' : 'Amazon Linux 2023'} AMI for Kubernetes ${KUBERNETES_VERSION}${system ? ' (system nodes)' : ''}, from its public SSM parameter.`,
        ),
        ...(distribution === undefined ? { InstanceType: type } : {}),
        IamInstanceProfile: { Arn: getAtt('NodeInstanceProfile', 'Arn') },
        SecurityGroupIds: [getAtt('Cluster', 'ClusterSecurityGroupId')],
        MetadataOptions: METADATA_OPTIONS,
        UserData: base64(
          isWindows(group)
            ? sub(WINDOWS_USER_DATA, NODE_VARIABLES)
            : sub(LINUX_USER_DATA, { ...NODE_VARIABLES, ServiceCidr: serviceIpv4Cidr(template) }),
        ),
      },
    },
  });
  const specification = {
    LaunchTemplateId: ref(launchTemplate),
    Version: getAtt(launchTemplate, 'LatestVersionNumber'),
  };
  const tags = [
    { Key: 'Name', Value: group.name, PropagateAtLaunch: true },
    { Key: `kubernetes.io/cluster/${input.workload.name}`, Value: 'owned', PropagateAtLaunch: true },
    ...Object.entries(group.tags ?? {}).map(([key, value]) => ({
      Key: key,
      Value: value,
      PropagateAtLaunch: true,
    })),
  ];
  const autoScalingGroup = template.resource(`${prefix}NodeAutoScalingGroup`, {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    DependsOn: ['NodeAccessEntry'],
    Properties: {
      VPCZoneIdentifier: subnets,
      MinSize: String(group.minSize),
      MaxSize: String(group.maxSize),
      DesiredCapacity: String(group.desiredCapacity),
      ...(distribution === undefined
        ? { LaunchTemplate: specification }
        : {
            MixedInstancesPolicy: {
              LaunchTemplate: {
                LaunchTemplateSpecification: specification,
                Overrides: [type, ...alternatives].map((item) => ({ InstanceType: item })),
              },
              InstancesDistribution: {
                OnDemandBaseCapacity: distribution.onDemandBaseCapacity,
                OnDemandPercentageAboveBaseCapacity: distribution.onDemandPercentageAboveBaseCapacity,
                SpotAllocationStrategy: distribution.spotAllocationStrategy,
              },
            },
          }),
      Tags: tags,
    },
  });
  return [autoScalingGroup];
}

/** The small Linux group a Windows cluster keeps for CoreDNS and the controllers. */
function isSystemGroup(input: StarterConfigInput, group: NodeGroup): boolean {
  return input.facts.runtime.os === 'windows' && !isWindows(group);
}

function isWindows(group: NodeGroup): boolean {
  return group.amiFamily === 'WindowsServer2022CoreContainer';
}

/** The node group's instance types as cluster.yaml lists them (chosen by the instance chooser), first the preferred. */
function instanceTypesOf(group: NodeGroup): [string, ...string[]] {
  const [first, ...alternatives] = group.instancesDistribution?.instanceTypes ??
    group.instanceTypes ?? [group.instanceType];
  if (first === undefined) throw new StarterConfigError(`node group ${group.name} names no instance type`);
  return [first, ...alternatives.filter((type) => type !== undefined)];
}

function nodeInstanceType(template: TemplateBuilder, system: boolean, type: string): TemplateValue {
  return system
    ? instanceType(
        template,
        'SystemInstanceType',
        type,
        'The EC2 instance type of the Linux nodes that run CoreDNS and the controllers.',
      )
    : instanceType(
        template,
        'InstanceType',
        type,
        "The EC2 instance type of the workload's nodes: the smallest current type that holds one pod with room for the node's own agents.",
      );
}

function amiType(input: StarterConfigInput, group: NodeGroup): string {
  if (isWindows(group)) return 'WINDOWS_CORE_2022_x86_64';
  if (isSystemGroup(input, group)) return 'AL2023_x86_64_STANDARD';
  const arm = input.facts.runtime.architecture === 'arm64';
  if (input.workload.control.gpu) return arm ? 'AL2023_ARM_64_NVIDIA' : 'AL2023_x86_64_NVIDIA';
  return arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD';
}

/** The public SSM parameter of the EKS-optimized AMI for the group's OS, architecture and accelerator. */
function amiParameter(input: StarterConfigInput, group: NodeGroup): string {
  if (isWindows(group))
    return `/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-${KUBERNETES_VERSION}/image_id`;
  const system = isSystemGroup(input, group);
  const arch = !system && input.facts.runtime.architecture === 'arm64' ? 'arm64' : 'x86_64';
  const variant = !system && input.workload.control.gpu ? 'nvidia' : 'standard';
  return `/aws/service/eks/optimized-ami/${KUBERNETES_VERSION}/amazon-linux-2023/${arch}/${variant}/recommended/image_id`;
}
