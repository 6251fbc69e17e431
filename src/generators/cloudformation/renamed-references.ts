import type { Intrinsic, TemplateValue } from './intrinsics';
import type { TemplateOutput, TemplateResource } from './template';

/**
 * New names for a template's logical ids, so one template's parts can move into another: `id` for
 * parameters and resources (what `Ref`, `Fn::GetAtt`, `Fn::Sub` and `DependsOn` name), `condition` for
 * conditions (`Condition`, `Fn::If`). A name they do not rename, such as a pseudo parameter, comes back as it is.
 */
export interface Renaming {
  id(name: string): string;
  condition(name: string): string;
}

/** A renaming by two tables: names in neither stay as they are. */
export function renamingBy(
  ids: ReadonlyMap<string, string>,
  conditions: ReadonlyMap<string, string>,
): Renaming {
  return { id: (name) => ids.get(name) ?? name, condition: (name) => conditions.get(name) ?? name };
}

/** A `${Name}` or `${Name.Attribute}` of a Sub format string; `${!Literal}` is text, not a reference. */
const SUB_VARIABLE = /\$\{([^!}][^}]*)\}/g;

/**
 * The value with every reference it makes renamed, by a walk of the value's tree: an intrinsic function is
 * an object of one key, so a property that merely has a key of the same name (an IAM statement's
 * `Condition`) is walked like any other object.
 */
export function renamedValue(value: TemplateValue, renaming: Renaming): TemplateValue {
  if (Array.isArray(value)) return value.map((item) => renamedValue(item, renaming));
  if (typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only !== undefined) {
    const intrinsic = renamedIntrinsic(only[0], only[1], renaming);
    if (intrinsic !== undefined) return intrinsic;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renamedValue(item, renaming)]));
}

function renamedIntrinsic(fn: string, argument: TemplateValue, renaming: Renaming): Intrinsic | undefined {
  const { id, condition } = renaming;
  switch (fn) {
    case 'Ref':
      return typeof argument === 'string' ? { Ref: id(argument) } : undefined;
    case 'Condition':
      return typeof argument === 'string' ? { Condition: condition(argument) } : undefined;
    case 'Fn::GetAtt': {
      if (typeof argument === 'string') {
        // The short form `Resource.Attribute`: the logical id ends at the first dot.
        const dot = argument.indexOf('.');
        return dot < 0 ? undefined : { 'Fn::GetAtt': `${id(argument.slice(0, dot))}${argument.slice(dot)}` };
      }
      if (!Array.isArray(argument)) return undefined;
      const [resource, ...attribute] = argument;
      if (typeof resource !== 'string') return undefined;
      return {
        'Fn::GetAtt': [id(resource), ...attribute.map((item) => renamedValue(item, renaming))],
      };
    }
    case 'Fn::Sub': {
      if (typeof argument === 'string') return { 'Fn::Sub': renamedFormat(argument, new Set(), id) };
      if (!Array.isArray(argument)) return undefined;
      const [format, variables] = argument;
      if (typeof format !== 'string' || variables === undefined || typeof variables !== 'object')
        return undefined;
      // The keys of the variable map are the format's own names, not logical ids.
      const local = new Set(Array.isArray(variables) ? [] : Object.keys(variables));
      return { 'Fn::Sub': [renamedFormat(format, local, id), renamedValue(variables, renaming)] };
    }
    case 'Fn::If': {
      if (!Array.isArray(argument)) return undefined;
      const [name, ...branches] = argument;
      if (typeof name !== 'string') return undefined;
      return { 'Fn::If': [condition(name), ...branches.map((item) => renamedValue(item, renaming))] };
    }
    default:
      return undefined;
  }
}

/** A Sub format string with each `${Name}` (and `${Name.Attribute}`) that is not a local variable renamed. */
function renamedFormat(format: string, local: ReadonlySet<string>, id: (name: string) => string): string {
  return format.replace(SUB_VARIABLE, (whole, reference: string) => {
    const dot = reference.indexOf('.');
    const name = dot < 0 ? reference : reference.slice(0, dot);
    if (local.has(name)) return whole;
    return `\${${id(name)}${dot < 0 ? '' : reference.slice(dot)}}`;
  });
}

/** The resource with its properties, metadata, `DependsOn` and `Condition` renamed. */
export function renamedResource(resource: TemplateResource, renaming: Renaming): TemplateResource {
  const { Condition, DependsOn, Metadata, Properties, ...rest } = resource;
  const dependsOn = DependsOn === undefined ? undefined : [...new Set(DependsOn.map(renaming.id))];
  return {
    ...rest,
    ...(Condition === undefined ? {} : { Condition: renaming.condition(Condition) }),
    ...(dependsOn === undefined || dependsOn.length === 0 ? {} : { DependsOn: dependsOn }),
    ...(Metadata === undefined
      ? {}
      : {
          Metadata: Object.fromEntries(
            Object.entries(Metadata).map(([key, item]) => [key, renamedValue(item, renaming)]),
          ),
        }),
    Properties: renamedProperties(Properties, renaming),
  };
}

export function renamedProperties(
  properties: { [property: string]: TemplateValue },
  renaming: Renaming,
): { [property: string]: TemplateValue } {
  return Object.fromEntries(
    Object.entries(properties).map(([key, item]) => [key, renamedValue(item, renaming)]),
  );
}

export function renamedOutput(output: TemplateOutput, renaming: Renaming): TemplateOutput {
  const { Condition, Value, ...rest } = output;
  return {
    ...rest,
    Value: renamedValue(Value, renaming),
    ...(Condition === undefined ? {} : { Condition: renaming.condition(Condition) }),
  };
}

/** Every logical id a value refers to, by the same walk: for checking that each one resolves. */
export function referencedIds(value: TemplateValue): string[] {
  const found: string[] = [];
  renamedValue(value, {
    id: (name) => {
      found.push(name);
      return name;
    },
    condition: (name) => name,
  });
  return found;
}
