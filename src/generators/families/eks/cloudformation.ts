import { getAtt, ref, select, split, sub, subVariable } from '../../cloudformation/intrinsics';
import { EFS_SUBNETS_NOTE, privateSubnetIds, serviceIpv4Cidr, vpcId } from '../../cloudformation/parameters';
import type { TemplateBuilder } from '../../cloudformation/template';
import { addSecrets } from '../../plan/container-environment/cloudformation';
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
import type { EksPlan, PodIdentityPlan, S3EventsPlan } from './plan';

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
  const privateSubnets = privateSubnetIds(template, plan.fileSystem === null ? '' : EFS_SUBNETS_NOTE);
  addRepository(template, plan.registry);
  addSecrets(template, references, plan.environment);
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

  if (plan.fileSystem !== null) {
    // Pods mount through the CSI driver, which retries until the mount targets are available.
    addFileSystem(template, references, plan.fileSystem, {
      vpc: vpcId(template),
      privateSubnets,
      clientSecurityGroup: getAtt('Cluster', 'ClusterSecurityGroupId'),
    });
  }
  const computeIds = addCompute(template, references, plan, privateSubnets);
  addAddons(template, references, plan, computeIds);
  // Every IRSA role of the stack trusts the one OIDC provider of the cluster.
  if ([plan.identity, plan.daemonIdentity].some((identity) => identity?.kind === 'irsa')) {
    template.resource('OidcProvider', {
      Type: 'AWS::IAM::OIDCProvider',
      Properties: { Url: getAtt('Cluster', 'OpenIdConnectIssuerUrl'), ClientIdList: ['sts.amazonaws.com'] },
    });
  }
  addIdentity(template, references, plan, plan.identity, {
    role: 'TaskRole',
    association: 'PodIdentityAssociation',
    output: 'TaskRoleArn',
    who: 'The pod role',
  });
  if (plan.daemonIdentity !== null) {
    addIdentity(template, references, plan, plan.daemonIdentity, {
      role: 'DaemonRole',
      association: 'DaemonPodIdentityAssociation',
      output: 'DaemonRoleArn',
      who: "The per-node agent's role",
    });
  }
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

/** The logical ids and wording of one service account's role in the stack. */
interface IdentityNames {
  role: string;
  association: string;
  output: string;
  who: string;
}

/**
 * A service account's role: an EKS Pod Identity association for the service account, or (IRSA) a role
 * trusted through the cluster's IAM OIDC provider `OidcProvider`.
 */
function addIdentity(
  template: TemplateBuilder,
  references: StackReferences,
  plan: EksPlan,
  identity: PodIdentityPlan,
  names: IdentityNames,
): void {
  const role = roleIn(plan.roles, identity.role.to);
  if (identity.kind === 'pod-identity') {
    addRole(template, references, names.role, role);
    template.resource(names.association, {
      Type: 'AWS::EKS::PodIdentityAssociation',
      Properties: {
        ClusterName: ref('Cluster'),
        Namespace: identity.namespace,
        ServiceAccount: identity.serviceAccount,
        RoleArn: references.resolve(identity.role),
      },
    });
  } else {
    addRole(template, references, names.role, role, {
      assumeRolePolicy: sub(WEB_IDENTITY_TRUST_POLICY, {
        ProviderArn: ref('OidcProvider'),
        Issuer: select(1, split('//', getAtt('Cluster', 'OpenIdConnectIssuerUrl'))),
        Namespace: identity.namespace,
        ServiceAccount: identity.serviceAccount,
      }),
    });
  }
  template.output(names.output, {
    Description:
      identity.kind === 'irsa'
        ? `${names.who}: the ServiceAccount's eks.amazonaws.com/role-arn annotation in eks/manifests.yaml.`
        : `${names.who}, associated with the ServiceAccount through EKS Pod Identity.`,
    Value: references.resolve(identity.role),
  });
}
