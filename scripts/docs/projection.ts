/**
 * The fields an example picks out of an answer, written once and rendered twice: as the jq filter the
 * page shows after `curl … | jq`, and as the value the page shows, computed here from the real answer.
 * Only the jq subset below is supported, so the two always agree:
 *
 *   'platform.id'                     .platform.id
 *   'starterConfig.files[].path'      [.starterConfig.files[].path]   (every element, collected)
 *   'alternatives[1].platformId'      .alternatives[1].platformId
 *   'function.parameters.properties | keys'    (.function.parameters.properties | keys)
 *   { each: 'alternatives', pick: {…} }        [.alternatives[] | {…}]
 */
export type Projection = { readonly [label: string]: string | Projection | Each };

export interface Each {
  readonly each: string;
  readonly pick: Projection;
}

type Step = { kind: 'field'; name: string } | { kind: 'index'; index: number } | { kind: 'every' };

const STEP = /\.?([A-Za-z_$][\w$]*)|\[(\d*)\]/gy;

function steps(path: string): Step[] {
  const parsed: Step[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const match = STEP.exec(path);
    if (match === null) throw new Error(`unsupported path "${path}" at character ${STEP.lastIndex}`);
    const [, name, index] = match;
    if (name !== undefined) parsed.push({ kind: 'field', name });
    else if (index === '') parsed.push({ kind: 'every' });
    else parsed.push({ kind: 'index', index: Number(index) });
  }
  return parsed;
}

function isEach(value: string | Projection | Each): value is Each {
  return typeof value === 'object' && 'each' in value && typeof value.each === 'string';
}

/** Splits 'a.b | keys' into the path and whether its keys are wanted. */
function parsePath(expression: string): { path: Step[]; keys: boolean; collects: boolean } {
  const [path = '', filter] = expression.split(/\s*\|\s*/);
  if (filter !== undefined && filter !== 'keys') throw new Error(`unsupported filter "${filter}"`);
  const parsed = steps(path);
  return { path: parsed, keys: filter === 'keys', collects: parsed.some((step) => step.kind === 'every') };
}

function walk(values: unknown[], step: Step): unknown[] {
  return values.flatMap((value): unknown[] => {
    if (step.kind === 'every') {
      if (!Array.isArray(value)) throw new Error(`cannot iterate over ${JSON.stringify(value)}`);
      return value;
    }
    if (value === null || value === undefined) return [null];
    if (step.kind === 'index') return [Array.isArray(value) ? (value[step.index] ?? null) : null];
    return [typeof value === 'object' ? ((value as Record<string, unknown>)[step.name] ?? null) : null];
  });
}

function evaluate(value: unknown, expression: string): unknown {
  const { path, keys, collects } = parsePath(expression);
  let values = path.reduce<unknown[]>(walk, [value]);
  // jq's keys: the object's keys, sorted by code point.
  if (keys) values = values.map((found) => Object.keys(found as object).sort());
  return collects ? values : (values[0] ?? null);
}

/** The value jq would print for `jqFilter(projection)` over `value`. */
export function project(value: unknown, projection: Projection): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(projection).map(([label, field]) => {
      if (isEach(field)) {
        const items = evaluate(value, `${field.each}[]`) as unknown[];
        return [label, items.map((item) => project(item, field.pick))];
      }
      if (typeof field === 'string') return [label, evaluate(value, field)];
      return [label, project(value, field)];
    }),
  );
}

function jqPath(expression: string): string {
  const { keys, collects } = parsePath(expression);
  const [path = ''] = expression.split(/\s*\|\s*/);
  const dotted = `.${path}`;
  if (keys) return `(${dotted} | keys)`;
  return collects ? `[${dotted}]` : dotted;
}

/** The jq filter that picks `projection` out of an answer. */
export function jqFilter(projection: Projection): string {
  const fields = Object.entries(projection).map(([label, field]) => {
    if (isEach(field)) return `${label}: [.${field.each}[] | ${jqFilter(field.pick)}]`;
    if (typeof field !== 'string') return `${label}: ${jqFilter(field)}`;
    return field === label && /^[A-Za-z_]\w*$/.test(label) ? label : `${label}: ${jqPath(field)}`;
  });
  return `{${fields.join(', ')}}`;
}
