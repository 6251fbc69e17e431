import YAML from 'yaml';
import type { PriceTable } from '../../src/catalogue/price-table';
import { estimateMonthlyCost } from '../../src/cost/monthly-cost';
import { loadRuleSet } from '../../src/engine/rule-set';
import { generateStarterConfig, type StarterConfigInput } from '../../src/generators/starter-config';
import { RULES_DIR } from '../../src/project-paths';
import { inputsOnEveryEligiblePlatform } from '../cloudformation/support/starter-inputs';
import { scenarios } from '../scenarios/all-scenarios';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { WORKLOAD_MATRIX } from '../support/workload-matrix';

const ruleSet = loadRuleSet(RULES_DIR);

/** Which hosts a type runs: the workload's own, or a Windows cluster's Linux system nodes. */
type Hosts = 'workload' | 'system';

interface Deployed {
  priced: Record<Hosts, string[]>;
  template: Record<Hosts, string[]>;
  /** The node groups of eks/cluster.yaml; absent for ECS, whose API files name no instance type. */
  clusterConfig?: Record<Hosts, string[]>;
  /** The types the Managed Instances capacity provider of ecs/capacity-provider.json allows. */
  capacityProvider?: Record<Hosts, string[]>;
  /** The instance types an EKS Auto Mode NodePool of eks/manifests.yaml lets Auto Mode launch. */
  nodePool: string[];
}

/** What the workload's hosts may launch as: the template's instances, or the types its NodePool allows. */
function launchedBy(deployed: Deployed, hosts: Hosts): string[] {
  return [...deployed.template[hosts], ...(hosts === 'workload' ? deployed.nodePool : [])];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** The instance types the CloudFormation template launches, a Ref to a parameter read as its default. */
function templateTypes(content: string): Record<Hosts, string[]> {
  const template: unknown = YAML.parse(content);
  if (!isRecord(template) || !isRecord(template.Resources)) throw new Error('template has no Resources');
  const parameters = isRecord(template.Parameters) ? template.Parameters : {};
  const resolve = (value: unknown): string[] => {
    if (isRecord(value) && typeof value.Ref === 'string') {
      const parameter = parameters[value.Ref];
      return isRecord(parameter) ? strings(parameter.Default) : [];
    }
    return strings(value);
  };
  const found: Record<Hosts, string[]> = { workload: [], system: [] };
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (!isRecord(resource) || !isRecord(resource.Properties)) continue;
    const properties = resource.Properties;
    const types: string[] = [];
    if (resource.Type === 'AWS::EKS::Nodegroup' && Array.isArray(properties.InstanceTypes))
      types.push(...properties.InstanceTypes.flatMap(resolve));
    if (
      resource.Type === 'AWS::Batch::ComputeEnvironment' &&
      isRecord(properties.ComputeResources) &&
      Array.isArray(properties.ComputeResources.InstanceTypes)
    )
      types.push(...properties.ComputeResources.InstanceTypes.flatMap(resolve));
    if (resource.Type === 'AWS::EC2::LaunchTemplate' && isRecord(properties.LaunchTemplateData))
      types.push(...resolve(properties.LaunchTemplateData.InstanceType));
    // ECS Managed Instances launches only the types its instance requirements allow.
    const managed = properties.ManagedInstancesProvider;
    if (resource.Type === 'AWS::ECS::CapacityProvider' && isRecord(managed)) {
      const launch = isRecord(managed.InstanceLaunchTemplate) ? managed.InstanceLaunchTemplate : {};
      const requirements = isRecord(launch.InstanceRequirements) ? launch.InstanceRequirements : {};
      types.push(...strings(requirements.AllowedInstanceTypes));
    }
    const policy = properties.MixedInstancesPolicy;
    if (resource.Type === 'AWS::AutoScaling::AutoScalingGroup' && isRecord(policy)) {
      const overrides = isRecord(policy.LaunchTemplate) ? policy.LaunchTemplate.Overrides : undefined;
      for (const override of Array.isArray(overrides) ? overrides : [])
        if (isRecord(override)) types.push(...resolve(override.InstanceType));
    }
    found[logicalId.startsWith('System') ? 'system' : 'workload'].push(...types);
  }
  return found;
}

