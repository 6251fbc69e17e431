import type { z } from 'zod';
import type { DesignDraft } from './design-draft';
import { blocker } from './events/blocker';
import { capacity } from './events/capacity';
import { computeEnvironment } from './events/compute-environment';
import type { Resolved } from './events/event-values';
import { iamRole } from './events/iam-role';
import { iamStatement } from './events/iam-statement';
import { loadBalancer } from './events/load-balancer';
import { loadBalancerScheme } from './events/load-balancer-scheme';
import { loadBalancerTargetType } from './events/load-balancer-target-type';
import { monitoringRule } from './events/monitoring-rule';
import { note } from './events/note';
import { registry } from './events/registry';
import type {
  EngineName,
  ExplainContext,
  Explanation,
  FoldContext,
  RuleEventType,
} from './events/rule-event';
import { scalingPolicy } from './events/scaling-policy';
import { score } from './events/score';
import { storage } from './events/storage';
import { trigger } from './events/trigger';
import { warning } from './events/warning';

/** Every event type a rule may emit, in the order the engines list what they may emit. */
export const EVENT_TYPES = [
  'blocker',
  'score',
  'load-balancer',
  'load-balancer-scheme',
  'load-balancer-target-type',
  'storage',
  'scaling-policy',
  'capacity',
  'compute-environment',
  'trigger',
  'monitoring-rule',
  'iam-role',
  'iam-statement',
  'registry',
  'warning',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const MODULES = {
  blocker,
  score,
  'load-balancer': loadBalancer,
  'load-balancer-scheme': loadBalancerScheme,
  'load-balancer-target-type': loadBalancerTargetType,
  storage,
  'scaling-policy': scalingPolicy,
  capacity,
  'compute-environment': computeEnvironment,
  trigger,
  'monitoring-rule': monitoringRule,
  'iam-role': iamRole,
  'iam-statement': iamStatement,
  registry,
  warning,
  note,
} satisfies Record<EventType, unknown>;

type ParamsSchema<T extends EventType> = (typeof MODULES)[T]['params'];

/**
 * The table of rule event types, like json-rules-engine's operator list: each entry is one module under
 * events/ with the event's params schema, the engines that may emit it, what it decides, how a firing is
 * explained and how it folds into the design. The rule-file schema, the design step, the rationale and
 * GET /v1/rules all read it.
 */
export const RULE_EVENTS: { readonly [T in EventType]: RuleEventType<T, ParamsSchema<T>> } = MODULES;

/** An event's params as a rule file holds them (fact references unresolved). */
type RuleFileParams<T extends EventType> = z.input<ParamsSchema<T>>;
/** An event's params once the rule fired, with every fact reference resolved. */
type EventParams<T extends EventType> = Resolved<RuleFileParams<T>>;

/** A rule's event as loaded from its file, by type. */
type RuleEvents = { [T in EventType]: { type: T; params: RuleFileParams<T> } };
export type RuleEvent = RuleEvents[EventType];

/** The event of a rule that fired, with its params resolved against the facts, by type. */
type FiredEvents = { [T in EventType]: { type: T; params: EventParams<T> } };
export type FiredEvent = FiredEvents[EventType];

/** The event types each engine may emit. */
export function eventTypesOf(engine: EngineName): EventType[] {
  return EVENT_TYPES.filter((type) => RULE_EVENTS[type].engines.includes(engine));
}

/** The rationale's effect and message for one fired rule, from its event type's module. */
export function explainEvent<T extends EventType>(
  event: FiredEvents[T],
  context: ExplainContext,
): Explanation {
  return RULE_EVENTS[event.type].explain(event.params, context);
}

/** The draft design with one fired design rule's event folded in; events without a fold leave it as it was. */
export function foldEvent<T extends EventType>(
  draft: DesignDraft,
  event: FiredEvents[T],
  context: FoldContext,
): DesignDraft {
  const { fold } = RULE_EVENTS[event.type];
  return fold === undefined ? draft : fold(draft, event.params, context);
}
