/**
 * The workload form's fields, read from the contract (GET /openapi.json): one field per leaf of the
 * WorkloadRequest schema, with its description, allowed values and default as the contract states them,
 * so the form never drifts from what the API accepts.
 */

/** A JSON Schema (OpenAPI 3.1) node, as much of it as the form reads. */
export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
}

export interface OpenApiDocumentJson {
  components?: { schemas?: Record<string, SchemaNode> };
}

/** How a field is edited: a choice among allowed values, a number, free text, or JSON for lists. */
export type FieldKind = 'choice' | 'boolean' | 'integer' | 'number' | 'text' | 'json';

export interface FormField {
  /** The dotted request path, as a 400 problem's `errors[].path` names it. */
  path: string;
  kind: FieldKind;
  description: string;
  /** Whether its object needs it: the workload (workloadType), or its group when the group is given. */
  required: boolean;
  /** The allowed values, for a choice. */
  allowed: unknown[];
  /** The contract's default; undefined when the field has none. */
  default: unknown;
  minimum: number | undefined;
  maximum: number | undefined;
  example: unknown;
}

export interface FieldGroup {
  /** The top-level property the group's fields sit under; '' for the workload's own scalar fields. */
  name: string;
  description: string;
  fields: FormField[];
}

/** Follows a local `$ref` (`#/components/schemas/Workload/properties/name`) through the document. */
function resolve(document: OpenApiDocumentJson, node: SchemaNode): SchemaNode {
  let current = node;
  for (let hops = 0; current.$ref !== undefined && hops < 20; hops += 1) {
    const ref = current.$ref;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>(
        (at, part) =>
          typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[part] : undefined,
        document,
      );
    if (typeof target !== 'object' || target === null) throw new Error(`the contract has no ${ref}`);
    // A $ref beside a description keeps the nearer description, as OpenAPI 3.1 allows.
    current = { ...(target as SchemaNode), ...withoutRef(current) };
  }
  const [only] = current.allOf ?? [];
  if (current.allOf?.length === 1 && only !== undefined) {
    return { ...resolve(document, only), ...withoutAllOf(current) };
  }
  return current;
}

function withoutRef(node: SchemaNode): SchemaNode {
  const { $ref: _ref, ...rest } = node;
  return rest;
}

function withoutAllOf(node: SchemaNode): SchemaNode {
  const { allOf: _allOf, ...rest } = node;
  return rest;
}

function typeOf(node: SchemaNode): string | undefined {
  if (Array.isArray(node.type)) return node.type.find((type) => type !== 'null');
  return node.type;
}

function kindOf(node: SchemaNode): FieldKind {
  if (node.enum !== undefined) return 'choice';
  switch (typeOf(node)) {
    case 'boolean':
      return 'boolean';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'string':
      return 'text';
    default:
      return 'json';
  }
}

function fieldOf(document: OpenApiDocumentJson, path: string, raw: SchemaNode, required: boolean): FormField {
  const node = resolve(document, raw);
  const kind = kindOf(node);
  return {
    path,
    kind,
    description: prose(node.description),
    required,
    allowed: kind === 'boolean' ? [true, false] : (node.enum ?? []),
    default: node.default,
    minimum: node.minimum,
    maximum: node.maximum,
    example: node.examples?.[0],
  };
}

/** The groups of fields of a schema (WorkloadRequest by default): nested objects become groups. */
export function workloadFieldGroups(
  document: OpenApiDocumentJson,
  schemaName = 'WorkloadRequest',
): FieldGroup[] {
  const root = document.components?.schemas?.[schemaName];
  if (root === undefined) throw new Error(`the contract has no schema ${schemaName}`);
  const workload = resolve(document, root);
  const ownFields: FormField[] = [];
  const groups: FieldGroup[] = [];
  for (const [name, raw] of Object.entries(workload.properties ?? {})) {
    const node = resolve(document, raw);
    const required = workload.required?.includes(name) ?? false;
    if (typeOf(node) === 'object' && node.properties !== undefined) {
      groups.push({
        name,
        description: prose(node.description),
        fields: Object.entries(node.properties).map(([child, childNode]) =>
          fieldOf(document, `${name}.${child}`, childNode, node.required?.includes(child) ?? false),
        ),
      });
    } else {
      ownFields.push(fieldOf(document, name, raw, required));
    }
  }
  return [{ name: '', description: prose(workload.description), fields: ownFields }, ...groups];
}

/** The id of a field's control, from its dotted path (the browser tests find controls by it too). */
export function controlId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** A description as one paragraph, keeping the contract's `- value: meaning` lists on their own lines. */
function prose(description: string | undefined): string {
  return (description ?? '').trim().replace(/\n(?!- )/g, ' ');
}

/** The field a problem's `errors[].path` names: the field itself, or the nearest field above it. */
export function fieldForErrorPath(fields: readonly FormField[], errorPath: string): FormField | undefined {
  const dotted = errorPath.replace(/\[(\d+)\]/g, '.$1');
  let candidate = dotted;
  while (candidate !== '') {
    const found = fields.find((field) => field.path === candidate);
    if (found !== undefined) return found;
    const cut = candidate.lastIndexOf('.');
    candidate = cut < 0 ? '' : candidate.slice(0, cut);
  }
  return undefined;
}