/** The instance types eksctl's ClusterConfig gives the node groups. */
function clusterConfigTypes(content: string): Record<Hosts, string[]> {
  const config: unknown = YAML.parse(content);
  const found: Record<Hosts, string[]> = { workload: [], system: [] };
  if (!isRecord(config)) return found;
  for (const group of [config.managedNodeGroups, config.nodeGroups].flatMap((groups) =>
    Array.isArray(groups) ? groups : [],
  )) {
    if (!isRecord(group)) continue;
    const distribution = isRecord(group.instancesDistribution) ? group.instancesDistribution : {};
    const hosts = String(group.name).endsWith('-linux-system') ? 'system' : 'workload';
    found[hosts].push(
      ...strings(group.instanceType),
      ...strings(group.instanceTypes),
      ...strings(distribution.instanceTypes),
    );
  }
  return found;
}

/** The instance types a CreateCapacityProvider input with a Managed Instances provider allows. */
function managedInstanceTypes(request: unknown): string[] {
  if (!isRecord(request) || !isRecord(request.managedInstancesProvider)) return [];
  const launch = request.managedInstancesProvider.instanceLaunchTemplate;
  const requirements = isRecord(launch) ? launch.instanceRequirements : undefined;
  return isRecord(requirements) ? strings(requirements.allowedInstanceTypes) : [];
}

/** The values of the node.kubernetes.io/instance-type requirement of each NodePool in the manifests. */
function nodePoolTypes(content: string | undefined): string[] {
  if (content === undefined) return [];
  return YAML.parseAllDocuments(content).flatMap((document) => {
    const object: unknown = document.toJS();
    if (!isRecord(object) || object.kind !== 'NodePool' || !isRecord(object.spec)) return [];
    const template = isRecord(object.spec.template) ? object.spec.template : {};
    const spec = isRecord(template.spec) ? template.spec : {};
    const requirements = Array.isArray(spec.requirements) ? spec.requirements : [];
    return requirements.flatMap((requirement: unknown) =>
      isRecord(requirement) &&
      requirement.key === 'node.kubernetes.io/instance-type' &&
      requirement.operator === 'In'
        ? strings(requirement.values)
        : [],
    );
  });
}

function deployedAndPriced(input: StarterConfigInput, prices: PriceTable): Deployed {
  const cost = estimateMonthlyCost({ ...input, prices, model: ruleSet.costModel });
  const priced: Record<Hosts, string[]> = { workload: [], system: [] };
  for (const { item } of cost.lines) {
    const type = /^EC2 (\S+) instances/.exec(item)?.[1];
    if (type !== undefined) priced[item.includes('system nodes') ? 'system' : 'workload'].push(type);
  }
  const files = new Map(generateStarterConfig(input).map((file) => [file.path, file.content]));
  const template = files.get('cloudformation/template.yaml');
  if (template === undefined) throw new Error(`${input.platform.id} has no CloudFormation template`);
  const clusterConfig = files.get('eks/cluster.yaml');
  const capacityProvider = files.get('ecs/capacity-provider.json');
  const allowed =
    capacityProvider === undefined ? [] : managedInstanceTypes(JSON.parse(capacityProvider) as unknown);
  return {
    priced,
    template: templateTypes(template),
    nodePool: nodePoolTypes(files.get('eks/manifests.yaml')),
    ...(clusterConfig === undefined ? {} : { clusterConfig: clusterConfigTypes(clusterConfig) }),
    ...(allowed.length === 0 ? {} : { capacityProvider: { workload: allowed, system: [] } }),
  };
}

const hourly = (prices: PriceTable, type: string): number => {
  const entry = ruleSet.instanceCatalogue.instanceTypes.find((candidate) => candidate.type === type);
  const price = entry === undefined ? undefined : prices.prices[entry.priceKey]?.price;
  if (price === undefined) throw new Error(`${type} has no price`);
  return price;
};

/** Under Spot the hosts may launch any listed type: the estimate prices the cheapest of them. */
const cheapestOf = (prices: PriceTable, types: string[]): number =>
  Math.min(...types.map((type) => hourly(prices, type)));

const workloads = [
  ...scenarios.map((scenario) => ({ source: `scenario "${scenario.name}"`, body: scenario.workload })),
  ...WORKLOAD_MATRIX.map(({ label, body }) => ({ source: `matrix "${label}"`, body })),
];

