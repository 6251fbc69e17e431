import type { z } from 'zod';
import type { PlatformId } from '../../catalogue/platform-catalogue';
import type { Workload } from '../../contract/workload';
import type { DesignDraft } from '../design-draft';
import type { Resolved } from './event-values';

/** The engines a rule runs in: platform-fit for every platform, cost-fit once all are priced, design for each eligible one. */
export type EngineName = 'platform-fit' | 'cost-fit' | 'design';

/** What one rule's firing did, for the answer's rationale. */
export interface Explanation {
  effect: string;
  message: string;
}

export interface ExplainContext {
  /** The platform the rule judged; absent for design rules. */
  platformId?: PlatformId;
  /** The rule's own one-sentence description, for events whose params say nothing themselves. */
  ruleDescription: string;
}

export interface FoldContext {
  ruleName: string;
  workload: Workload;
}

/**
 * One event type a rule may emit, in one module: the shape of its params, the engines that may emit it,
 * what it decides, how a firing is explained and how it shapes the design. The params these functions get
 * are the schema's, with every fact reference already resolved by the engine.
 */
export interface RuleEventDefinition<Type extends string, Schema extends z.ZodType> {
  /** The event's `type` in rule files. */
  type: Type;
  /** The params a rule file gives the event, checked when the rule set loads. */
  params: Schema;
  engines: readonly EngineName[];
  /** What a rule with this event decides, in the words of GET /v1/rules. */
  decides: string;
  explain(params: Resolved<z.input<Schema>>, context: ExplainContext): Explanation;
  /** How a design rule's firing changes the design being built; absent for events that only judge or explain. */
  fold?(draft: DesignDraft, params: Resolved<z.input<Schema>>, context: FoldContext): DesignDraft;
}

/** A rule file's event, once its params are known to conform to its type's schema. */
export interface CheckedEvent<Type extends string, Params> {
  type: Type;
  params: Params;
}

/** An event type as the table holds it: its definition, and the check of a rule file's params against it. */
export interface RuleEventType<Type extends string, Schema extends z.ZodType>
  extends RuleEventDefinition<Type, Schema> {
  /**
   * The event with the params a rule file gives it, or the schema's issues with them. Conforming params
   * are kept as given, not as zod copies them (the copy would reorder their keys).
   */
  check(
    params: unknown,
  ): { ok: true; event: CheckedEvent<Type, z.input<Schema>> } | { ok: false; issues: z.core.$ZodIssue[] };
}

/** Declares an event type, with each of its functions typed by its own schema. */
export function ruleEvent<const Type extends string, Schema extends z.ZodType>(
  definition: RuleEventDefinition<Type, Schema>,
): RuleEventType<Type, Schema> {
  const conforms = (params: unknown): params is z.input<Schema> =>
    definition.params.safeParse(params).success;
  return {
    ...definition,
    check: (params) =>
      conforms(params)
        ? { ok: true, event: { type: definition.type, params } }
        : { ok: false, issues: definition.params.safeParse(params).error?.issues ?? [] },
  };
}
