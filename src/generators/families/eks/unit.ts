import { kubernetesSecretStep } from '../../plan/container-environment/api-files';
import { fileSystemSteps } from '../../plan/file-system/api-files';
import { sqsQueueSteps } from '../../plan/queues/api-files';
import { apiValue } from '../../plan/reference';
import { PLACEHOLDERS } from '../../shared/placeholders';
import { type Step, WEB_IDENTITY_ROLES_STEP } from '../../shared/starter-file';
import { familyUnit } from '../family-unit';
import { eksFiles } from './api-files';
import { addEksResources } from './cloudformation';
import { type EksPlan, eksPlan } from './plan';
import { STACK_NEXT_STEPS, STEPS } from './steps';

export const eksUnit = familyUnit<EksPlan>({
  plan: eksPlan,
  apiFiles: eksFiles,
  cloudFormation: addEksResources,
  steps: eksSteps,
  notes: (plan) => plan.notes,
  stackNextSteps: ({ cluster, install, environment, kubernetes }) => [
    STACK_NEXT_STEPS.updateKubeconfig(cluster.name, cluster.region),
    STACK_NEXT_STEPS.fillManifestPlaceholders,
    ...(install.loadBalancerController === null ? [] : [STACK_NEXT_STEPS.installLoadBalancerController]),
    ...kubernetesSecretStep(environment, kubernetes.app),
    STACK_NEXT_STEPS.applyManifests,
  ],
});

/** The cluster first (IRSA roles trust it, so they follow), then what runs in it, then the workload. */
function eksSteps(plan: EksPlan): Step[] {
  const { cluster, identity, daemonIdentity, install, queues, s3Events, fileSystem } = plan;
  const webIdentityRoles: Step[] =
    identity.kind === 'irsa' || daemonIdentity?.kind === 'irsa'
      ? [STEPS.readOidcIssuer(cluster.name), WEB_IDENTITY_ROLES_STEP]
      : [];
  return [
    STEPS.createCluster,
    ...webIdentityRoles,
    // Statically provisioned volumes (Fargate) mount the access point; the CSI driver makes its own otherwise.
    ...(fileSystem === null
      ? []
      : fileSystemSteps(fileSystem, {
          securityGroup: PLACEHOLDERS.clusterSecurityGroupId,
          accessPoint: plan.kubernetes.storage?.type === 'efs-static',
        })),
    ...(install.loadBalancerController === null
      ? []
      : [STEPS.installLoadBalancerController(install.loadBalancerController, cluster.name, cluster.region)]),
    ...(install.metricsServer ? [STEPS.installMetricsServer] : []),
    ...(install.externalMetric === null ? [] : [STEPS.installExternalMetricsAdapter(install.externalMetric)]),
    ...(install.clusterAutoscaler ? [STEPS.installClusterAutoscaler] : []),
    ...(queues === null ? [] : sqsQueueSteps(queues)),
    ...(s3Events === null
      ? []
      : [
          STEPS.enableBucketNotifications(apiValue(s3Events.trigger.bucket)),
          STEPS.createS3EventRule,
          STEPS.targetS3EventRule,
        ]),
    ...kubernetesSecretStep(plan.environment, plan.kubernetes.app),
    STEPS.applyManifests,
    ...(plan.runsOnce ? [STEPS.rerunJob(plan.kubernetes.app)] : []),
  ];
}
