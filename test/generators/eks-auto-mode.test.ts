import YAML from 'yaml';
import type { ClusterConfig } from '../../src/generators/families/eks/api-files';
import {
  at,
  type Document,
  fileAt,
  kubernetesObject,
  starterFiles,
  yamlDocumentsAt,
} from './support/starter';

const ON_KUBERNETES = { kubernetes: 'required' };

async function files(body: Record<string, unknown>) {
  return starterFiles(body, 'eks-auto-mode');
}

async function manifests(body: Record<string, unknown>): Promise<Document[]> {
  return yamlDocumentsAt(await files(body), 'eks/manifests.yaml');
}

function requirement(nodePool: Document, key: string): unknown {
  const requirements = at(nodePool, 'spec', 'template', 'spec', 'requirements');
  return (Array.isArray(requirements) ? requirements : []).find(
    (candidate: unknown) => at(candidate, 'key') === key,
  );
}

/**
 * EKS Auto Mode as AWS documents it: ComputeConfig, ElasticLoadBalancing and BlockStorage enabled on the
 * cluster (https://docs.aws.amazon.com/eks/latest/userguide/automode-get-started-cli.html), NodePools of
 * karpenter.sh/v1 on the built-in `default` NodeClass
 * (https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html), an IngressClass of controller
 * eks.amazonaws.com/alb (auto-configure-alb.html), loadBalancerClass eks.amazonaws.com/nlb
 * (auto-configure-nlb.html) and the ebs.csi.eks.amazonaws.com provisioner (create-storage-class.html).
 */
