import {
  getAtt,
  ref,
  select,
  split,
  sub,
  subVariable,
  type TemplateValue,
} from '../../cloudformation/intrinsics';
import { privateSubnetIds, serviceIpv4Cidr, vpcId } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addFileSystem } from '../../plan/file-system/cloudformation';
import {
  addTriggerBucket,
  objectCreatedEventPattern,
} from '../../plan/object-created-trigger/cloudformation';
import { addQueues } from '../../plan/queues/cloudformation';
import { addRepository } from '../../plan/registry/cloudformation';
import { addRole } from '../../plan/roles/cloudformation';
import { roleIn } from '../../plan/roles/plan';
import { StackReferences } from '../../plan/stack-references';
import { addCompute } from './cloudformation-compute';
import type { EksPlan, S3EventsPlan } from './plan';

/**
 * The trust policy of the pod role under IRSA: the cluster's OIDC provider, for the workload's service
 * account. Its condition keys are made of the issuer, which only the stack knows, so the policy is JSON text
 * for Fn::Sub, written once here from an object; the variables are the provider, the issuer and the
 * workload's validated name.
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
 * Amazon EKS as the plan has it: the cluster and its role, where its pods run, its add-ons and the
 * workload's AWS identity; plus the queue, the S3 event rule, the EFS file system and the image repository
 * the workload needs. The Kubernetes objects stay in eks/manifests.yaml.
 */
export function addEksResources(plan: EksPlan, template: TemplateBuilder): void {
  const { cluster, compute } = plan;
  const references = new StackReferences();
  const privateSubnets = privateSubnetIds(
    template,
    plan.fileSystem === null
      ? ''
      : ' Pods run in the first two listed, where the EFS file system has its mount targets.',
  );
  addRepository(template, plan.registry);
  // The rule that fills the queue is the queue policy's only sender, so its ARN is known before it is added.
  if (plan.s3Events !== null)
    references.provide('object-created-rule', { arn: getAtt('ObjectCreatedRule', 'Arn') });
  if (plan.queues !== null) addQueues(template, references, plan.queues);
  if (plan.s3Events !== null) addObjectCreatedRule(template, references, plan.s3Events);

  addRole(template, references, 'ClusterRole', roleIn(plan.roles, cluster.role.to));
  // Auto Mode's ComputeConfig names the node role, so the role exists before the cluster.
  if (compute.kind === 'auto-mode')
    addRole(template, references, 'NodeRole', roleIn(plan.roles, compute.nodeRole.to));
  template.resource('Cluster', {
    Type: 'AWS::EKS::Cluster',
    Properties: {
      Name: cluster.name,
      Version: cluster.version,
      RoleArn: references.resolve(cluster.role),
      ResourcesVpcConfig: {
        SubnetIds: privateSubnets,
        EndpointPrivateAccess: cluster.endpointAccess.private,
        EndpointPublicAccess: cluster.endpointAccess.public,
      },
      AccessConfig: {
        AuthenticationMode: 'API_AND_CONFIG_MAP',
        BootstrapClusterCreatorAdminPermissions: true,
      },
      // Self-managed nodes are told the service CIDR in their user data, so the stack fixes it.
      ...(compute.kind === 'self-managed-nodes'
        ? { KubernetesNetworkConfig: { ServiceIpv4Cidr: serviceIpv4Cidr(template) } }
        : {}),
      ...(compute.kind === 'auto-mode'
        ? {
            // Auto Mode runs the VPC CNI, CoreDNS and kube-proxy itself: no self-managed copies of them.
            BootstrapSelfManagedAddons: false,
            ComputeConfig: {
              Enabled: true,
              NodeRoleArn: references.resolve(compute.nodeRole),
              NodePools: [...compute.builtInNodePools],
            },
            KubernetesNetworkConfig: { ElasticLoadBalancing: { Enabled: true } },
            StorageConfig: { BlockStorage: { Enabled: true } },
          }
        : {}),
    },
  });
  template.output('ClusterName', {
    Description: 'The EKS cluster: aws eks update-kubeconfig --name <this> lets kubectl reach it.',
    Value: ref('Cluster'),
  });

  const fileSystem =
    plan.fileSystem === null
      ? null
      : addFileSystem(template, references, plan.fileSystem, {
          vpc: vpcId(template),
          privateSubnets,
          clientSecurityGroup: getAtt('Cluster', 'ClusterSecurityGroupId'),
        });
  const nodeSubnets: TemplateValue = fileSystem === null ? privateSubnets : fileSystem.subnets;
  const computeIds = addCompute(template, references, plan, nodeSubnets);
  addAddons(template, references, plan, computeIds);
  addWorkloadIdentity(template, references, plan);
}

