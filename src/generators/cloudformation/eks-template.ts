import YAML from 'yaml';
import {
  type ClusterConfig,
  clusterConfigFile,
  isEksFargate,
  KUBERNETES_VERSION,
} from '../eks/cluster-config';
import { s3EventRuleName, s3QueueTrigger } from '../eks/s3-event-rule';
import { StarterConfigError } from '../shared/starter-config-error';
import type { StarterConfigInput } from '../shared/starter-file';
import { addEksCompute } from './eks-compute';
import { addFileSystem } from './file-system';
import { addRole, type ResourceArns } from './iam';
import { getAtt, ref, select, split, sub, subVariable } from './intrinsics';
import { bucketName, privateSubnetIds, serviceIpv4Cidr, vpcId } from './parameters';
import { addQueues } from './queues';
import { addRepository } from './registry';
import { stackResourceArns } from './resource-arns';
import { s3EventPattern } from './s3-events';
import type { TemplateBuilder } from './template';

/** The CSI drivers' controller service accounts and the AWS managed policies eksctl gives them. */
const CSI_DRIVERS: Record<
  string,
  { serviceAccount: string; policy: string; logicalId: string; role: string }
> = {
  'aws-ebs-csi-driver': {
    serviceAccount: 'ebs-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy',
    logicalId: 'EbsCsiDriverRole',
    role: 'ebs-csi',
  },
  'aws-efs-csi-driver': {
    serviceAccount: 'efs-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy',
    logicalId: 'EfsCsiDriverRole',
    role: 'efs-csi',
  },
  'aws-fsx-csi-driver': {
    serviceAccount: 'fsx-csi-controller-sa',
    policy: 'arn:aws:iam::aws:policy/AmazonFSxFullAccess',
    logicalId: 'FsxCsiDriverRole',
    role: 'fsx-csi',
  },
};

/**
 * The trust policy of the pod role on EKS Fargate (IRSA): the cluster's OIDC provider, for the workload's
 * service account. Its condition keys are made of the issuer, which only the stack knows, so the policy is
 * JSON text for Fn::Sub, written once here from an object; the variables are the provider, the issuer and
 * the workload's validated name.
 */
