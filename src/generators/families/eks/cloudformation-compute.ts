import { METADATA_OPTIONS } from '../../cloudformation/instance-metadata';
import { base64, getAtt, ref, sub, subVariable, type TemplateValue } from '../../cloudformation/intrinsics';
import { amiId, instanceType, serviceIpv4Cidr } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import type { StackReferences } from '../../plan/stack-references';
import { toYaml } from '../../shared/serialize';
import type { ComputePlan, EksPlan, NodeGroupPlan } from './plan';
import { ROOT_DEVICE } from './scratch-disk';

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
  toYaml({
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
export function addCompute(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EksPlan,
  subnets: TemplateValue,
): string[] {
  const { compute } = plan;
  if (compute.kind === 'fargate') return addFargateProfiles(template, references, plan, compute, subnets);
  // Auto Mode launches the nodes itself, from the cluster's ComputeConfig (whose node role the cluster's
  // renderer adds first) and the workload's NodePool.
  if (compute.kind === 'auto-mode') {
    template.output('NodeRoleArn', {
      Description: 'The role of the nodes EKS Auto Mode launches.',
      Value: references.resolve(compute.nodeRole),
    });
    return [];
  }
  const nodeRole = addRole(template, references, 'NodeRole', roleIn(plan.roles, compute.nodeRole.to));
  template.output('NodeRoleArn', {
    Description: 'The role of the nodes.',
    Value: references.resolve(compute.nodeRole),
  });
  if (compute.kind === 'managed-node-groups') {
    const nodeRole = references.resolve(compute.nodeRole);
    return compute.groups.map((group) => addManagedNodeGroup(template, nodeRole, group, subnets));
  }
  template.resource('NodeInstanceProfile', {
    Type: 'AWS::IAM::InstanceProfile',
    Properties: {
      InstanceProfileName: roleIn(plan.roles, compute.nodeRole.to).name,
      Roles: [ref(nodeRole)],
    },
  });
  template.resource('NodeAccessEntry', {
    Type: 'AWS::EKS::AccessEntry',
    Properties: {
      ClusterName: ref('Cluster'),
      PrincipalArn: references.resolve(compute.nodeRole),
      Type: compute.accessEntryType,
    },
  });
  return compute.groups.map((group) => addSelfManagedNodes(template, plan, group, subnets));
}

function addFargateProfiles(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EksPlan,
  compute: Extract<ComputePlan, { kind: 'fargate' }>,
  subnets: TemplateValue,
): string[] {
  addRole(template, references, 'PodExecutionRole', roleIn(plan.roles, compute.podExecutionRole.to));
  // EKS creates one Fargate profile of a cluster at a time, so each waits for the one before it.
  const profiles: string[] = [];
  for (const [index, profile] of compute.profiles.entries()) {
    const previous = profiles[profiles.length - 1];
    const logicalId = template.resource(index === 0 ? 'FargateProfile' : `FargateProfile${index + 1}`, {
      Type: 'AWS::EKS::FargateProfile',
      ...(previous === undefined ? {} : { DependsOn: [previous] }),
      Properties: {
        ClusterName: ref('Cluster'),
        FargateProfileName: profile.name,
        PodExecutionRoleArn: references.resolve(compute.podExecutionRole),
        Subnets: subnets,
        Selectors: profile.namespaces.map((namespace) => ({ Namespace: namespace })),
      },
    });
    profiles.push(logicalId);
  }
  return profiles;
}

function addManagedNodeGroup(
  template: TemplateBuilder,
  nodeRole: TemplateValue,
  group: NodeGroupPlan,
  subnets: TemplateValue,
): string {
  const [first, ...alternatives] = group.instanceTypes;
  return template.resource(group.system ? 'SystemNodeGroup' : 'NodeGroup', {
    Type: 'AWS::EKS::Nodegroup',
    Properties: {
      ClusterName: ref('Cluster'),
      NodegroupName: group.name,
      NodeRole: nodeRole,
      Subnets: subnets,
      AmiType: group.image.amiType,
      CapacityType: group.spot === null ? 'ON_DEMAND' : 'SPOT',
      InstanceTypes: [nodeInstanceType(template, group, first), ...alternatives],
      ScalingConfig: { MinSize: group.minSize, MaxSize: group.maxSize, DesiredSize: group.desiredCapacity },
      ...(group.rootVolume === null ? {} : { DiskSize: group.rootVolume.sizeGiB }),
    },
  });
}

function addSelfManagedNodes(
  template: TemplateBuilder,
  plan: EksPlan,
  group: NodeGroupPlan,
  subnets: TemplateValue,
): string {
  const prefix = group.system ? 'System' : '';
  const [first, ...alternatives] = group.instanceTypes;
  const type = nodeInstanceType(template, group, first);
  const windows = group.os === 'windows';
  const launchTemplate = template.resource(`${prefix}NodeLaunchTemplate`, {
    Type: 'AWS::EC2::LaunchTemplate',
    Properties: {
      LaunchTemplateData: {
        ImageId: amiId(
          template,
          group.system ? 'SystemAmiId' : 'AmiId',
          group.image.ssmParameter,
          `The EKS-optimized ${windows ? 'Windows Server 2022 Core' : 'Amazon Linux 2023'} AMI for Kubernetes ${plan.cluster.version}${group.system ? ' (system nodes)' : ''}, from its public SSM parameter.`,
        ),
        ...(group.spot === null ? { InstanceType: type } : {}),
        IamInstanceProfile: { Arn: getAtt('NodeInstanceProfile', 'Arn') },
        SecurityGroupIds: [getAtt('Cluster', 'ClusterSecurityGroupId')],
        MetadataOptions: METADATA_OPTIONS,
        UserData: base64(
          windows
            ? sub(WINDOWS_USER_DATA, NODE_VARIABLES)
            : sub(LINUX_USER_DATA, { ...NODE_VARIABLES, ServiceCidr: serviceIpv4Cidr(template) }),
        ),
        ...(group.rootVolume === null
          ? {}
          : {
              BlockDeviceMappings: [
                {
                  DeviceName: ROOT_DEVICE[group.os],
                  Ebs: {
                    VolumeSize: group.rootVolume.sizeGiB,
                    VolumeType: 'gp3',
                    Encrypted: true,
                    DeleteOnTermination: true,
                  },
                },
              ],
            }),
      },
    },
  });
  const specification = {
    LaunchTemplateId: ref(launchTemplate),
    Version: getAtt(launchTemplate, 'LatestVersionNumber'),
  };
  const tags = [
    { Key: 'Name', Value: group.name, PropagateAtLaunch: true },
    { Key: `kubernetes.io/cluster/${plan.cluster.name}`, Value: 'owned', PropagateAtLaunch: true },
    ...Object.entries(group.autoscalerTags ?? {}).map(([key, value]) => ({
      Key: key,
      Value: value,
      PropagateAtLaunch: true,
    })),
  ];
  return template.resource(`${prefix}NodeAutoScalingGroup`, {
    Type: 'AWS::AutoScaling::AutoScalingGroup',
    DependsOn: ['NodeAccessEntry'],
    Properties: {
      VPCZoneIdentifier: subnets,
      MinSize: String(group.minSize),
      MaxSize: String(group.maxSize),
      DesiredCapacity: String(group.desiredCapacity),
      ...(group.spot === null
        ? { LaunchTemplate: specification }
        : {
            MixedInstancesPolicy: {
              LaunchTemplate: {
                LaunchTemplateSpecification: specification,
                Overrides: [type, ...alternatives].map((item) => ({ InstanceType: item })),
              },
              InstancesDistribution: {
                OnDemandBaseCapacity: group.spot.onDemandBaseCapacity,
                OnDemandPercentageAboveBaseCapacity: group.spot.onDemandPercentageAboveBaseCapacity,
                SpotAllocationStrategy: group.spot.allocationStrategy,
              },
            },
          }),
      Tags: tags,
    },
  });
}

function nodeInstanceType(template: TemplateBuilder, group: NodeGroupPlan, type: string): TemplateValue {
  return group.system
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