function addObjectCreatedRule(
  template: TemplateBuilder,
  references: StackReferences,
  s3Events: S3EventsPlan,
): void {
  addTriggerBucket(template, references, s3Events.trigger);
  template.resource('ObjectCreatedRule', {
    Type: 'AWS::Events::Rule',
    Properties: {
      Name: s3Events.trigger.ruleName,
      Description: 'Sends every object created in the bucket to the queue the pods read.',
      State: 'ENABLED',
      EventPattern: objectCreatedEventPattern(s3Events.trigger, references),
      Targets: [{ Id: 'queue', Arn: references.resolve(s3Events.queue) }],
    },
  });
}

/** `aws-ebs-csi-driver` → `AwsEbsCsiDriver`. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/**
 * The plan's add-ons as managed add-ons; a CSI driver gets its controller's role through Pod Identity, as
 * eksctl's useDefaultPodIdentityAssociations does. They wait for the nodes (or Fargate profiles), since
 * CoreDNS and the controllers need somewhere to run before they report ready.
 */
function addAddons(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EksPlan,
  computeIds: string[],
): void {
  for (const addon of plan.cluster.addons) {
    const { controller } = addon;
    const podIdentityAssociations =
      controller === undefined
        ? []
        : [
            {
              ServiceAccount: controller.serviceAccount,
              RoleArn: getAtt(
                addRole(
                  template,
                  references,
                  `${pascalCase(addon.name.replace(/^aws-/, ''))}Role`,
                  controller.role,
                ),
                'Arn',
              ),
            },
          ];
    const configuration =
      addon.configuration ?? (addon.enableWindowsIpam ? { enableWindowsIpam: 'true' } : undefined);
    template.resource(`${pascalCase(addon.name)}Addon`, {
      Type: 'AWS::EKS::Addon',
      DependsOn: computeIds,
      Properties: {
        AddonName: addon.name,
        ClusterName: ref('Cluster'),
        ResolveConflicts: 'OVERWRITE',
        ...(configuration === undefined ? {} : { ConfigurationValues: JSON.stringify(configuration) }),
        ...(podIdentityAssociations.length === 0 ? {} : { PodIdentityAssociations: podIdentityAssociations }),
      },
    });
  }
}

/**
 * The pod role: an EKS Pod Identity association for the service account, or (IRSA) an IAM OIDC provider for
 * the cluster and a role trusted through it.
 */
function addWorkloadIdentity(template: TemplateBuilder, references: StackReferences, plan: EksPlan): void {
  const { identity } = plan;
  const role = roleIn(plan.roles, identity.role.to);
  if (identity.kind === 'pod-identity') {
    addRole(template, references, 'TaskRole', role);
    template.resource('PodIdentityAssociation', {
      Type: 'AWS::EKS::PodIdentityAssociation',
      Properties: {
        ClusterName: ref('Cluster'),
        Namespace: identity.namespace,
        ServiceAccount: identity.serviceAccount,
        RoleArn: references.resolve(identity.role),
      },
    });
  } else {
    template.resource('OidcProvider', {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: getAtt('Cluster', 'OpenIdConnectIssuerUrl'), ClientIdList: ['sts.amazonaws.com'] },
    });
    addRole(template, references, 'TaskRole', role, {
      assumeRolePolicy: sub(WEB_IDENTITY_TRUST_POLICY, {
        ProviderArn: ref('OidcProvider'),
        Issuer: select(1, split('//', getAtt('Cluster', 'OpenIdConnectIssuerUrl'))),
        Namespace: identity.namespace,
        ServiceAccount: identity.serviceAccount,
      }),
    });
  }
  template.output('TaskRoleArn', {
    Description:
      identity.kind === 'irsa'
        ? "The pod role: the ServiceAccount's eks.amazonaws.com/role-arn annotation in eks/manifests.yaml."
        : 'The pod role, associated with the ServiceAccount through EKS Pod Identity.',
    Value: references.resolve(identity.role),
  });
}
