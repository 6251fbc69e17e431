import { valueAtPath } from '../shared/json-value';

/**
 * Resolves a dotted fact path ("$.control.gpu") against a fact value. Rule files may only use such paths
 * (rule-file-schema enforces it), so this replaces json-rules-engine's general JSONPath resolver: the same
 * answers, without parsing JSONPath on every condition.
 */
export function resolveFactPath(value: unknown, path: string): unknown {
  if (path === '$' || path === '') return value;
  return valueAtPath(value, path.replace(/^\$\./, '').split('.'));
}
