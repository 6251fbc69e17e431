import type { PlatformId } from '../../src/catalogue/platform-catalogue';
import type { ClusterConfig, NodeGroup } from '../../src/generators/families/eks/api-files';
import { starterFiles, yamlDocumentsAt } from './support/starter';

const EKS = { kubernetes: 'required' };

/** The ClusterConfig of the recommended platform, or of the platform named (which the body must leave eligible). */
async function clusterConfig(body: Record<string, unknown>, platform?: PlatformId): Promise<ClusterConfig> {
  const documents = yamlDocumentsAt(await starterFiles(body, platform), 'eks/cluster.yaml');
  expect(documents).toHaveLength(1);
  return documents[0] as unknown as ClusterConfig;
}

function addonNames(config: ClusterConfig): string[] {
  return config.addons.map((addon) => addon.name);
}

function onlyGroup(groups: NodeGroup[] | undefined): NodeGroup {
  expect(groups).toHaveLength(1);
  return groups?.[0] as NodeGroup;
}

describe('eksctl cluster config', () => {
  describe('when the workload runs on managed node groups', () => {
    it('describes the cluster, its version and the cluster role', async () => {
      const config = await clusterConfig(
        {
          workloadType: 'web',
          name: 'shop',
          region: 'eu-west-1',
          control: { ...EKS, daemons: true },
        },
        'eks-managed-nodes',
      );
      expect(config).toMatchObject({
        apiVersion: 'eksctl.io/v1alpha5',
        kind: 'ClusterConfig',
        metadata: { name: 'shop', region: 'eu-west-1', version: '1.33' },
        iam: { serviceRoleARN: 'arn:aws:iam::<account-id>:role/shop-cluster' },
      });
    });

    it('opens the API server endpoint inside the VPC as well as publicly, as the stack does', async () => {
      const config = await clusterConfig(
        { workloadType: 'web', control: { ...EKS, daemons: true } },
        'eks-managed-nodes',
      );
      expect(config.vpc).toEqual({ clusterEndpoints: { publicAccess: true, privateAccess: true } });
    });

    it('installs the core add-ons and the Pod Identity agent, and links the pod role to the service account', async () => {
      const config = await clusterConfig(
        { workloadType: 'web', control: { ...EKS, daemons: true } },
        'eks-managed-nodes',
      );
      expect(addonNames(config)).toEqual(['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent']);
      expect(config.iam.podIdentityAssociations).toEqual([
        { namespace: 'app', serviceAccountName: 'app', roleARN: 'arn:aws:iam::<account-id>:role/app-pod' },
        {
          namespace: 'app',
          serviceAccountName: 'app-agent',
          roleARN: 'arn:aws:iam::<account-id>:role/app-agent',
        },
      ]);
      expect(config.iam).not.toHaveProperty('withOIDC');
    });

    it('trusts the pods and the per-node agent on Windows nodes through the OIDC provider, since Pod Identity runs on Linux nodes only', async () => {
      const config = await clusterConfig({
        workloadType: 'web',
        control: { ...EKS, daemons: true, os: 'windows' },
        resources: { cpu: 1, memoryGiB: 2 },
      });
      expect(config.iam.withOIDC).toBe(true);
      expect(config.iam.podIdentityAssociations ?? []).toEqual([]);
    });

    it('runs one private Amazon Linux 2023 node group sized for the pods', async () => {
      const group = onlyGroup(
        (
          await clusterConfig(
            {
              workloadType: 'web',
              control: { ...EKS, daemons: true },
              resources: { minTasks: 2, maxTasks: 10 },
            },
            'eks-managed-nodes',
          )
        ).managedNodeGroups,
      );
      expect(group).toMatchObject({
        name: 'app',
        amiFamily: 'AmazonLinux2023',
        instanceType: 'm7i.large',
        privateNetworking: true,
        iam: { instanceRoleARN: 'arn:aws:iam::<account-id>:role/app-node' },
      });
      expect(group.minSize).toBeGreaterThanOrEqual(1);
      expect(group.maxSize).toBeGreaterThanOrEqual(group.minSize);
      expect(group.desiredCapacity).toBe(group.minSize);
    });
  });

  describe.each([
    { given: { cpu: 0.5, memoryGiB: 1 }, control: {}, want: 'm7i.large' },
    { given: { cpu: 2, memoryGiB: 8 }, control: {}, want: 'm7i.xlarge' },
    { given: { cpu: 2, memoryGiB: 24 }, control: {}, want: 'r7i.xlarge' },
    { given: { cpu: 0.5, memoryGiB: 1 }, control: { architecture: 'arm64' }, want: 'm7g.large' },
    { given: { cpu: 0.5, memoryGiB: 1 }, control: { gpu: true }, want: 'g6.xlarge' },
  ])('when a pod needs $given.cpu vCPU / $given.memoryGiB GiB with $control', ({ given, control, want }) => {
    it(`runs on ${want}`, async () => {
      const config = await clusterConfig(
        {
          workloadType: 'web',
          control: { ...EKS, daemons: true, ...control },
          resources: given,
        },
        'eks-managed-nodes',
      );
      expect(onlyGroup(config.managedNodeGroups).instanceType).toBe(want);
    });
  });

  describe('when the work may run on Spot', () => {
    it('buys Spot capacity from several instance types of the same size', async () => {
      const group = onlyGroup(
        (
          await clusterConfig(
            { workloadType: 'worker', control: EKS, cost: { interruptible: true } },
            'eks-managed-nodes',
          )
        ).managedNodeGroups,
      );
      expect(group).toMatchObject({ spot: true, instanceTypes: ['m7i.large', 'm6i.large', 'm5.large'] });
      expect(group).not.toHaveProperty('instanceType');
    });
  });

  describe('when the workload runs Windows containers', () => {
    it('adds a small Linux node group for CoreDNS beside the Windows one', async () => {
      const groups =
        (await clusterConfig({ workloadType: 'web', control: { ...EKS, os: 'windows' } }))
          .managedNodeGroups ?? [];
      expect(groups.map((group) => group.amiFamily)).toEqual([
        'AmazonLinux2023',
        'WindowsServer2022CoreContainer',
      ]);
    });
  });

  describe('when the workload runs on self-managed nodes', () => {
    it('uses nodeGroups, tagged for the Cluster Autoscaler', async () => {
      const config = await clusterConfig({ workloadType: 'web', control: { ...EKS, level: 'full' } });
      expect(config).not.toHaveProperty('managedNodeGroups');
      expect(onlyGroup(config.nodeGroups)).toMatchObject({
        propagateASGTags: true,
        tags: { 'k8s.io/cluster-autoscaler/enabled': 'true', 'k8s.io/cluster-autoscaler/app': 'owned' },
      });
    });
  });

  describe('when the workload runs on EKS Fargate', () => {
    it('selects the workload namespace and kube-system with Fargate profiles, using the pod execution role', async () => {
      const config = await clusterConfig(
        { workloadType: 'web', control: { ...EKS, level: 'minimal' } },
        'eks-fargate',
      );
      expect(config.fargateProfiles).toEqual([
        {
          name: 'app',
          selectors: [{ namespace: 'app' }],
          podExecutionRoleARN: 'arn:aws:iam::<account-id>:role/app-pod-execution',
        },
        {
          name: 'kube-system',
          selectors: [{ namespace: 'kube-system' }],
          podExecutionRoleARN: 'arn:aws:iam::<account-id>:role/app-pod-execution',
        },
      ]);
      expect(config).not.toHaveProperty('managedNodeGroups');
    });

    it('turns on the OIDC provider for IRSA and runs CoreDNS on Fargate', async () => {
      const config = await clusterConfig(
        { workloadType: 'web', control: { ...EKS, level: 'minimal' } },
        'eks-fargate',
      );
      expect(config.iam.withOIDC).toBe(true);
      expect(config.addons.find((addon) => addon.name === 'coredns')?.configurationValues).toBe(
        '{"computeType":"Fargate"}',
      );
      expect(addonNames(config)).not.toContain('eks-pod-identity-agent');
    });
  });

  describe.each([
    { persistence: 'block', want: 'aws-ebs-csi-driver' },
    { persistence: 'shared-file', want: 'aws-efs-csi-driver' },
    { persistence: 'high-performance-file', want: 'aws-fsx-csi-driver' },
  ])('when the storage is $persistence on nodes', ({ persistence, want }) => {
    it(`installs ${want} with its Pod Identity role`, async () => {
      const config = await clusterConfig({
        workloadType: 'batch',
        control: { ...EKS, level: 'full' },
        persistence: { type: persistence },
      });
      expect(config.addons).toContainEqual({ name: want, useDefaultPodIdentityAssociations: true });
    });
  });
});
