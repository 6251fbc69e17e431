import type { TemplateBuilder } from '../cloudformation/template';
import type { ContainerEnvironmentPlan } from '../plan/container-environment/plan';
import type { RegistryPlan } from '../plan/registry/plan';
import type { RolePlan } from '../plan/roles/plan';
import type { DescribedFile, StarterConfigInput, Step } from '../shared/starter-file';

/**
 * What every family's plan holds, which the composition renders the same way for all: the roles of
 * iam/roles.json (in file order), the image repository, and the steps that create the container's secrets
 * (each family references them in its container and adds them to its template).
 */
export interface StarterPlan {
  roles: RolePlan[];
  registry: RegistryPlan;
  environment: ContainerEnvironmentPlan;
}

/**
 * One platform family (the catalogue's `family`): it builds its typed, neutral plan once from the design and
 * facts, then renders that plan twice, as AWS API input files and as CloudFormation resources. Neither
 * rendering reads the other; cross-resource links in the plan are references (plan/reference.ts).
 */
export interface FamilyUnit<Plan extends StarterPlan = StarterPlan> {
  plan(input: StarterConfigInput): Plan;
  /** The family's own API input files (the composition adds the roles, registry, template and README). */
  apiFiles(plan: Plan): DescribedFile[];
  /** Adds the family's resources to the template, its repository and roles among them. */
  cloudFormation(plan: Plan, template: TemplateBuilder): void;
  /** The README's commands after the repository and the service roles are created, in order. */
  steps(plan: Plan): Step[];
  /** What to know before applying the files. */
  notes(plan: Plan): string[];
  /** What to do once the stack is up, beyond what every stack needs. */
  stackNextSteps(plan: Plan): string[];
}

/**
 * A unit whose plan type is hidden, for the one table: the composition only needs to pass a unit's plan back
 * to the same unit, so each entry closes over its own plan type.
 */
export interface AnyFamilyUnit {
  render(input: StarterConfigInput): RenderedFamily;
}

/** A family's plan rendered both ways, as the composition assembles them. */
export interface RenderedFamily {
  plan: StarterPlan;
  apiFiles: DescribedFile[];
  addCloudFormation(template: TemplateBuilder): void;
  steps: Step[];
  notes: string[];
  stackNextSteps: string[];
}

export function familyUnit<Plan extends StarterPlan>(unit: FamilyUnit<Plan>): AnyFamilyUnit {
  return {
    render(input) {
      const plan = unit.plan(input);
      return {
        plan,
        apiFiles: unit.apiFiles(plan),
        addCloudFormation: (template) => unit.cloudFormation(plan, template),
        steps: unit.steps(plan),
        notes: unit.notes(plan),
        stackNextSteps: unit.stackNextSteps(plan),
      };
    },
  };
}
