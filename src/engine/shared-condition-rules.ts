import { Engine } from 'json-rules-engine';
import type { Platform, PlatformId } from '../catalogue/platform-catalogue';
import type { Workload } from '../contract/workload';
import { resolveFactPath } from './fact-path';
import {
  type Facts,
  PLATFORM_RUNTIME_FIELDS,
  type PlatformRuntime,
  platformRuntimeKey,
  WORKLOAD_RUNTIME_FIELDS,
} from './facts';
import type { PhaseRules } from './phase-rules';
import type { LoadedRule } from './rule-set';
import {
  type Condition,
  type ConditionNode,
  conditionsOf,
  type FactReference,
  foldConditions,
  isFactReference,
  specializeTopLevel,
} from './rule-specialization';
import { type FiredRule, firedInOrder } from './rules-engine';

/**
 * Comparisons of a platform's (static) value with a request's (dynamic) one, turned around so that the
 * request's value is the fact: `contains(list, x)` is `in(x, list)` for json-rules-engine when the list is
 * an array (contains's validator), and false when it is not. Other operators are left as they are.
 */
const CONVERSE: Readonly<Record<string, { operator: string; needsArray: boolean }>> = {
  contains: { operator: 'in', needsArray: true },
  doesNotContain: { operator: 'notIn', needsArray: true },
  equal: { operator: 'equal', needsArray: false },
  notEqual: { operator: 'notEqual', needsArray: false },
};

/** A rule of one platform, and the shared condition that decides it ('always' when nothing can stop it). */
interface PlatformRule {
  rule: LoadedRule;
  order: number;
  condition: number | 'always';
}

/**
 * One json-rules-engine over the conditions of every platform's rules of a phase, each distinct condition
 * once. Each rule is specialized to each platform (rule-specialization.ts); then every fact the condition
 * still reads is named by what it depends on: `workload` and the runtime fields that depend on the
 * workload alone (facts.ts, WORKLOAD_RUNTIME_FIELDS) keep their names, so the same condition on ten
 * platforms is one rule here and is evaluated once per workload; the rest is named by what the platform
 * brings to it (`runtime@osArchitecture:x86_64,x86_64`, see platformRuntimeKey), its sizing model
 * (`taskSize@fargate`) or the platform itself. What fired is then handed back to each
 * platform's rules, in RulesEngine's order, with their params resolved against that platform's facts.
 * json-rules-engine still decides every condition; only repetition is taken away.
 */
export class SharedConditionRules implements PhaseRules {
  /** The conditions on the workload alone, and the others (which read what a platform brings). */
  private readonly workloadEngine = newEngine();
  private readonly platformEngine = newEngine();
  /**
   * The workload conditions that held, by workload: a workload evaluated again (on Arm64, for cost) on
   * the same request gets them without a second evaluation. Weak, so it lives as long as the request.
   */
  private readonly workloadHolds = new WeakMap<Workload, Promise<Set<number>>>();
  private readonly rulesOf = new Map<PlatformId, PlatformRule[]>();
  private readonly factNames = new Set<string>();
  /** Per platform, the names its facts go by in a run and which fact each is; only names a condition reads. */
  private readonly namedFactsOf = new Map<PlatformId, { name: string; fact: keyof Facts }[]>();
  private readonly platformCount: number;
  private readonly distinctConditions: number;

  constructor(rules: readonly LoadedRule[], platforms: readonly Platform[]) {
    this.platformCount = platforms.length;
    const conditionIndex = new Map<string, number>();
    for (const platform of platforms) {
      const platformRules: PlatformRule[] = [];
      rules.forEach((rule, order) => {
        const specialized = specializeTopLevel(rule.conditions as ConditionNode, { platform });
        const shared = typeof specialized === 'boolean' ? specialized : sharedForm(specialized, platform);
        if (shared === false) return;
        if (shared === true) {
          platformRules.push({ rule, order, condition: 'always' });
          return;
        }
        const key = JSON.stringify(shared);
        let index = conditionIndex.get(key);
        if (index === undefined) {
          index = conditionIndex.size;
          conditionIndex.set(key, index);
          const names = new Set<string>();
          collectFactNames(shared, names);
          for (const name of names) this.factNames.add(name);
          const onTheWorkloadAlone = [...names].every((name) => WORKLOAD_FACT_NAMES.has(name));
          (onTheWorkloadAlone ? this.workloadEngine : this.platformEngine).addRule({
            name: String(index),
            conditions: ('operator' in shared ? { all: [shared] } : shared) as never,
            event: { type: 'condition-holds' },
          });
        }
        platformRules.push({ rule, order, condition: index });
      });
      this.rulesOf.set(platform.id, platformRules);
    }
    this.distinctConditions = conditionIndex.size;
    for (const platform of platforms) {
      const named: { name: string; fact: keyof Facts }[] = [
        { name: `runtime@${platform.id}`, fact: 'runtime' },
        ...PLATFORM_RUNTIME_FIELDS.map((field) => ({
          name: platformRuntimeFactName(field, platform),
          fact: 'runtime' as const,
        })),
        { name: `platform@${platform.id}`, fact: 'platform' },
        { name: `taskSize@${platform.sizingModel}`, fact: 'taskSize' },
      ];
      this.namedFactsOf.set(
        platform.id,
        named.filter(({ name }) => this.factNames.has(name)),
      );
    }
  }

