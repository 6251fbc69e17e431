import YAML from 'yaml';
import { PARAMETER_ORDER } from '../../src/generators/cloudformation/parameters';
import { TemplateBuilder } from '../../src/generators/cloudformation/template';
import { clusterConfigFile } from '../../src/generators/families/eks/api-files';
import { addEksResources } from '../../src/generators/families/eks/cloudformation';
import { eksPlan } from '../../src/generators/families/eks/plan';
import type { StarterConfigInput } from '../../src/generators/starter-config';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { webWorkload } from '../support/workloads';
import { at } from './support/starter';

async function eksInputs(): Promise<StarterConfigInput[]> {
  const inputs = (await inputsOnEveryEligiblePlatform(webWorkload({ name: 'shop' }))).filter(
    (input) => input.platform.family === 'eks',
  );
  expect(inputs.map((input) => input.platform.capacity).sort()).toEqual([
    'auto-mode',
    'fargate',
    'managed-node-group',
    'self-managed-nodes',
  ]);
  return inputs;
}

describe('the EKS plan', () => {
  describe.each([
    { capacity: 'managed-node-group', compute: 'managed-node-groups', identity: 'pod-identity' },
    { capacity: 'self-managed-nodes', compute: 'self-managed-nodes', identity: 'pod-identity' },
    { capacity: 'fargate', compute: 'fargate', identity: 'irsa' },
    { capacity: 'auto-mode', compute: 'auto-mode', identity: 'pod-identity' },
  ])('when the catalogue gives the platform $capacity capacity', ({ capacity, compute, identity }) => {
    it(`runs the pods on ${compute}, with ${identity} for their role`, async () => {
      const input = (await eksInputs()).find((candidate) => candidate.platform.capacity === capacity);
      if (input === undefined) throw new Error(`no EKS platform with ${capacity} capacity`);
      const plan = eksPlan(input);
      expect(plan.compute.kind).toBe(compute);
      expect(plan.identity.kind).toBe(identity);
    });
  });

  describe('when a platform of the family has a capacity EKS does not run pods on', () => {
    it('says which capacity and platform', async () => {
      const [input] = await eksInputs();
      if (input === undefined) throw new Error('no EKS platform');
      const platform = { ...input.platform, capacity: 'app-runner' as const };
      expect(() => eksPlan({ ...input, platform })).toThrow(
        `the EKS family has no compute for capacity app-runner (${input.platform.id})`,
      );
    });
  });

  describe('when the catalogue gives the platform auto-mode capacity', () => {
    it('lets AWS run the load balancer controller and the EBS driver, and Auto Mode scale the nodes', async () => {
      const input = (await eksInputs()).find((candidate) => candidate.platform.capacity === 'auto-mode');
      if (input === undefined) throw new Error('no EKS platform with auto-mode capacity');
      const plan = eksPlan(input);
      expect(plan.install).toMatchObject({ loadBalancerController: null, clusterAutoscaler: false });
      expect(plan.cluster.addons).toEqual([]);
      expect(plan.kubernetes.nodePool).toMatchObject({ nodeClass: 'default', instanceTypes: ['m7i.large'] });
    });
  });

  describe('when both renderings read one plan', () => {
    it('gives the cluster the same name, version and endpoint access in eks/cluster.yaml and the stack', async () => {
      for (const input of await eksInputs()) {
        const plan = eksPlan(input);
        const config: unknown = YAML.parse(clusterConfigFile(plan).content);
        const template = new TemplateBuilder(PARAMETER_ORDER);
        addEksResources(plan, template);
        const cluster = at(template.build('test'), 'Resources', 'Cluster', 'Properties');
        expect(at(cluster, 'Name')).toBe(plan.cluster.name);
        expect(at(cluster, 'Version')).toBe(plan.cluster.version);
        expect(at(cluster, 'ResourcesVpcConfig', 'EndpointPrivateAccess')).toBe(true);
        expect(at(cluster, 'ResourcesVpcConfig', 'EndpointPublicAccess')).toBe(true);
        expect(at(config, 'metadata')).toMatchObject({
          name: plan.cluster.name,
          version: plan.cluster.version,
        });
        expect(at(config, 'vpc', 'clusterEndpoints')).toEqual({ publicAccess: true, privateAccess: true });
      }
    });
  });
});
