import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ComposePath } from './compose-path';
import type { ComposeProblem } from './compose-problem';

/**
 * A Compose file's text read as YAML 1.2 with merge keys (`<<: *defaults`), as Docker Compose reads it.
 * Duplicate keys, several documents and aliases that expand past a bound (an alias bomb: a few lines that
 * would grow into millions of nodes) are problems, never a hang.
 */
export type ComposeYaml =
  | { ok: true; value: unknown; lineOf: (path: ComposePath) => number | undefined }
  | { ok: false; problems: ComposeProblem[] };

/** Alias expansions allowed in one file: far above what a hand-written file uses, far below a bomb's. */
export const MAX_ALIAS_EXPANSIONS = 1000;

export function parseComposeYaml(text: string): ComposeYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, merge: true, uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({
        path: '',
        message: `is not valid YAML: ${firstLine(error.message)}`,
        ...(error.linePos === undefined ? {} : { line: error.linePos[0].line }),
      })),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    // The yaml package throws while resolving what parsing accepted: aliases past the bound (a
    // ReferenceError) and merge keys (`<<`) whose source is not a map.
    if (!(error instanceof Error)) throw error;
    const message =
      error instanceof ReferenceError
        ? `uses YAML aliases that expand past ${MAX_ALIAS_EXPANSIONS} copies (${firstLine(error.message)})`
        : `cannot be read as YAML: ${firstLine(error.message)}`;
    return { ok: false, problems: [{ path: '', message }] };
  }
  // The line of a map key is the line of the key itself ("ports:"), of a list item the item's.
  const lineOf = (path: ComposePath): number | undefined => {
    const last = path[path.length - 1];
    const parent = path.length === 0 ? undefined : document.getIn(path.slice(0, -1), true);
    const node =
      isMap(parent) && typeof last === 'string'
        ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === last)?.key
        : document.getIn(path, true);
    const start = isNode(node) ? node.range?.[0] : undefined;
    return start === undefined ? undefined : lineCounter.linePos(start).line;
  };
  return { ok: true, value, lineOf };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