const WEB_IDENTITY_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Federated: subVariable('ProviderArn') },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${subVariable('Issuer')}:sub`]: `system:serviceaccount:${subVariable('Namespace')}:${subVariable('ServiceAccount')}`,
          [`${subVariable('Issuer')}:aud`]: 'sts.amazonaws.com',
        },
      },
    },
  ],
});

/**
 * Amazon EKS, as eks/cluster.yaml describes it: the cluster and its role, where its pods run (managed node
 * groups, self-managed nodes or Fargate profiles), its add-ons, and the workload's AWS identity (a Pod
 * Identity association on nodes, IRSA through the cluster's OIDC provider on Fargate); plus the queue, the
 * S3 event rule, the EFS file system and the image repository the workload needs. The Kubernetes objects
 * stay in eks/manifests.yaml.
 */
export function addEksResources(template: TemplateBuilder, input: StarterConfigInput): void {
  const { workload, design } = input;
  const config = YAML.parse(clusterConfigFile(input).content) as ClusterConfig;
  const efs = design.storage.type === 'efs';
  const privateSubnets = privateSubnetIds(
    template,
    efs ? ' Pods run in the first two listed, where the EFS file system has its mount targets.' : '',
  );
  addRepository(template, input);

  const trigger = s3QueueTrigger(input);
  const rule = trigger === undefined ? null : 'ObjectCreatedRule';
  const queue = addQueues(template, input, rule);
  const bucket =
    trigger === undefined ? null : bucketName(template, trigger.bucket ?? workload.trigger?.bucket ?? '');
  if (rule !== null && bucket !== null && queue !== null) {
    template.resource(rule, {
      Type: 'AWS::Events::Rule',
      Properties: {
        Name: s3EventRuleName(input),
        Description: 'Sends every object created in the bucket to the queue the pods read.',
        State: 'ENABLED',
        EventPattern: s3EventPattern(input, bucket),
        Targets: [{ Id: 'queue', Arn: queue.arn }],
      },
    });
  }

  const clusterRole = design.iam.clusterRole;
  if (clusterRole === undefined)
    throw new StarterConfigError(`${input.platform.id} has no cluster role in its design`);
  addRole(template, 'ClusterRole', clusterRole, new Map());
  template.resource('Cluster', {
    Type: 'AWS::EKS::Cluster',
    Properties: {
      Name: config.metadata.name,
      Version: KUBERNETES_VERSION,
      RoleArn: getAtt('ClusterRole', 'Arn'),
      ResourcesVpcConfig: {
        SubnetIds: privateSubnets,
        EndpointPrivateAccess: true,
        EndpointPublicAccess: true,
      },
      AccessConfig: {
        AuthenticationMode: 'API_AND_CONFIG_MAP',
        BootstrapClusterCreatorAdminPermissions: true,
      },
      ...(config.nodeGroups === undefined
        ? {}
        : { KubernetesNetworkConfig: { ServiceIpv4Cidr: serviceIpv4Cidr(template) } }),
    },
  });
  template.output('ClusterName', {
    Description: 'The EKS cluster: aws eks update-kubeconfig --name <this> lets kubectl reach it.',
    Value: ref('Cluster'),
  });

  const fileSystem = efs
    ? addFileSystem(
        template,
        input,
        vpcId(template),
        privateSubnets,
        getAtt('Cluster', 'ClusterSecurityGroupId'),
      )
    : null;
  const resourceArns = stackResourceArns(input, { queue, fileSystem: fileSystem !== null, bucket });
  const nodeSubnets = fileSystem === null ? privateSubnets : fileSystem.subnets;
  const compute = addEksCompute(template, input, config, nodeSubnets, resourceArns);
  addAddons(template, input, config, compute);
  addWorkloadIdentity(template, input, resourceArns);
}

/**
 * The cluster add-ons eks/cluster.yaml lists, as managed add-ons; a CSI driver gets its controller's role
 * through Pod Identity, as eksctl's useDefaultPodIdentityAssociations does. They wait for the nodes (or
 * Fargate profiles), since CoreDNS and the controllers need somewhere to run before they report ready.
 */
function addAddons(
  template: TemplateBuilder,
  input: StarterConfigInput,
  config: ClusterConfig,
  compute: string[],
): void {
  const windows = input.facts.runtime.os === 'windows';
  for (const addon of config.addons) {
    const logicalId = `${addon.name
      .split('-')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join('')}Addon`;
    const driver = addon.useDefaultPodIdentityAssociations === true ? CSI_DRIVERS[addon.name] : undefined;
    if (driver !== undefined) {
      addRole(
        template,
        driver.logicalId,
        {
          name: `${input.workload.name}-${driver.role}`,
          trustedService: 'pods.eks.amazonaws.com',
          managedPolicyArns: [driver.policy],
          statements: [],
          description: `Assumed through Pod Identity by the ${addon.name} controller.`,
        },
        new Map(),
      );
    }
    // Windows pods need the VPC CNI's Windows IP address management.
    const configuration =
      addon.configurationValues ??
      (addon.name === 'vpc-cni' && windows ? JSON.stringify({ enableWindowsIpam: 'true' }) : undefined);
    template.resource(logicalId, {
      Type: 'AWS::EKS::Addon',
      DependsOn: compute,
      Properties: {
        AddonName: addon.name,
        ClusterName: ref('Cluster'),
        ResolveConflicts: 'OVERWRITE',
        ...(configuration === undefined ? {} : { ConfigurationValues: configuration }),
        ...(driver === undefined
          ? {}
          : {
              PodIdentityAssociations: [
                { ServiceAccount: driver.serviceAccount, RoleArn: getAtt(driver.logicalId, 'Arn') },
              ],
            }),
      },
    });
  }
}

/**
 * The pod role: on nodes, an EKS Pod Identity association for the workload's service account; on Fargate,
 * which has no Pod Identity agent, an IAM OIDC provider for the cluster and a role trusted through it (IRSA).
 */
function addWorkloadIdentity(
  template: TemplateBuilder,
  input: StarterConfigInput,
  resourceArns: ResourceArns,
): void {
  const { workload, design } = input;
  if (!isEksFargate(input)) {
    addRole(template, 'TaskRole', design.iam.taskRole, resourceArns);
    template.resource('PodIdentityAssociation', {
      Type: 'AWS::EKS::PodIdentityAssociation',
      Properties: {
        ClusterName: ref('Cluster'),
        Namespace: workload.name,
        ServiceAccount: workload.name,
        RoleArn: getAtt('TaskRole', 'Arn'),
      },
    });
  } else {
    template.resource('OidcProvider', {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: getAtt('Cluster', 'OpenIdConnectIssuerUrl'), ClientIdList: ['sts.amazonaws.com'] },
    });
    addRole(template, 'TaskRole', design.iam.taskRole, resourceArns, {
      assumeRolePolicy: sub(WEB_IDENTITY_TRUST_POLICY, {
        ProviderArn: ref('OidcProvider'),
        Issuer: select(1, split('//', getAtt('Cluster', 'OpenIdConnectIssuerUrl'))),
        Namespace: workload.name,
        ServiceAccount: workload.name,
      }),
    });
  }
  template.output('TaskRoleArn', {
    Description: isEksFargate(input)
      ? "The pod role: the ServiceAccount's eks.amazonaws.com/role-arn annotation in eks/manifests.yaml."
      : 'The pod role, associated with the ServiceAccount through EKS Pod Identity.',
    Value: getAtt('TaskRole', 'Arn'),
  });
}
