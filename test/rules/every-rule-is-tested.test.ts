import { loadRuleSet, type RuleSet } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';
import { caveatsCases } from './caveats.cases';
import { costCases } from './cost.cases';
import { eligibilityCases } from './eligibility.cases';
import { iamCases } from './iam.cases';
import { lifecycleCases } from './lifecycle.cases';
import { loadBalancerCases } from './load-balancer.cases';
import { monitoringCases } from './monitoring.cases';
import { preferencesCases } from './preferences.cases';
import { registryCases } from './registry.cases';
import { adviceFor, type TableRow } from './rule-case';
import { scalingCases } from './scaling.cases';
import { storageCases } from './storage.cases';
import { triggersCases } from './triggers.cases';

/** Each rule group's table, by the group name its rules/<group>.json declares. */
const tables: Record<string, readonly TableRow[]> = {
  eligibility: eligibilityCases,
  lifecycle: lifecycleCases,
  preferences: preferencesCases,
  caveats: caveatsCases,
  'load-balancer': loadBalancerCases,
  storage: storageCases,
  scaling: scalingCases,
  triggers: triggersCases,
  monitoring: monitoringCases,
  iam: iamCases,
  registry: registryCases,
  cost: costCases,
};

/**
 * Rules that no workload can fire with today's catalogue. Each exemption is re-checked, so it lapses (and
 * the rule needs a positive row) the day its reason stops being true.
 */
const unreachable: Record<string, { because: string; stillTrue: (ruleSet: RuleSet) => boolean }> = {
  'private-exposure-must-be-supported': {
    because: 'every platform in the catalogue can keep a web service private',
    stillTrue: (ruleSet) =>
      ruleSet.platforms.every((platform) => platform.capabilities.privateExposure.supported === true),
  },
};

describe('the rule tables', () => {
  const ruleSet = loadRuleSet(RULES_DIR);
  const groupOf = new Map(ruleSet.rules.map((rule) => [rule.name, rule.group]));
  /** Rule names seen in the rationale of each group's rows: platform-fit rules for every platform, design rules for the chosen one. */
  const firedByGroup = new Map<string, Set<string>>();
  let rowsWithoutRecommendation: string[] = [];

  beforeAll(async () => {
    rowsWithoutRecommendation = [];
    for (const [group, rows] of Object.entries(tables)) {
      const fired = new Set<string>();
      for (const row of rows) {
        const advice = await adviceFor(row.workload);
        if (advice.kind !== 'recommendation') {
          rowsWithoutRecommendation.push(`${group}: ${row.given}`);
          continue;
        }
        for (const entry of advice.recommendation.rationale) fired.add(entry.rule);
      }
      firedByGroup.set(group, fired);
    }
  });

  describe('when compared with rules/', () => {
    it('include one table for every rule group', () => {
      expect(Object.keys(tables).sort()).toEqual(
        [...new Set(ruleSet.rules.map((rule) => rule.group))].sort(),
      );
    });

    it('name, in every row, a rule of the table’s own group', () => {
      const misplaced = Object.entries(tables).flatMap(([group, rows]) =>
        rows
          .filter((row) => groupOf.get(row.rule) !== group)
          .map((row) => `${group}: "${row.rule}" (${groupOf.get(row.rule) ?? 'no such rule'})`),
      );
      expect(misplaced).toEqual([]);
    });
  });

  describe('when every row runs through the advisor', () => {
    it('leave some platform eligible in every row, so the rationale can be read', () => {
      expect(rowsWithoutRecommendation).toEqual([]);
    });

    it('fire every rule in at least one row of its own group’s table', () => {
      const untested = ruleSet.rules
        .filter((rule) => !(rule.name in unreachable))
        .filter((rule) => !firedByGroup.get(rule.group)?.has(rule.name))
        .map((rule) => `${rule.group}/${rule.name}`);
      expect(untested).toEqual([]);
    });

    it.each(Object.entries(unreachable))('exempt %s only while it cannot fire', (name, exemption) => {
      const group = groupOf.get(name);
      expect(group).toBeDefined();
      expect({ rule: name, because: exemption.because, stillTrue: exemption.stillTrue(ruleSet) }).toEqual({
        rule: name,
        because: exemption.because,
        stillTrue: true,
      });
      expect(firedByGroup.get(group ?? '')?.has(name)).toBe(false);
    });
  });
});