  /** How many conditions one run evaluates: the distinct conditions of every platform's rules. */
  get conditionCount(): number {
    return this.distinctConditions;
  }

  async run(
    facts: ReadonlyMap<PlatformId, Facts>,
    wanted: readonly PlatformId[],
  ): Promise<Map<PlatformId, FiredRule[]>> {
    if (facts.size !== this.platformCount)
      throw new Error(`a shared evaluation needs the facts of all ${this.platformCount} platforms`);
    const [anyPlatformsFacts] = facts.values();
    if (anyPlatformsFacts === undefined) throw new Error('no facts to evaluate');
    const { workload, runtime } = anyPlatformsFacts;
    const onTheWorkload = { workload, runtime };
    let workloadHolds = this.workloadHolds.get(workload);
    if (workloadHolds === undefined) {
      workloadHolds = holdingConditions(this.workloadEngine, onTheWorkload);
      this.workloadHolds.set(workload, workloadHolds);
    }
    const holds = new Set([
      ...(await workloadHolds),
      ...(await holdingConditions(this.platformEngine, this.runFacts(facts, onTheWorkload))),
    ]);
    const fired = new Map<PlatformId, FiredRule[]>();
    for (const platformId of wanted) {
      const platformFacts = facts.get(platformId);
      const platformRules = this.rulesOf.get(platformId);
      if (platformFacts === undefined || platformRules === undefined)
        throw new Error(`no facts or rules for platform ${platformId}`);
      const firing = platformRules.filter(({ condition }) => condition === 'always' || holds.has(condition));
      fired.set(platformId, firedInOrder(firing, platformFacts));
    }
    return fired;
  }

  /** The facts of one run, under the names sharedForm gave them; only those some condition reads. */
  private runFacts(
    facts: ReadonlyMap<PlatformId, Facts>,
    onTheWorkload: Record<string, unknown>,
  ): Record<string, unknown> {
    const named: Record<string, unknown> = { ...onTheWorkload };
    for (const [platformId, platformFacts] of facts) {
      for (const { name, fact } of this.namedFactsOf.get(platformId) ?? []) named[name] = platformFacts[fact];
    }
    return named;
  }
}

/** The facts of the workload alone, the same whatever the platform (see sharedFactName). */
const WORKLOAD_FACT_NAMES: ReadonlySet<string> = new Set(['workload', 'runtime']);

function newEngine(): Engine {
  return new Engine([], { allowUndefinedFacts: false, pathResolver: resolveFactPath });
}

/** The indexes of the conditions that hold on the facts. */
async function holdingConditions(engine: Engine, facts: Record<string, unknown>): Promise<Set<number>> {
  const { results } = await engine.run(facts);
  return new Set(results.map((result) => Number(result.name)));
}

/**
 * A specialized condition in the shared engine's terms: static-versus-request comparisons turned around,
 * and every fact named by what it depends on; true or false where turning a comparison around decides it.
 */
function sharedForm(node: ConditionNode, platform: Platform): ConditionNode | boolean {
  return foldConditions(node, (condition) => sharedCondition(condition, platform));
}

function sharedCondition(node: Condition, platform: Platform): Condition | boolean {
  const converse = CONVERSE[node.operator];
  if (node.fact === 'platform' && isFactReference(node.value) && converse !== undefined) {
    const staticValue = resolveFactPath(platform, node.path);
    if (converse.needsArray && !Array.isArray(staticValue)) return false;
    // Nothing is in an empty list: in([]) never holds and notIn([]) always does, whatever the request.
    if (Array.isArray(staticValue) && staticValue.length === 0 && converse.needsArray)
      return converse.operator === 'notIn';
    return {
      fact: sharedFactName(node.value, platform),
      path: node.value.path,
      operator: converse.operator,
      value: staticValue,
    };
  }
  return {
    fact: sharedFactName(node, platform),
    path: node.path,
    operator: node.operator,
    value: isFactReference(node.value)
      ? { fact: sharedFactName(node.value, platform), path: node.value.path }
      : node.value,
  };
}

/** The name a fact goes by in the shared engine: shared when it cannot differ between platforms. */
function sharedFactName({ fact, path }: FactReference, platform: Platform): string {
  switch (fact) {
    case 'workload':
      return 'workload';
    case 'runtime': {
      const field = path.split('.')[1] ?? '';
      if (WORKLOAD_RUNTIME_FIELDS.has(field)) return 'runtime';
      const platformField = PLATFORM_RUNTIME_FIELDS.find((name) => name === field);
      return platformField === undefined
        ? `runtime@${platform.id}`
        : platformRuntimeFactName(platformField, platform);
    }
    case 'taskSize':
      return `taskSize@${platform.sizingModel}`;
    case 'platform':
      return `platform@${platform.id}`;
    default:
      throw new Error(`the ${fact} fact has no shared form (a platform-fit or design rule cannot read it)`);
  }
}

/** The shared name of a platform-dependent runtime field: the same for platforms that give it alike. */
function platformRuntimeFactName(field: keyof PlatformRuntime, platform: Platform): string {
  return `runtime@${field}:${platformRuntimeKey(platform, field)}`;
}

function collectFactNames(node: ConditionNode, names: Set<string>): void {
  for (const condition of conditionsOf(node)) {
    names.add(condition.fact);
    if (isFactReference(condition.value)) names.add(condition.value.fact);
  }
}
