import { loadRuleSet } from '../../src/engine/rule-set';
import { RULES_DIR } from '../../src/project-paths';
import { isRecord } from '../../src/shared/json-value';

function conditionsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(conditionsOf);
  if (!isRecord(node)) return [];
  if ('operator' in node) return [node];
  return [node.all, node.any, node.not].flatMap(conditionsOf);
}

/**
 * Rules say what kind of platform they apply to (its service and traits), never which platform: a new
 * platform with the same traits as an existing one is then judged and designed like it, without a rule edit.
 */
describe('the rule conditions on the platform', () => {
  const ruleSet = loadRuleSet(RULES_DIR);
  const ids: unknown[] = ruleSet.platforms.map((platform) => platform.id);
  const onPlatform = ruleSet.rules.flatMap((rule) =>
    conditionsOf(rule.conditions)
      .filter((condition) => condition.fact === 'platform')
      .map((condition) => ({ rule: rule.name, path: condition.path, value: condition.value })),
  );

  it('exist', () => {
    expect(onPlatform.length).toBeGreaterThan(0);
  });

  it('never test the platform id', () => {
    expect(onPlatform.filter((condition) => condition.path === '$.id')).toEqual([]);
  });

  it('compare to a platform id only where the service is named by its own name (App Runner)', () => {
    const comparesToId = (value: unknown) =>
      Array.isArray(value) ? value.some((item) => ids.includes(item)) : ids.includes(value);
    expect(
      onPlatform.filter((condition) => comparesToId(condition.value) && condition.path !== '$.service'),
    ).toEqual([]);
  });

  it('never stand the sizing model in for the kind of compute', () => {
    expect(onPlatform.filter((condition) => condition.path === '$.sizingModel')).toEqual([]);
  });
});
