import { valueAtPath } from '../shared/json-value';

/** Each path's keys, split once: paths come from the rule files, so this holds a few hundred at most. */
const keysOfPath = new Map<string, readonly string[]>();

/**
 * Resolves a dotted fact path ("$.control.gpu") against a fact value. Rule files may only use such paths
 * (rule-file-schema enforces it), so this replaces json-rules-engine's general JSONPath resolver: the same
 * answers, without parsing JSONPath on every condition.
 */
export function resolveFactPath(value: unknown, path: string): unknown {
  if (path === '$' || path === '') return value;
  let keys = keysOfPath.get(path);
  if (keys === undefined) {
    keys = path.replace(/^\$\./, '').split('.');
    keysOfPath.set(path, keys);
  }
  return valueAtPath(value, keys);
}
