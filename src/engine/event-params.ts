import type { Resolved } from '../design/events/event-values';
import { resolveFactPath } from './fact-path';
import type { Facts } from './facts';

/** A rule's event params refer to the answer's facts; this is an internal error, never a caller's. */
export class EventParamsError extends Error {
  override name = 'EventParamsError';
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)((?:\.[A-Za-z0-9_-]+)+)\s*\}\}/g;

/** A rule's value compiled against the facts: resolving it walks no template and parses no path. */
type Resolver = (facts: Facts) => unknown;

/** Each rule's event, compiled on first use: rules are loaded once, so this holds one entry a rule. */
const compiled = new WeakMap<object, Resolver>();

/**
 * Resolves a rule's event params against the facts of one evaluation: `{ "fact", "path" }` objects become
 * the fact's value, and `{{fact.path}}` placeholders in strings are filled in. The rule's own params are
 * never modified; a fresh value is returned.
 */
export function resolveEventParams<T extends object>(value: T, facts: Facts, ruleName: string): Resolved<T> {
  let resolver = compiled.get(value);
  if (resolver === undefined) {
    resolver = compile(value, ruleName);
    compiled.set(value, resolver);
  }
  // The rule set checked the params against their schema, which gives every fact reference the type of
  // the value it stands for.
  return resolver(facts) as Resolved<T>;
}

function compile(value: unknown, ruleName: string): Resolver {
  if (typeof value === 'string') return value.includes('{{') ? compileTemplate(value, ruleName) : () => value;
  if (Array.isArray(value)) {
    const items = value.map((item) => compile(item, ruleName));
    return (facts) => items.map((item) => item(facts));
  }
  if (typeof value !== 'object' || value === null) return () => value;
  const record = value as Record<string, unknown>;
  if (
    typeof record.fact === 'string' &&
    typeof record.path === 'string' &&
    Object.keys(record).length === 2
  ) {
    const { fact, path } = record;
    return (facts) => factValue(fact, path, facts, ruleName);
  }
  const entries = Object.entries(record).map(([key, item]) => [key, compile(item, ruleName)] as const);
  return (facts) => {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of entries) resolved[key] = item(facts);
    return resolved;
  };
}

/** A string with `{{fact.path}}` placeholders: its literal pieces and its fact references, in order. */
function compileTemplate(template: string, ruleName: string): Resolver {
  const pieces: (string | { fact: string; path: string })[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, fact = '', path = ''] = match;
    pieces.push(template.slice(last, match.index), { fact, path: `$${path}` });
    last = match.index + whole.length;
  }
  pieces.push(template.slice(last));
  return (facts) =>
    pieces
      .map((piece) => {
        if (typeof piece === 'string') return piece;
        const value = factValue(piece.fact, piece.path, facts, ruleName);
        return typeof value === 'string' ? value : JSON.stringify(value);
      })
      .join('');
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
