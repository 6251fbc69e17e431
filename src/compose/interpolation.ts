import type { ComposePath } from './compose-path';

/**
 * Compose's variable interpolation (https://docs.docker.com/reference/compose-file/interpolation/), over
 * the values the caller gives in `variables` and nothing else: Berth never reads its own environment for
 * them. `$$` is a literal `$`; `$NAME` and `${NAME}` are the variable; `${NAME:-default}` and
 * `${NAME-default}` give a default when it is unset or empty (`:-`) or only unset (`-`); `${NAME:?message}`
 * and `${NAME?message}` make it required; `${NAME:+other}` and `${NAME+other}` give `other` when it is set.
 * A default may itself hold interpolations, read only when the default is used. Where Docker Compose
 * would warn and put an empty string for a variable that is not set, Berth reports it: it never guesses a
 * value.
 */
export type Variables = ReadonlyMap<string, string>;

export interface InterpolationProblem {
  path: ComposePath;
  message: string;
}

type Interpolated = { ok: true; text: string } | { ok: false; message: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATOR = /^(:-|-|:\?|\?|:\+|\+)/;

/** Every string in a parsed Compose value interpolated, with one problem per string that cannot be. */
export function interpolateTree(
  value: unknown,
  variables: Variables,
  path: ComposePath = [],
): { value: unknown; problems: InterpolationProblem[] } {
  const problems: InterpolationProblem[] = [];
  const walk = (node: unknown, at: ComposePath): unknown => {
    if (typeof node === 'string') {
      const result = interpolate(node, variables);
      if (result.ok) return result.text;
      problems.push({ path: at, message: result.message });
      return node;
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...at, index]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...at, key])]));
    }
    return node;
  };
  return { value: walk(value, path), problems };
}

/** One string interpolated, or why it cannot be. */
export function interpolate(text: string, variables: Variables): Interpolated {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) {
      out += text.slice(index);
      break;
    }
    out += text.slice(index, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      index = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(text, dollar);
      if (close < 0) return failed(`"${text.slice(dollar)}" has no closing "}"`);
      const substituted = substitute(text.slice(dollar + 2, close), variables);
      if (!substituted.ok) return substituted;
      out += substituted.text;
      index = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(dollar + 1))?.[0];
    if (name === undefined) return failed('has a "$" that starts no variable: write "$$" for a literal "$"');
    const value = variables.get(name);
    if (value === undefined) return notSet(name);
    out += value;
    index = dollar + 1 + name.length;
  }
  return { ok: true, text: out };
}

/** What `${inner}` stands for. */
function substitute(inner: string, variables: Variables): Interpolated {
  const name = NAME.exec(inner)?.[0];
  if (name === undefined) return failed(`"\${${inner}}" does not start with a variable name`);
  const rest = inner.slice(name.length);
  const value = variables.get(name);
  if (rest === '') return value === undefined ? notSet(name) : { ok: true, text: value };
  const operator = OPERATOR.exec(rest)?.[0];
  if (operator === undefined)
    return failed(
      `"\${${inner}}" is not an interpolation Compose knows (after the name: :-, -, :?, ?, :+ or +)`,
    );
  const word = rest.slice(operator.length);
  const isSet = value !== undefined;
  const isNonEmpty = isSet && value !== '';
  const kept: Interpolated = { ok: true, text: value ?? '' };
  switch (operator) {
    case ':-':
      return isNonEmpty ? kept : interpolate(word, variables);
    case '-':
      return isSet ? kept : interpolate(word, variables);
    case ':?':
    case '?': {
      if (operator === ':?' ? isNonEmpty : isSet) return kept;
      const message = interpolate(word, variables);
      const reason = message.ok && message.text !== '' ? message.text : `${name} is required`;
      return failed(`needs ${name}${operator === ':?' ? ' (not empty)' : ''}: ${reason}`);
    }
    default:
      return (operator === ':+' ? isNonEmpty : isSet) ? interpolate(word, variables) : { ok: true, text: '' };
  }
}

/**
 * The index of the "}" that closes the "${" at `start`, counting nested "${" as Compose does (a bare "{"
 * opens nothing); -1 when there is none.
 */
function closingBrace(text: string, start: number): number {
  let open = 0;
  for (let index = start; index < text.length; index++) {
    if (text.startsWith('${', index)) {
      open++;
      index++;
    } else if (text[index] === '}') {
      open--;
      if (open === 0) return index;
    }
  }
  return -1;
}

function notSet(name: string): Interpolated {
  return failed(
    `uses \${${name}}, which is not set: give ${name} in "variables", or a default as \${${name}:-value}`,
  );
}

function failed(message: string): Interpolated {
  return { ok: false, message };
}
