import { z } from 'zod';

/** The facts a rule may read. Facts are code (src/engine/facts.ts); rules are data. */
export const FACT_NAMES = ['workload', 'platform', 'taskSize', 'runtime', 'cost'] as const;

/** Only plain dotted JSONPath is allowed, so paths resolve fast and predictably. */
export const FACT_PATH = /^\$(\.[A-Za-z][A-Za-z0-9_-]*)+$/;

/** `{ "fact", "path" }`: a fact's value, in a condition's value or in event params. */
export const factReference = z.strictObject({
  fact: z.enum(FACT_NAMES),
  path: z.string().regex(FACT_PATH, 'must be a dotted path such as $.control.gpu'),
});
export type FactReference = z.input<typeof factReference>;

export const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

/**
 * A value in event params: literal data, or a reference to a fact whose value has the literal's type
 * (strings may also hold {{fact.path}} placeholders).
 */
export const valueOrFact = <T extends z.ZodType>(schema: T) => z.union([factReference, schema]);

export const text = z.string().min(1);

/**
 * A value of event params as the engine hands it over once a rule fired: every fact reference replaced by
 * the fact's value, which has the type the schema gives next to the reference.
 */
export type Resolved<T> = T extends FactReference
  ? never
  : T extends readonly (infer Item)[]
    ? Resolved<Item>[]
    : T extends object
      ? { [Key in keyof T]: Resolved<T[Key]> }
      : T;
