/**
 * The response examples of openapi.yaml as a document: where each one is, and rewriting the ones that
 * differ from what Berth answers, through the `yaml` Document API so that comments, key order and every
 * other node of the file stay as they are.
 */
import { isDeepStrictEqual } from 'node:util';
import { type Document, isMap, isScalar, isSeq, visit, type Node as YamlNode } from 'yaml';

type JsonObject = Record<string, unknown>;

/** A node of the document, as the keys leading to it from the root. */
export type Location = readonly string[];

/** What an example shows; a field left out stays as the document has it. */
export interface ExampleContent {
  readonly summary?: string;
  readonly description?: string;
  readonly value: unknown;
}

export interface ResponseExample {
  /** Where the example object is defined: under components when it is a `$ref`, else inline. */
  readonly location: Location;
  readonly status: string;
}

/**
 * How openapi.yaml is written back, as it is written by hand: no folding of long lines, `[a, b]` flow
 * lists, single quotes where quotes are needed, `"\n"` escapes kept on one line.
 */
export const SPEC_TO_STRING = {
  lineWidth: 0,
  singleQuote: true,
  flowCollectionPadding: false,
  doubleQuotedMinMultiLineLength: Number.POSITIVE_INFINITY,
} as const;

/** Lists of scalars up to this many characters are written `[a, b]`, as the hand-written parts are. */
const FLOW_LIST_MAX_LENGTH = 60;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function decodeToken(token: string): string {
  return token.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The location as a JSON pointer, `#/components/examples/RuleList`: how examples are named in messages. */
export function pointer(location: Location): string {
  return `#/${location.map((token) => token.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(root: unknown, location: Location): unknown {
  let current = root;
  for (const token of location) current = isObject(current) ? current[token] : undefined;
  return current;
}

/** The location of `node`, found at `location`, following a local `$ref` to its definition. */
export function definitionOf(root: JsonObject, node: unknown, location: Location): Location {
  if (!isObject(node) || typeof node.$ref !== 'string') return location;
  const target = node.$ref.replace(/^#\//, '').split('/').map(decodeToken);
  if (valueAt(root, target) === undefined) throw new Error(`unresolvable $ref ${node.$ref}`);
  return definitionOf(root, valueAt(root, target), target);
}

function entriesOf(value: unknown): [string, unknown][] {
  return isObject(value) ? Object.entries(value) : [];
}

/** Every response example of the document, once each, in document order. */
export function responseExamples(root: JsonObject): ResponseExample[] {
  const found = new Map<string, ResponseExample>();
  for (const [path, item] of entriesOf(root.paths))
    for (const method of HTTP_METHODS.filter((name) => isObject(item) && item[name] !== undefined))
      for (const [status, response] of entriesOf(valueAt(item, [method, 'responses']))) {
        const responseAt = definitionOf(root, response, ['paths', path, method, 'responses', status]);
        for (const [mediaType, media] of entriesOf(valueAt(root, [...responseAt, 'content'])))
          for (const [name, example] of entriesOf(valueAt(media, ['examples']))) {
            const location = definitionOf(root, example, [
              ...responseAt,
              'content',
              mediaType,
              'examples',
              name,
            ]);
            if (!found.has(pointer(location))) found.set(pointer(location), { location, status });
          }
      }
  return [...found.values()];
}

/** `value` as a node of `document`, with short lists of scalars in flow style. */
function nodeOf(document: Document, value: unknown): unknown {
  const node: unknown = document.createNode(value);
  if (typeof node !== 'object' || node === null) return node;
  visit(node as YamlNode, {
    Seq(_key, seq) {
      if (seq.items.every(isScalar) && JSON.stringify(seq.toJSON()).length <= FLOW_LIST_MAX_LENGTH)
        seq.flow = true;
    },
  });
  return node;
}

function sameKeys(map: YamlNode, value: JsonObject): boolean {
  if (!isMap(map)) return false;
  const keys = map.items.map((pair) => (isScalar(pair.key) ? pair.key.value : undefined));
  const wanted = Object.keys(value);
  return keys.length === wanted.length && keys.every((key, index) => key === wanted[index]);
}

/**
 * `node` changed to hold `value`, keeping every part of it that already holds its value as it is
 * written, so that a rewrite shows only what changed.
 */
function patched(document: Document, node: unknown, value: unknown): unknown {
  if (isMap(node) && isObject(value) && sameKeys(node, value)) {
    for (const pair of node.items)
      if (isScalar(pair.key)) pair.value = patched(document, pair.value, value[String(pair.key.value)]);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    if (node.items.length === value.length) {
      node.items = node.items.map((item, index) => patched(document, item, value[index]));
      return node;
    }
    // Items added or removed: the items that are unchanged keep their nodes.
    const unused = [...node.items];
    const seq = nodeOf(document, value);
    if (isSeq(seq))
      seq.items = value.map((item, index) => {
        const kept = unused.findIndex((old) => isDeepStrictEqual(toJson(old), item));
        return kept < 0 ? seq.items[index] : unused.splice(kept, 1)[0];
      });
    return seq;
  }
  if (isDeepStrictEqual(toJson(node), value)) return node;
  return nodeOf(document, value);
}

function toJson(node: unknown): unknown {
  return isMap(node) || isSeq(node) || isScalar(node) ? node.toJSON() : node;
}

/**
 * Sets, in `document`, every field of every example that differs from what `produced` holds for it, and
 * returns the pointers of the examples that differed. Fields that are equal are not touched, so a
 * current document is written back byte for byte.
 */
export function refreshExamples(
  document: Document,
  produced: ReadonlyArray<{ readonly location: Location; readonly content: ExampleContent }>,
): string[] {
  const current: unknown = document.toJS();
  const stale: string[] = [];
  for (const { location, content } of produced) {
    let differs = false;
    for (const [field, value] of Object.entries(content)) {
      if (value === undefined || isDeepStrictEqual(valueAt(current, [...location, field]), value)) continue;
      document.setIn(
        [...location, field],
        patched(document, document.getIn([...location, field], true), value),
      );
      differs = true;
    }
    if (differs) stale.push(pointer(location));
  }
  return stale;
}
