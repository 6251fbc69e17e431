import { Engine } from 'json-rules-engine';
import { resolveFactPath } from './fact-path';

/**
 * Partial evaluation of rule conditions against facts that never change for an engine instance (the
 * platform catalogue entry): conditions on those facts are decided once, at start-up, with
 * json-rules-engine's own operators, so each request only evaluates what depends on the workload. A rule
 * whose conditions can never hold for the platform is dropped; the answer is the same, just computed with
 * fewer conditions.
 */

type FactReference = { fact: string; path: string };
type Condition = { fact: string; path: string; operator: string; value: unknown };
export type ConditionNode =
  | Condition
  | { all: ConditionNode[] }
  | { any: ConditionNode[] }
  | { not: ConditionNode };

/** json-rules-engine's own operator table, so decisions made here match the engine's exactly. */
const operators = (
  new Engine() as unknown as {
    operators: {
      get(name: string): { evaluate(factValue: unknown, jsonValue: unknown): boolean } | null | undefined;
    };
  }
).operators;

function isFactReference(value: unknown): value is FactReference {
  return typeof value === 'object' && value !== null && 'fact' in value && 'path' in value;
}

function isCondition(node: ConditionNode): node is Condition {
  return 'operator' in node;
}

/** Returns the node with every static condition decided: true or false when the whole node is decided. */
export function specialize(
  node: ConditionNode,
  staticFacts: Readonly<Record<string, unknown>>,
): ConditionNode | boolean {
  if (isCondition(node)) {
    let value = node.value;
    if (isFactReference(value) && value.fact in staticFacts)
      value = resolveFactPath(staticFacts[value.fact], value.path);
    if (!(node.fact in staticFacts)) return value === node.value ? node : { ...node, value };
    if (isFactReference(value)) return node;
    const operator = operators.get(node.operator);
    if (operator === null || operator === undefined) throw new Error(`unknown operator ${node.operator}`);
    return operator.evaluate(resolveFactPath(staticFacts[node.fact], node.path), value);
  }
  if ('not' in node) {
    const inner = specialize(node.not, staticFacts);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  const isAll = 'all' in node;
  const children = isAll ? node.all : node.any;
  const kept: ConditionNode[] = [];
  for (const child of children) {
    const result = specialize(child, staticFacts);
    if (result === !isAll) return !isAll;
    if (typeof result !== 'boolean') kept.push(result);
  }
  if (kept.length === 0) return isAll;
  return isAll ? { all: kept } : { any: kept };
}

/** A rule's top-level conditions after specialization, in the form json-rules-engine accepts. */
export function specializeTopLevel(
  conditions: ConditionNode,
  staticFacts: Readonly<Record<string, unknown>>,
): { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode } | boolean {
  const result = specialize(conditions, staticFacts);
  if (typeof result === 'boolean') return result;
  return isCondition(result) ? { all: [result] } : result;
}
