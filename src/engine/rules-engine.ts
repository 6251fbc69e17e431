import { Engine } from 'json-rules-engine';
import type { FiredEvent } from '../design/rule-events';
import { resolveEventParams } from './event-params';
import { resolveFactPath } from './fact-path';
import type { CostFitFacts, Facts } from './facts';
import { fieldsRead } from './fields-read';
import type { LoadedRule } from './rule-set';
import { type ConditionNode, type StaticPaths, specialize, specializeTopLevel } from './rule-specialization';

/** A rule whose conditions held, with its event (type and params) resolved against the facts. */
export type FiredRule = FiredEvent & { rule: LoadedRule };

/**
 * One json-rules-engine Engine holding one engine's rules, built once at start-up and reused for every
 * evaluation. `staticFacts` are facts that never change for this engine (the platform it judges) and
 * `staticPaths` request fields it is built for one value of (a cost sensitivity): rules are specialized
 * to them once (see rule-specialization.ts). Undefined facts throw (json-rules-engine's strict default);
 * fired rules come back in a fixed order (priority, then load order) so the same facts always give the
 * same answer.
 */
export class RulesEngine {
  private readonly engine: Engine;
  private readonly rulesByName: Map<string, { rule: LoadedRule; order: number }>;
  private readonly fieldsByRule = new Map<string, ReadonlySet<string>>();
  private readonly conditionsByRule = new Map<string, ConditionNode | true>();

  constructor(
    rules: readonly LoadedRule[],
    staticFacts: Readonly<Partial<Facts>> = {},
    staticPaths: StaticPaths = new Map(),
  ) {
    this.engine = new Engine([], { allowUndefinedFacts: false, pathResolver: resolveFactPath });
    this.rulesByName = new Map();
    rules.forEach((rule, order) => {
      const conditions = specializeTopLevel(rule.conditions as ConditionNode, staticFacts, staticPaths);
      if (conditions === false) return;
      this.rulesByName.set(rule.name, { rule, order });
      this.fieldsByRule.set(rule.name, fieldsRead(conditions));
      this.conditionsByRule.set(rule.name, conditions);
      this.engine.addRule({
        name: rule.name,
        priority: rule.priority,
        conditions: (conditions === true ? { all: [] } : conditions) as never,
        // The params stay out of json-rules-engine, which deep-copies every rule's event on every run;
        // they are resolved from the loaded rule once the rule has fired.
        event: { type: rule.event.type },
      });
    });
  }

  /**
   * The request fields a rule's conditions read here (see fields-read.ts): while none of them changes,
   * the rule fires or not as it did. Undefined for a rule that can never fire on this engine.
   */
  fieldsReadBy(ruleName: string): ReadonlySet<string> | undefined {
    return this.fieldsByRule.get(ruleName);
  }

  /**
   * Whether a rule fires for these facts, decided by the start-up specialization's partial evaluation
   * (json-rules-engine's own operators) instead of a run: for the what-if searches, which re-decide only
   * the rules that read a changed field. Undefined for a rule that can never fire here, or one the facts
   * given do not decide.
   */
  decide(ruleName: string, facts: Readonly<Record<string, unknown>>): boolean | undefined {
    const conditions = this.conditionsByRule.get(ruleName);
    if (conditions === undefined) return undefined;
    if (conditions === true) return true;
    const decided = specialize(conditions, facts);
    return typeof decided === 'boolean' ? decided : undefined;
  }

  /** The rules that can fire on this engine (those specialization did not rule out), in load order. */
  get rules(): LoadedRule[] {
    return [...this.rulesByName.values()].map(({ rule }) => rule);
  }

  /** How many rules this engine evaluates per run, after specialization. */
  get ruleCount(): number {
    return this.rulesByName.size;
  }

  async run(facts: Facts | CostFitFacts): Promise<FiredRule[]> {
    const { results } = await this.engine.run({ ...facts });
    return firedInOrder(
      results.map((result) => {
        const entry = this.rulesByName.get(String(result.name));
        if (entry === undefined)
          throw new Error(`json-rules-engine returned an unknown rule "${String(result.name)}"`);
        return entry;
      }),
      facts,
    );
  }
}

/**
 * Fired rules in a fixed order (priority, then load order), each with its event params resolved against
 * the facts, so the same facts always give the same answer.
 */
export function firedInOrder(
  fired: readonly { rule: LoadedRule; order: number }[],
  facts: Facts | CostFitFacts,
): FiredRule[] {
  return [...fired]
    .sort((a, b) => b.rule.priority - a.rule.priority || a.order - b.order)
    .map(({ rule }) => ({ rule, ...resolveEventParams(rule.event, facts, rule.name) }));
}
