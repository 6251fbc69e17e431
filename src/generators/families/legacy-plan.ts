import { registryPlan } from '../plan/registry/plan';
import { literalRole, ROLE_SLOTS, type RolePlan, roleKey } from '../plan/roles/plan';
import type { PlatformStarter, StarterConfigInput } from '../shared/starter-file';
import type { StarterPlan } from './family-unit';

/**
 * The plan of a family not migrated yet (ecs, eks): its files come from the old generators, which render
 * the design directly; roles keep their designed text. Goes away once both families build their own plans.
 */
export interface LegacyPlan extends StarterPlan {
  input: StarterConfigInput;
  starter: PlatformStarter;
}

export function legacyPlan(input: StarterConfigInput, starter: PlatformStarter): LegacyPlan {
  const { workload, design } = input;
  const serviceAccount = { namespace: workload.name, name: workload.name };
  const designed: RolePlan[] = ROLE_SLOTS.flatMap((slot) => {
    const role = design.iam[slot];
    return role === undefined ? [] : [literalRole(roleKey(slot), role, serviceAccount)];
  });
  const supporting = starter.supportingRoles.map((role) =>
    literalRole(`role:${role.name}`, role, serviceAccount),
  );
  return { input, starter, roles: [...designed, ...supporting], registry: registryPlan(design.registry) };
}
