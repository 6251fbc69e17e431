import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instanceCatalogueSchema } from '../../src/catalogue/instance-catalogue';
import {
  cheapestInstance,
  chooseInstance,
  chooseLinuxSystemNode,
  type InstanceRequirements,
} from '../../src/catalogue/instance-chooser';
import { priceOf } from '../../src/catalogue/price-table';
import { loadRuleSet, RuleSetError } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';

const ruleSet = loadRuleSet(RULES_DIR);
const catalogue = ruleSet.instanceCatalogue;
const usEast1 = ruleSet.prices['us-east-1'];
if (usEast1 === undefined) throw new Error('the rule set has no us-east-1 price table');
const prices = usEast1;

const needs = (overrides: Partial<InstanceRequirements>): InstanceRequirements => ({
  vcpu: 0.5,
  memoryGiB: 1,
  orchestrator: 'ecs',
  os: 'linux',
  architecture: 'x86_64',
  gpu: false,
  spot: false,
  perHostAgent: false,
  oneTaskPerHost: false,
  minimumHostVcpu: 0,
  ...overrides,
});

describe('chooseInstance', () => {
  describe.each([
    { given: {}, want: ['m7i.large'], tasksPerHost: 4 },
    { given: { orchestrator: 'eks' }, want: ['m7i.large'], tasksPerHost: 3 },
    { given: { vcpu: 2, memoryGiB: 8, orchestrator: 'eks' }, want: ['m7i.xlarge'], tasksPerHost: 1 },
    { given: { vcpu: 2, memoryGiB: 24 }, want: ['r7i.xlarge'], tasksPerHost: 1 },
    { given: { architecture: 'arm64' }, want: ['m7g.large'], tasksPerHost: 4 },
    { given: { os: 'windows', architecture: 'arm64' }, want: ['m7i.large'], tasksPerHost: 4 },
    { given: { gpu: true }, want: ['g6.xlarge'], tasksPerHost: 1 },
    // A 2 vCPU task fills an m7i.large; its per-host agent's 0.25 vCPU needs the next size.
    { given: { vcpu: 2, memoryGiB: 4 }, want: ['m7i.large'], tasksPerHost: 1 },
    { given: { vcpu: 2, memoryGiB: 4, perHostAgent: true }, want: ['m7i.xlarge'], tasksPerHost: 1 },
    { given: { perHostAgent: true }, want: ['m7i.large'], tasksPerHost: 3 },
    // On the host's network a web task binds its port on the host: the next task needs another host.
    { given: { oneTaskPerHost: true }, want: ['m7i.large'], tasksPerHost: 1 },
    { given: { gpu: true, architecture: 'arm64' }, want: ['g5g.xlarge'], tasksPerHost: 1 },
    { given: { spot: true }, want: ['m7i.large', 'm6i.large', 'm5.large'], tasksPerHost: 4 },
    { given: { spot: true, gpu: true }, want: ['g6.xlarge', 'g5.xlarge'], tasksPerHost: 1 },
    { given: { spot: true, vcpu: 150, memoryGiB: 300 }, want: ['m7i.48xlarge'], tasksPerHost: 1 },
    // A platform that launches no host below 3 vCPU skips the 2-vCPU large size the task alone would fit.
    { given: { minimumHostVcpu: 3, orchestrator: 'eks' }, want: ['m7i.xlarge'], tasksPerHost: 7 },
  ] as { given: Partial<InstanceRequirements>; want: string[]; tasksPerHost: number }[])(
    'when a task needs $given',
    ({ given, want, tasksPerHost }) => {
      const choice = chooseInstance(needs(given), catalogue);
      it(`deploys ${want.join(', ')}`, () => {
        expect(choice.instanceTypes.map(({ type }) => type)).toEqual(want);
      });
      it(`holds ${tasksPerHost} task(s) per host`, () => {
        expect(choice.instanceTypes[0].tasksPerHost).toBe(tasksPerHost);
        expect(choice.fits).toBe(true);
      });
    },
  );

  describe('when no listed type holds the task', () => {
    const choice = chooseInstance(needs({ vcpu: 192, memoryGiB: 1536 }), catalogue);
    it('returns the largest memory optimized type and says the task will not be placed', () => {
      expect(choice.instanceTypes.map(({ type }) => type)).toEqual(['r7i.48xlarge']);
      expect(choice.fits).toBe(false);
      expect(choice.reason).toMatch(/will not be placed/);
    });
  });

  describe('a Windows cluster’s Linux system nodes', () => {
    it('run on m7i.large', () => {
      expect(chooseLinuxSystemNode(catalogue).type).toBe('m7i.large');
    });
  });
});

describe('cheapestInstance', () => {
  describe('when Spot may launch several types', () => {
    it('prices the cheapest, the first listed on a tie (m6i.large and m5.large cost the same)', () => {
      const choice = chooseInstance(needs({ spot: true }), catalogue);
      expect(cheapestInstance(choice, (key) => priceOf(prices, key)).type).toBe('m6i.large');
    });
  });
});

describe('rules/catalogue/instance-types.json', () => {
  it('lists a price in the us-east-1 table for every type', () => {
    const missing = catalogue.instanceTypes.filter((type) => prices.prices[type.priceKey] === undefined);
    expect(missing).toEqual([]);
  });

  describe('when a type names a family that is not listed', () => {
    it('is rejected, naming the type', () => {
      const broken = {
        ...catalogue,
        instanceTypes: [
          ...catalogue.instanceTypes,
          { ...catalogue.instanceTypes[0], type: 'x9.large', family: 'x9' },
        ],
      };
      const result = instanceCatalogueSchema.safeParse(broken);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.message).join()).toMatch(/x9\.large/);
    });
  });

  describe('when a selection lists a GPU family for general hosts', () => {
    it('is rejected', () => {
      const broken = {
        ...catalogue,
        selection: { ...catalogue.selection, general: { ...catalogue.selection.general, x86_64: ['g6'] } },
      };
      expect(instanceCatalogueSchema.safeParse(broken).success).toBe(false);
    });
  });
});

describe('loading rules/ with an instance type the price table lacks', () => {
  it('stops with a RuleSetError naming the file, the type and the missing price', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-rules-'));
    try {
      cpSync(RULES_DIR, dir, { recursive: true });
      const [first] = catalogue.instanceTypes;
      const broken = {
        ...catalogue,
        instanceTypes: [
          ...catalogue.instanceTypes,
          { ...first, type: 'm7i.96xlarge', priceKey: 'ec2.m7i.96xlarge' },
        ],
      };
      writeFileSync(join(dir, 'catalogue/instance-types.json'), JSON.stringify(broken));
      expect(() => loadRuleSet(dir)).toThrow(
        new RuleSetError(
          'catalogue/instance-types.json',
          undefined,
          'instance type m7i.96xlarge names price "ec2.m7i.96xlarge", which the us-east-1 price table lacks',
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
