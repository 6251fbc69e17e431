/** Reading and writing a workload (plain JSON) by the dotted paths the contract uses. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RequestChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(workload: JsonObject, path: string): Json | undefined {
  let current: Json | undefined = workload;
  for (const part of path.split('.')) {
    if (isObject(current)) current = current[part];
    else if (Array.isArray(current)) current = current[Number(part)];
    else return undefined;
  }
  return current;
}

/**
 * A copy of the workload with `path` set to `value`, or removed when `value` is undefined (so the
 * contract's default applies); an object left empty by a removal is removed too.
 */
export function withValueAt(workload: JsonObject, path: string, value: Json | undefined): JsonObject {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return workload;
  const copy: JsonObject = { ...workload };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head];
  const updated = withValueAt(isObject(child) ? child : {}, rest.join('.'), value);
  if (Object.keys(updated).length === 0) delete copy[head];
  else copy[head] = updated;
  return copy;
}

function asJson(value: unknown): Json | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Json);
}

/** The workload with every change of a suggestion applied. */
export function withChanges(workload: JsonObject, changes: readonly RequestChange[]): JsonObject {
  return changes.reduce((current, change) => withValueAt(current, change.path, asJson(change.to)), workload);
}

/**
 * A copy of `value` as plain JSON, or undefined when it is not an object: a typed answer (a service's
 * normalized workload) becomes the JsonObject the GET form takes, checked rather than cast. Fields
 * holding undefined are left out, as JSON.stringify would.
 */
export function toJsonObject(value: unknown): JsonObject | undefined {
  const copy = toJson(value);
  return isObject(copy) ? copy : undefined;
}

function toJson(value: unknown): Json | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (Array.isArray(value)) return value.map((item) => toJson(item) ?? null);
  if (typeof value !== 'object') return undefined;
  const copy: JsonObject = {};
  for (const [key, field] of Object.entries(value)) {
    const json = toJson(field);
    if (json !== undefined) copy[key] = json;
  }
  return copy;
}
