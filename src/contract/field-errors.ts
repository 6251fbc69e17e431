import type { z } from 'zod';
import { valueAtPath } from '../shared/json-value';

/** One problem with one field of a request, as the problem+json `errors` array reports it. */
export interface FieldError {
  /** Dotted path of the field, e.g. "traffic.protocol" or "awsAccess.0.service"; "" for the body itself. */
  path: string;
  message: string;
  received?: unknown;
  allowed?: unknown[];
}

/** Turns zod issues into caller-facing field errors, with the value received and the values allowed. */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[], body: unknown): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          path: [...path, key].join('.'),
          message: 'is not a field of this object (unknown fields are rejected so typos never pass silently)',
          received: echo(valueAtPath(body, [...path, key])),
        });
      }
      continue;
    }
    const received = valueAtPath(body, path);
    const error: FieldError = { path: path.join('.'), message: messageFor(issue, received) };
    if (received !== undefined) error.received = echo(received);
    if (issue.code === 'invalid_value') error.allowed = [...issue.values];
    errors.push(error);
  }
  return errors;
}

function messageFor(issue: z.core.$ZodIssue, received: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return received === undefined
        ? `is required (${issue.expected})`
        : `must be ${article(issue.expected)}, not ${describe(received)}`;
    case 'invalid_value':
      if (received === undefined)
        return `is required; it must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `must hold at least ${issue.minimum} items`
        : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `must hold at most ${issue.maximum} items`
        : issue.origin === 'string'
          ? `must be at most ${issue.maximum} characters long`
          : `must be at most ${issue.maximum}`;
    case 'invalid_format':
    case 'custom':
      return issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'an array';
  if (expected === 'int') return 'an integer';
  return `a ${expected}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && !Number.isInteger(value)) return `the number ${value}`;
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`;
}

/** How much of a received value an error may echo back: enough to recognise it, never a whole document. */
const ECHO_MAX_DEPTH = 4;
const ECHO_MAX_CHARACTERS = 512;

/**
 * The value as the error echoes it: as received when small; otherwise a short description, so a huge or
 * deeply nested body cannot make the error itself huge (or overflow the serializer).
 */
export function echo(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') {
    return value.length > ECHO_MAX_CHARACTERS
      ? `${value.slice(0, ECHO_MAX_CHARACTERS)}… (${value.length} characters)`
      : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (depthExceeds(value, ECHO_MAX_DEPTH)) return summary(value);
  const text = JSON.stringify(value);
  return text.length > ECHO_MAX_CHARACTERS ? summary(value) : value;
}

function depthExceeds(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => depthExceeds(child, limit - 1));
}

function summary(value: object): string {
  return Array.isArray(value)
    ? `(an array of ${value.length} item${value.length === 1 ? '' : 's'}, too large to echo)`
    : `(an object with ${Object.keys(value).length} field${Object.keys(value).length === 1 ? '' : 's'}, too large to echo)`;
}
