import { RUNTIME_SOURCES, TASK_SIZE_SOURCES } from './facts';
import { type ConditionNode, conditionsOf, type FactReference, isFactReference } from './rule-specialization';

/**
 * The request fields a rule's conditions read, directly (`workload`) or through a derived fact (`runtime`,
 * `taskSize`, each computed from the fields facts.ts lists), as dotted paths ("control.gpu"). A field
 * stands for everything under it. While none of these fields changes, the conditions decide the same way.
 */
export function fieldsRead(conditions: ConditionNode | boolean): Set<string> {
  const fields = new Set<string>();
  if (typeof conditions === 'boolean') return fields;
  for (const condition of conditionsOf(conditions)) {
    addFieldsOf(condition, fields);
    if (isFactReference(condition.value)) addFieldsOf(condition.value, fields);
  }
  return fields;
}

/** Whether changing `path` can change a value read through `fields` (one contains the other). */
export function touchesAny(path: string, fields: ReadonlySet<string>): boolean {
  for (const field of fields) {
    if (field === '' || path === field || path.startsWith(`${field}.`) || field.startsWith(`${path}.`))
      return true;
  }
  return false;
}

function addFieldsOf({ fact, path }: FactReference, fields: Set<string>): void {
  const field = path.replace(/^\$\.?/, '');
  switch (fact) {
    case 'workload':
      // "" (the whole workload, "$") stands for every field.
      fields.add(field);
      return;
    case 'runtime': {
      const [runtimeField = ''] = field.split('.');
      const sources = Object.entries(RUNTIME_SOURCES).filter(
        ([name]) => runtimeField === '' || name === runtimeField,
      );
      for (const [, fieldSources] of sources) for (const source of fieldSources) fields.add(source);
      return;
    }
    case 'taskSize':
      for (const source of TASK_SIZE_SOURCES) fields.add(source);
      return;
    default:
      // The platform is the same whatever the request; cost is not a request field.
      return;
  }
}
