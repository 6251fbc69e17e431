import { toYaml, withDescription } from '../shared/serialize';
import { StarterConfigError } from '../shared/starter-config-error';
import { type DescribedFile, lazyFile } from '../shared/starter-file';
import { type Intrinsic, ref, type TemplateValue } from './intrinsics';

export const TEMPLATE_PATH = 'cloudformation/template.yaml';

/** A template parameter: what Berth cannot know, typed so the console and the API check the value. */
export interface TemplateParameter {
  Type: string;
  Description: string;
  Default?: string;
  AllowedPattern?: string;
  ConstraintDescription?: string;
  MinLength?: number;
  MaxLength?: number;
}

export interface TemplateResource {
  Type: string;
  Condition?: string;
  DependsOn?: string[];
  DeletionPolicy?: 'Retain' | 'Delete';
  UpdateReplacePolicy?: 'Retain' | 'Delete';
  Metadata?: { [key: string]: TemplateValue };
  Properties: { [property: string]: TemplateValue };
}

export interface TemplateOutput {
  Description: string;
  Value: TemplateValue;
  Condition?: string;
}

export interface TemplateDocument {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters: Record<string, TemplateParameter>;
  Conditions?: Record<string, Intrinsic>;
  Resources: Record<string, TemplateResource>;
  Outputs: Record<string, TemplateOutput>;
}

/**
 * Collects a template's parts as the generators find they need them. A parameter or condition asked for
 * twice is declared once, so a parameter only exists when something refers to it; a resource's logical id
 * may be used once only. Parameters come out in the order of `parameterOrder`, the rest in insertion order.
 */
export class TemplateBuilder {
  private readonly parameters = new Map<string, TemplateParameter>();
  private readonly conditions = new Map<string, Intrinsic>();
  private readonly resources = new Map<string, TemplateResource>();
  private readonly outputs = new Map<string, TemplateOutput>();

  constructor(private readonly parameterOrder: readonly string[]) {}

  /** Declares the parameter (once) and returns a reference to it. */
  parameter(name: string, definition: TemplateParameter): Intrinsic {
    if (!this.parameterOrder.includes(name)) {
      throw new StarterConfigError(`template parameter ${name} is missing from the parameter order`);
    }
    if (!this.parameters.has(name)) this.parameters.set(name, definition);
    return ref(name);
  }

  /** Declares the condition (once) and returns its name, for `Condition` and `Fn::If`. */
  condition(name: string, expression: Intrinsic): string {
    if (!this.conditions.has(name)) this.conditions.set(name, expression);
    return name;
  }

  /** Adds the resource and returns its logical id. */
  resource(logicalId: string, resource: TemplateResource): string {
    if (this.resources.has(logicalId)) {
      throw new StarterConfigError(`two template resources share the logical id ${logicalId}`);
    }
    this.resources.set(logicalId, resource);
    return logicalId;
  }

  output(name: string, output: TemplateOutput): void {
    this.outputs.set(name, output);
  }

  build(description: string): TemplateDocument {
    const parameters = [...this.parameters].sort(
      ([a], [b]) => this.parameterOrder.indexOf(a) - this.parameterOrder.indexOf(b),
    );
    return {
      AWSTemplateFormatVersion: '2010-09-09',
      Description: description,
      Parameters: Object.fromEntries(parameters),
      ...(this.conditions.size === 0 ? {} : { Conditions: Object.fromEntries(this.conditions) }),
      Resources: Object.fromEntries(this.resources),
      Outputs: Object.fromEntries(this.outputs),
    };
  }
}

/** The parameters `aws cloudformation deploy` must be given: those without a default. */
export function requiredParameters(template: TemplateDocument): string[] {
  return Object.entries(template.Parameters)
    .filter(([, parameter]) => parameter.Default === undefined)
    .map(([name]) => name);
}

/**
 * cloudformation/template.yaml. CloudFormation's parser follows YAML 1.1, whose booleans and numbers `toYaml`
 * quotes when they are strings (`on`, `yes`, `0777`).
 */
export function templateFile(template: TemplateDocument, description: string): DescribedFile {
  return withDescription(
    lazyFile({ path: TEMPLATE_PATH, mediaType: 'application/yaml' }, () => toYaml(template)),
    description,
  );
}
