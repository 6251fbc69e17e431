import type { Resolved } from '../design/events/event-values';
import { resolveFactPath } from './fact-path';
import type { Facts } from './facts';

/** A rule's event params refer to the answer's facts; this is an internal error, never a caller's. */
export class EventParamsError extends Error {
  override name = 'EventParamsError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)((?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;

/**
 * Resolves a rule's event params against the facts of one evaluation: `{ "fact", "path" }` objects become
 * the fact's value, and `{{fact.path}}` placeholders in strings are filled in. The rule's own params are
 * never modified; a fresh value is returned.
 */
export function resolveEventParams<T>(value: T, facts: Facts, ruleName: string): Resolved<T> {
  // The rule set checked the params against their schema, which gives every fact reference the type of
  // the value it stands for.
  return resolve(value, facts, ruleName) as Resolved<T>;
}

function resolve(value: unknown, facts: Facts, ruleName: string): unknown {
  if (typeof value === 'string') return value.includes('{{') ? render(value, facts, ruleName) : value;
  if (Array.isArray(value)) return value.map((item) => resolve(item, facts, ruleName));
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (
    typeof record.fact === 'string' &&
    typeof record.path === 'string' &&
    Object.keys(record).length === 2
  ) {
    return factValue(record.fact, record.path, facts, ruleName);
  }
  const resolved: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) resolved[key] = resolve(item, facts, ruleName);
  return resolved;
}

function render(template: string, facts: Facts, ruleName: string): string {
  return template.replace(PLACEHOLDER, (_match, fact: string, path: string) => {
    const value = factValue(fact, `$${path}`, facts, ruleName);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function factValue(fact: string, path: string, facts: Facts, ruleName: string): unknown {
  const value = resolveFactPath((facts as unknown as Record<string, unknown>)[fact], path);
  if (value === undefined) {
    throw new EventParamsError(
      `rule "${ruleName}" refers to ${fact}${path.slice(1)}, which has no value here`,
    );
  }
  return value;
}
