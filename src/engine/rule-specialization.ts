import { Engine } from 'json-rules-engine';
import { resolveFactPath } from './fact-path';

/**
 * Partial evaluation of rule conditions against facts that never change for an engine instance (the
 * platform catalogue entry): conditions on those facts are decided once, at start-up, with
 * json-rules-engine's own operators, so each request only evaluates what depends on the workload. A rule
 * whose conditions can never hold for the platform is dropped; the answer is the same, just computed with
 * fewer conditions.
 */

export type FactReference = { fact: string; path: string };
export type Condition = { fact: string; path: string; operator: string; value: unknown };
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

export function isFactReference(value: unknown): value is FactReference {
  return typeof value === 'object' && value !== null && 'fact' in value && 'path' in value;
}

function isCondition(node: ConditionNode): node is Condition {
  return 'operator' in node;
}

/**
 * Values of single fact paths that never change for an engine, keyed `fact:path` ("workload:$.cost.
 * sensitivity"), for engines built for one value of a request field.
 */
export type StaticPaths = ReadonlyMap<string, unknown>;

/** Returns the node with every static condition decided: true or false when the whole node is decided. */
export function specialize(
  node: ConditionNode,
  staticFacts: Readonly<Record<string, unknown>>,
  staticPaths: StaticPaths = new Map(),
): ConditionNode | boolean {
  return foldConditions(node, (condition) => specializeCondition(condition, staticFacts, staticPaths));
}

function specializeCondition(
  node: Condition,
  staticFacts: Readonly<Record<string, unknown>>,
  staticPaths: StaticPaths,
): Condition | boolean {
  let value = node.value;
  if (isFactReference(value) && value.fact in staticFacts)
    value = resolveFactPath(staticFacts[value.fact], value.path);
  else if (isFactReference(value) && staticPaths.has(`${value.fact}:${value.path}`))
    value = staticPaths.get(`${value.fact}:${value.path}`);
  const pathKey = `${node.fact}:${node.path}`;
  const isStatic = node.fact in staticFacts || staticPaths.has(pathKey);
  if (!isStatic) return value === node.value ? node : { ...node, value };
  if (isFactReference(value)) return node;
  const operator = operators.get(node.operator);
  if (operator === null || operator === undefined) throw new Error(`unknown operator ${node.operator}`);
  const factValue =
    node.fact in staticFacts ? resolveFactPath(staticFacts[node.fact], node.path) : staticPaths.get(pathKey);
  return operator.evaluate(factValue, value);
}

/**
 * The node with each condition replaced by what `rewrite` makes of it, and every all/any/not whose
 * outcome that decides folded to true or false (a decided child drops out; a node with no child left is
 * decided).
 */
export function foldConditions(
  node: ConditionNode,
  rewrite: (condition: Condition) => ConditionNode | boolean,
): ConditionNode | boolean {
  if (isCondition(node)) return rewrite(node);
  if ('not' in node) {
    const inner = foldConditions(node.not, rewrite);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  const isAll = 'all' in node;
  const kept: ConditionNode[] = [];
  for (const child of isAll ? node.all : node.any) {
    const result = foldConditions(child, rewrite);
    if (result === !isAll) return !isAll;
    if (typeof result !== 'boolean') kept.push(result);
  }
  if (kept.length === 0) return isAll;
  return isAll ? { all: kept } : { any: kept };
}

/** Every condition of a node, in order. */
export function conditionsOf(node: ConditionNode): Condition[] {
  if (isCondition(node)) return [node];
  if ('not' in node) return conditionsOf(node.not);
  return ('all' in node ? node.all : node.any).flatMap(conditionsOf);
}

/** A rule's top-level conditions after specialization, in the form json-rules-engine accepts. */
export function specializeTopLevel(
  conditions: ConditionNode,
  staticFacts: Readonly<Record<string, unknown>>,
  staticPaths: StaticPaths = new Map(),
): { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode } | boolean {
  const result = specialize(conditions, staticFacts, staticPaths);
  if (typeof result === 'boolean') return result;
  return isCondition(result) ? { all: [result] } : result;
}
