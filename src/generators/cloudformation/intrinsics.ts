/**
 * CloudFormation's intrinsic functions in their long form (`{ "Ref": … }`, `{ "Fn::GetAtt": [...] }`), built
 * as objects so the YAML library serializes them like any other value: no tags, no text glued together.
 * Format strings given to `sub` are fixed text written in this folder; values that come from the request go
 * in as plain values or through `join`, which never interprets them.
 */

/** Any value a template property may hold: literals, lists, objects, and intrinsic functions among them. */
export type TemplateValue = string | number | boolean | TemplateValue[] | { [key: string]: TemplateValue };

export type Intrinsic = { [fn: string]: TemplateValue };

/** The value of a parameter, or the physical id (or documented return value) of a resource. */
export function ref(logicalId: string): Intrinsic {
  return { Ref: logicalId };
}

export function getAtt(logicalId: string, attribute: string): Intrinsic {
  return { 'Fn::GetAtt': [logicalId, attribute] };
}

/**
 * `Fn::Sub` over a fixed format string. `${Name}` refers to a parameter, resource or pseudo parameter, or to a
 * key of `variables`; `${!Literal}` writes a literal `${Literal}`.
 */
export function sub(format: string, variables?: Record<string, TemplateValue>): Intrinsic {
  return { 'Fn::Sub': variables === undefined ? format : [format, variables] };
}

/** `${name}` in a format string for `sub`: a parameter, resource, pseudo parameter or variable of the map. */
export function subVariable(name: string): string {
  return `\${${name}}`;
}

/** Joins values (or a list parameter) with a delimiter; unlike `sub`, it reads nothing inside them. */
export function join(delimiter: string, values: TemplateValue[] | Intrinsic): Intrinsic {
  return { 'Fn::Join': [delimiter, values] };
}

export function select(index: number, list: TemplateValue): Intrinsic {
  return { 'Fn::Select': [index, list] };
}

export function split(delimiter: string, value: TemplateValue): Intrinsic {
  return { 'Fn::Split': [delimiter, value] };
}

export function base64(value: TemplateValue): Intrinsic {
  return { 'Fn::Base64': value };
}

/** The value for when a condition holds, and the one for when it does not. */
export function fnIf(condition: string, whenTrue: TemplateValue, whenFalse: TemplateValue): Intrinsic {
  return { 'Fn::If': [condition, whenTrue, whenFalse] };
}

export function equals(left: TemplateValue, right: TemplateValue): Intrinsic {
  return { 'Fn::Equals': [left, right] };
}

export function not(condition: Intrinsic): Intrinsic {
  return { 'Fn::Not': [condition] };
}

/** Removes the property it is the value of (in `fnIf`, to leave a property out when a condition fails). */
export const NO_VALUE: Intrinsic = ref('AWS::NoValue');

/** An ARN in the partition the stack is deployed to (aws, aws-cn, aws-us-gov). */
export function partitionArn(rest: string): Intrinsic {
  return join('', ['arn:', ref('AWS::Partition'), `:${rest}`]);
}

/**
 * An ARN written for the commercial partition (`arn:aws:…`, as the rules write AWS managed policies),
 * rewritten for the partition the stack is deployed to; other values are returned as they are.
 */
export function inStackPartition(arn: string): TemplateValue {
  return arn.startsWith('arn:aws:') ? partitionArn(arn.slice('arn:aws:'.length)) : arn;
}
