import type { TemplateValue } from './intrinsics';

/**
 * An AWS API request written the way CloudFormation spells the same resource: the API's camelCase member
 * names become PascalCase property names. Maps whose keys are data rather than member names (a log driver's
 * options, for example) are named in `dataMaps` and keep their keys.
 */
export function pascalCaseProperties(
  value: unknown,
  dataMaps: ReadonlySet<string> = new Set(),
): TemplateValue {
  if (Array.isArray(value)) return value.map((item) => pascalCaseProperties(item, dataMaps));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => {
        const name = key.charAt(0).toUpperCase() + key.slice(1);
        return [name, dataMaps.has(name) ? (item as TemplateValue) : pascalCaseProperties(item, dataMaps)];
      }),
    );
  }
  return value as TemplateValue;
}
