/** Shell commands as the pages show them, built from their parts so every argument is quoted once. */

const PLAIN = /^[\w@%+=:,./-]+$/;

/** An argument as a POSIX shell reads it back unchanged. */
export function shellQuote(argument: string): string {
  return PLAIN.test(argument) ? argument : `'${argument.replaceAll("'", `'\\''`)}'`;
}

/** `jq`'s filter, broken after the top-level commas when it is long, for reading. */
export function jqArgument(filter: string): string {
  if (filter.length <= 90) return shellQuote(filter);
  let depth = 0;
  let broken = '';
  for (const character of filter) {
    if ('{[('.includes(character)) depth += 1;
    if ('}])'.includes(character)) depth -= 1;
    broken += character === ',' && depth === 1 ? ',\n  ' : character;
  }
  return shellQuote(broken.replaceAll(',\n   ', ',\n  '));
}

export interface CurlRequest {
  /** Path and query, e.g. `/v1/recommendations?format=zip`. */
  readonly path: string;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** `-o FILE`: the answer is written to a file. */
  readonly outputFile?: string;
}

/**
 * A JSON request body as the page shows it: on one line when short, else one top-level field a line
 * (each value serialized by JSON.stringify, so the whole stays valid JSON).
 */
function bodyText(body: unknown): string {
  const compact = JSON.stringify(body);
  if (compact.length <= 80 || typeof body !== 'object' || body === null || Array.isArray(body))
    return compact;
  const fields = Object.entries(body).map(
    ([name, value]) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)}`,
  );
  return `{\n${fields.join(',\n')}\n}`;
}

/** The `curl` command for a request to a Berth on localhost:3000. */
export function curlCommand(request: CurlRequest): string {
  const parts = [`curl -s ${shellQuote(`localhost:3000${request.path}`)}`];
  const headers = {
    ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...request.headers,
  };
  const headerArguments = Object.entries(headers).map(
    ([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`,
  );
  if (headerArguments.length > 0) parts[0] = `${parts[0]} ${headerArguments.join(' ')}`;
  if (request.outputFile !== undefined) parts.push(`-o ${shellQuote(request.outputFile)}`);
  if (request.body !== undefined) parts.push(`-d ${shellQuote(bodyText(request.body))}`);
  return parts.join(' \\\n  ');
}