describe('EKS Auto Mode starter files', () => {
  describe('when a web service runs on EKS Auto Mode', () => {
    const body = { workloadType: 'web', name: 'shop', control: ON_KUBERNETES };

    it('enables Auto Mode in the eksctl ClusterConfig, with the node role and the built-in node pools', async () => {
      const [config] = yamlDocumentsAt(await files(body), 'eks/cluster.yaml') as unknown as ClusterConfig[];
      expect(config?.autoModeConfig).toEqual({
        enabled: true,
        nodeRoleARN: 'arn:aws:iam::<account-id>:role/shop-node',
        nodePools: ['general-purpose', 'system'],
      });
      expect(config).not.toHaveProperty('managedNodeGroups');
      expect(config).not.toHaveProperty('nodeGroups');
    });

    it('installs no networking add-on, no load balancer controller and no EBS driver: AWS runs them', async () => {
      const [config] = yamlDocumentsAt(await files(body), 'eks/cluster.yaml') as unknown as ClusterConfig[];
      expect(config?.addons).toEqual([]);
      const readme = fileAt(await files(body), 'README.md').content;
      expect(readme).not.toMatch(/AWS Load Balancer Controller|Cluster Autoscaler|aws-ebs-csi-driver/);
    });

    it('enables compute, load balancing and block storage on the AWS::EKS::Cluster', async () => {
      const template: unknown = YAML.parse(fileAt(await files(body), 'cloudformation/template.yaml').content);
      const cluster = at(template, 'Resources', 'Cluster', 'Properties');
      expect(at(cluster, 'ComputeConfig')).toEqual({
        Enabled: true,
        NodeRoleArn: { 'Fn::GetAtt': ['NodeRole', 'Arn'] },
        NodePools: ['general-purpose', 'system'],
      });
      expect(at(cluster, 'KubernetesNetworkConfig')).toEqual({ ElasticLoadBalancing: { Enabled: true } });
      expect(at(cluster, 'StorageConfig')).toEqual({ BlockStorage: { Enabled: true } });
      expect(at(cluster, 'BootstrapSelfManagedAddons')).toBe(false);
      const types = Object.values(at(template, 'Resources') as Record<string, unknown>).map((resource) =>
        at(resource, 'Type'),
      );
      expect(types).not.toContain('AWS::EKS::Nodegroup');
      expect(types).not.toContain('AWS::AutoScaling::AutoScalingGroup');
    });

    it('runs the pods on their own NodePool of the default NodeClass, and pins them to it', async () => {
      const documents = await manifests(body);
      const nodePool = kubernetesObject(documents, 'NodePool');
      expect(at(nodePool, 'apiVersion')).toBe('karpenter.sh/v1');
      expect(at(nodePool, 'spec', 'template', 'spec', 'nodeClassRef')).toEqual({
        group: 'eks.amazonaws.com',
        kind: 'NodeClass',
        name: 'default',
      });
      expect(requirement(nodePool, 'karpenter.sh/capacity-type')).toMatchObject({ values: ['on-demand'] });
      expect(requirement(nodePool, 'kubernetes.io/arch')).toMatchObject({ values: ['amd64'] });
      expect(requirement(nodePool, 'node.kubernetes.io/instance-type')).toMatchObject({
        values: ['m7i.large'],
      });
      // Auto Mode's NodePools take no kubernetes.io/os requirement: it runs Linux only.
      expect(requirement(nodePool, 'kubernetes.io/os')).toBeUndefined();
      const deployment = kubernetesObject(documents, 'Deployment');
      expect(at(deployment, 'spec', 'template', 'spec', 'nodeSelector', 'karpenter.sh/nodepool')).toBe(
        'shop',
      );
    });

    it('serves HTTP through the Auto Mode IngressClass, with the scheme in its IngressClassParams', async () => {
      const documents = await manifests(body);
      const ingressClass = kubernetesObject(documents, 'IngressClass');
      expect(at(ingressClass, 'spec')).toEqual({
        controller: 'eks.amazonaws.com/alb',
        parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name: 'shop-alb' },
      });
      expect(at(kubernetesObject(documents, 'IngressClassParams'), 'spec')).toEqual({
        scheme: 'internet-facing',
      });
      const ingress = kubernetesObject(documents, 'Ingress');
      expect(at(ingress, 'spec', 'ingressClassName')).toBe('shop-alb');
      expect(at(ingress, 'metadata', 'annotations', 'alb.ingress.kubernetes.io/target-type')).toBe('ip');
    });
  });

  describe('when the service speaks UDP', () => {
    it('asks Auto Mode for an NLB through its loadBalancerClass, without the controller-only type annotation', async () => {
      const service = (
        await manifests({
          workloadType: 'web',
          control: ON_KUBERNETES,
          traffic: { protocol: 'udp' },
          containerPort: 5353,
        })
      ).find((document) => at(document, 'spec', 'type') === 'LoadBalancer');
      expect(at(service, 'spec', 'loadBalancerClass')).toBe('eks.amazonaws.com/nlb');
      expect(at(service, 'metadata', 'annotations')).not.toHaveProperty(
        'service.beta.kubernetes.io/aws-load-balancer-type',
      );
    });
  });

  describe('when each pod needs a block volume', () => {
    it('provisions EBS through Auto Mode’s own provisioner', async () => {
      const storageClass = kubernetesObject(
        await manifests({ workloadType: 'web', control: ON_KUBERNETES, persistence: { type: 'block' } }),
        'StorageClass',
      );
      expect(at(storageClass, 'provisioner')).toBe('ebs.csi.eks.amazonaws.com');
      expect(at(storageClass, 'parameters')).toMatchObject({ type: 'gp3', encrypted: 'true' });
    });
  });

  describe('when pods share files on EFS', () => {
    it('installs only the EFS CSI driver add-on, whose controller gets its role through Pod Identity', async () => {
      const [config] = yamlDocumentsAt(
        await files({ workloadType: 'web', control: ON_KUBERNETES, persistence: { type: 'shared-file' } }),
        'eks/cluster.yaml',
      ) as unknown as ClusterConfig[];
      expect(config?.addons).toEqual([
        { name: 'aws-efs-csi-driver', useDefaultPodIdentityAssociations: true },
      ]);
    });
  });

  describe.each([
    {
      given: 'needs a GPU',
      control: { gpu: true },
      cost: {},
      want: { capacity: 'on-demand', arch: 'amd64', types: ['g6.xlarge'] },
    },
    {
      given: 'runs on arm64 and tolerates interruption',
      control: { architecture: 'arm64' },
      cost: { interruptible: true },
      want: { capacity: 'spot', arch: 'arm64', types: ['m7g.large', 'm6g.large'] },
    },
  ])('when the workload $given', ({ control, cost, want }) => {
    it(`lets the NodePool launch ${want.types.join(', ')} (${want.capacity}, ${want.arch})`, async () => {
      const nodePool = kubernetesObject(
        await manifests({ workloadType: 'worker', control: { ...ON_KUBERNETES, ...control }, cost }),
        'NodePool',
      );
      expect(requirement(nodePool, 'karpenter.sh/capacity-type')).toMatchObject({ values: [want.capacity] });
      expect(requirement(nodePool, 'kubernetes.io/arch')).toMatchObject({ values: [want.arch] });
      expect(requirement(nodePool, 'node.kubernetes.io/instance-type')).toMatchObject({ values: want.types });
    });
  });
});