describe('the instance type priced is the instance type deployed', () => {
  let cases: { label: string; input: StarterConfigInput; prices: PriceTable; deployed: Deployed }[] = [];

  beforeAll(async () => {
    for (const { source, body } of workloads) {
      for (const input of await inputsOnEveryEligiblePlatform(body)) {
        if (input.platform.sizingModel !== 'ec2') continue;
        const prices = (ruleSet.prices[input.workload.region] ?? ruleSet.prices['us-east-1']) as PriceTable;
        const deployed = deployedAndPriced(input, prices);
        cases.push({ label: `${source} on ${input.platform.id}`, input, prices, deployed });
      }
    }
  }, CORPUS_TIMEOUT_MS);

  afterAll(() => {
    cases = [];
  });

  it('covers ECS (EC2 and Managed Instances), EKS and AWS Batch hosts, On-Demand and Spot, Linux and Windows (with system nodes), x86_64, arm64 and GPU', () => {
    const kinds = new Set(
      cases.flatMap(({ input }) => [
        input.platform.id,
        input.design.scaling.instanceMarket,
        input.facts.runtime.os,
        input.facts.runtime.architecture,
        input.workload.control.gpu ? 'gpu' : 'no-gpu',
      ]),
    );
    for (const kind of [
      'ecs-ec2',
      'ecs-managed-instances',
      'eks-managed-nodes',
      'eks-self-managed-nodes',
      'aws-batch',
      'eks-auto-mode',
      'spot',
      'on-demand',
      'windows',
      'arm64',
      'gpu',
    ])
      expect(kinds).toContain(kind);
    expect(cases.some(({ deployed }) => deployed.template.system.length > 0)).toBe(true);
  });

  describe.each(['workload', 'system'] as const)('for the %s hosts', (hosts) => {
    it('prices exactly one type, where the template (or an Auto Mode NodePool) launches any, and one of those', () => {
      const wrong = cases.flatMap(({ label, deployed }) => {
        const launched = launchedBy(deployed, hosts);
        const priced = deployed.priced[hosts];
        if (launched.length === 0 && priced.length === 0) return [];
        const [type] = priced;
        return priced.length === 1 && type !== undefined && launched.includes(type)
          ? []
          : [`${label}: priced [${priced.join(', ')}], template launches [${launched.join(', ')}]`];
      });
      expect(wrong).toEqual([]);
    });

    it('prices the cheapest of the types the hosts may launch (the only one On-Demand)', () => {
      const wrong = cases.flatMap(({ label, input, prices, deployed }) => {
        const [type] = deployed.priced[hosts];
        if (type === undefined) return [];
        const launched = launchedBy(deployed, hosts);
        const onDemandOk = input.design.scaling.instanceMarket === 'spot' || new Set(launched).size === 1;
        return onDemandOk && hourly(prices, type) === cheapestOf(prices, launched)
          ? []
          : [`${label}: priced ${type}, template launches [${launched.join(', ')}]`];
      });
      expect(wrong).toEqual([]);
    });

    it('allows the same types in ecs/capacity-provider.json as the template, on Managed Instances', () => {
      const withFile = cases.filter(({ deployed }) => deployed.capacityProvider !== undefined);
      expect(withFile.length).toBeGreaterThan(0);
      const wrong = withFile.flatMap(({ label, deployed }) => {
        const fromApiFile = [...new Set(deployed.capacityProvider?.[hosts] ?? [])].sort();
        const fromTemplate = [...new Set(deployed.template[hosts])].sort();
        return fromApiFile.join() === fromTemplate.join()
          ? []
          : [
              `${label}: capacity-provider.json [${fromApiFile.join(', ')}], template [${fromTemplate.join(', ')}]`,
            ];
      });
      expect(wrong).toEqual([]);
    });

    it('deploys the same types through eks/cluster.yaml as through the template', () => {
      const wrong = cases.flatMap(({ label, deployed }) => {
        if (deployed.clusterConfig === undefined) return [];
        const fromApiFile = [...new Set(deployed.clusterConfig[hosts])].sort();
        const fromTemplate = [...new Set(deployed.template[hosts])].sort();
        return fromApiFile.join() === fromTemplate.join()
          ? []
          : [`${label}: cluster.yaml [${fromApiFile.join(', ')}], template [${fromTemplate.join(', ')}]`];
      });
      expect(wrong).toEqual([]);
    });
  });
});
