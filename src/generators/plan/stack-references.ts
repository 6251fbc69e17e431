import { type Intrinsic, join, type TemplateValue } from '../cloudformation/intrinsics';
import { StarterConfigError } from '../shared/starter-config-error';
import type { PlanValue, Reference, ResourceAttribute, ResourceKey } from './reference';

/** How the template reads each attribute of one resource it creates (or takes as a parameter). */
export type StackAttributes = Partial<Record<ResourceAttribute, TemplateValue>>;

/**
 * The CloudFormation side of references: each renderer that adds a plan resource to the template says here
 * how its attributes are read (`Ref`, `Fn::GetAtt`), and references to it resolve to those values. A
 * reference to a resource the template does not create is a bug in the family's renderer, so it throws.
 */
export class StackReferences {
  private readonly targets = new Map<ResourceKey, StackAttributes>();

  provide(key: ResourceKey, attributes: StackAttributes): void {
    if (this.targets.has(key)) throw new StarterConfigError(`two template resources provide ${key}`);
    this.targets.set(key, attributes);
  }

  resolve(reference: Reference): TemplateValue {
    const value = this.targets.get(reference.to)?.[reference.attribute];
    if (value === undefined) {
      throw new StarterConfigError(
        `the template refers to the ${reference.attribute} of ${reference.to}, which it does not create`,
      );
    }
    return reference.suffix === undefined ? value : appended(value, reference.suffix);
  }

  /** A plan value as the template writes it: text as it is, a reference resolved. */
  value(value: PlanValue): TemplateValue {
    return typeof value === 'string' ? value : this.resolve(value);
  }
}

/** Text after a value; a value that is already an `Fn::Join` on '' gets the text as its last part. */
function appended(value: TemplateValue, suffix: string): Intrinsic {
  if (isJoinOnEmpty(value)) return join('', [...value['Fn::Join'][1], suffix]);
  return join('', [value, suffix]);
}

function isJoinOnEmpty(value: TemplateValue): value is { 'Fn::Join': ['', TemplateValue[]] } {
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const joined = value['Fn::Join'];
  return Array.isArray(joined) && joined[0] === '' && Array.isArray(joined[1]);
}
