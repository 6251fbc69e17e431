import type { AwsAccessActions } from '../catalogue/aws-access-actions';
import type { components } from '../contract/generated/openapi-types';
import type { Facts } from './facts';
import type { StatementResourceRef } from './rule-file-schema';
import type { FiredRule, RulesEngine } from './rules-engine';

type Schemas = components['schemas'];
type IamSlot = keyof Schemas['Iam'];

/** The architecture around the chosen platform, assembled from the design rules that fired. */
export interface Design {
  loadBalancer: Schemas['LoadBalancer'];
  storage: Schemas['Storage'];
  scaling: Schemas['Scaling'] & { instanceMarket: 'spot' | 'on-demand' };
  triggers: Schemas['Trigger'][];
  monitoring: Schemas['MonitoringRule'][];
  iam: Schemas['Iam'];
  registry: Schemas['Registry'] & Record<string, unknown>;
  /**
   * The role statements whose resources the starter configuration creates, by role slot and position in
   * the role's statements. Kept out of the answer: it lets the generators link those statements to the
   * resources they create.
   */
  statementResources: StatementResource[];
  warnings: string[];
  fired: FiredRule[];
}

export interface StatementResource {
  slot: IamSlot;
  statementIndex: number;
  resource: StatementResourceRef;
}

/** A design rule set that leaves a section undecided is a bug in the rules, found by the tests. */
export class IncompleteDesignError extends Error {
  override name = 'IncompleteDesignError';
}

/** Runs the design rules (load balancer, storage, scaling, triggers, monitoring, IAM, registry) for the chosen platform. */
export class Designer {
  constructor(
    private readonly engines: ReadonlyMap<string, RulesEngine>,
    private readonly awsAccessActions: AwsAccessActions,
  ) {}

  async design(facts: Facts): Promise<Design> {
    const engine = this.engines.get(facts.platform.id);
    if (engine === undefined) throw new Error(`no design engine for ${facts.platform.id}`);
    const fired = await engine.run(facts);
    const { workload } = facts;
    let loadBalancer: Schemas['LoadBalancer'] | undefined;
    let scheme: Schemas['LoadBalancerScheme'] = 'internet-facing';
    let storage: Schemas['Storage'] | undefined;
    let registry: Design['registry'] | undefined;
    const policies: Schemas['ScalingPolicy'][] = [];
    let capacityProviderStrategy: Schemas['CapacityProviderStrategyItem'][] | undefined;
    const triggers: Schemas['Trigger'][] = [];
    const monitoring: Schemas['MonitoringRule'][] = [];
    const roles: Partial<Record<IamSlot, Schemas['IamRole']>> = {};
    const grantsFromAwsAccess = new Set<IamSlot>();
    const extraStatements: {
      slot: IamSlot;
      statement: Schemas['IamStatement'];
      resourceRef?: StatementResourceRef;
    }[] = [];
    const statementResources: StatementResource[] = [];
    const warnings: string[] = [];

    for (const { rule, type, params } of fired) {
      switch (type) {
        case 'load-balancer':
          if (loadBalancer !== undefined)
            throw new IncompleteDesignError(`two load-balancer rules fired (…, ${rule.name})`);
          loadBalancer = params as unknown as Schemas['LoadBalancer'];
          break;
        case 'load-balancer-scheme':
          scheme = params.scheme as Schemas['LoadBalancerScheme'];
          break;
        case 'storage': {
          if (storage !== undefined)
            throw new IncompleteDesignError(`two storage rules fired (…, ${rule.name})`);
          storage = withEffectiveSize(
            params as unknown as Schemas['Storage'] & { reason?: string },
            warnings,
          );
          break;
        }
        case 'scaling-policy':
          policies.push(params.policy as Schemas['ScalingPolicy']);
          break;
        case 'capacity':
          if (params.capacityProviderStrategy !== undefined) {
            capacityProviderStrategy =
              params.capacityProviderStrategy as Schemas['CapacityProviderStrategyItem'][];
          }
          break;
        case 'trigger':
          triggers.push(params.trigger as Schemas['Trigger']);
          break;
        case 'monitoring-rule':
          monitoring.push(params.rule as Schemas['MonitoringRule']);
          break;
        case 'iam-role': {
          const slot = params.slot as IamSlot;
          if (roles[slot] !== undefined)
            throw new IncompleteDesignError(`two rules fill IAM role ${slot} (…, ${rule.name})`);
          roles[slot] = params.role as Schemas['IamRole'];
          if (params.grantsFromAwsAccess === true) grantsFromAwsAccess.add(slot);
          break;
        }
        case 'iam-statement':
          extraStatements.push({
            slot: params.slot as IamSlot,
            statement: params.statement as Schemas['IamStatement'],
            ...(params.resourceRef === undefined
              ? {}
              : { resourceRef: params.resourceRef as StatementResourceRef }),
          });
          break;
        case 'registry':
          registry = {
            type: 'ecr',
            ...(params as { repositoryName: string }),
            imageUri:
              workload.image ??
              `<account-id>.dkr.ecr.${workload.region}.amazonaws.com/${String(params.repositoryName)}:latest`,
          };
          break;
        case 'warning':
          warnings.push(String(params.message));
          break;
        default:
          break;
      }
    }

    for (const slot of grantsFromAwsAccess) {
      const role = roles[slot];
      if (role !== undefined) role.statements = [...role.statements, ...this.statementsFromAwsAccess(facts)];
    }
    for (const { slot, statement, resourceRef } of extraStatements) {
      const role = roles[slot];
      if (role === undefined)
        throw new IncompleteDesignError(`a statement targets IAM role ${slot}, which no rule created`);
      if (resourceRef !== undefined) {
        statementResources.push({ slot, statementIndex: role.statements.length, resource: resourceRef });
      }
      role.statements = [...role.statements, statement];
    }
    const { executionRole, taskRole } = roles;
    if (
      loadBalancer === undefined ||
      storage === undefined ||
      registry === undefined ||
      executionRole === undefined ||
      taskRole === undefined
    ) {
      throw new IncompleteDesignError(
        `the design rules left a section undecided for ${facts.platform.id} (load balancer, storage, registry, execution role and task role are required)`,
      );
    }
    if (loadBalancer.type !== 'none') loadBalancer = { ...loadBalancer, scheme };
    const iam: Schemas['Iam'] = { ...roles, executionRole, taskRole };
    return {
      loadBalancer,
      storage,
      scaling: {
        minCapacity: workload.resources.minTasks,
        maxCapacity: workload.resources.maxTasks,
        policies,
        ...(capacityProviderStrategy === undefined ? {} : { capacityProviderStrategy }),
        instanceMarket: facts.runtime.instanceMarket,
      },
      triggers,
      monitoring,
      iam,
      registry,
      statementResources,
      warnings,
      fired,
    };
  }

  /** One statement per awsAccess entry: the smallest action set for its service and access level. */
  private statementsFromAwsAccess(facts: Facts): Schemas['IamStatement'][] {
    return facts.workload.awsAccess.map((entry) => {
      const levels = this.awsAccessActions.services[entry.service];
      const actions =
        entry.access === 'read'
          ? levels.read
          : entry.access === 'write'
            ? levels.write
            : [...levels.read, ...levels.write];
      return { effect: 'Allow', actions: [...new Set(actions)], resources: [entry.resource] };
    });
  }
}

/** Raises the storage size to the service's minimum and increment, with a warning when it had to. */
function withEffectiveSize(
  storage: Schemas['Storage'] & { reason?: string },
  warnings: string[],
): Schemas['Storage'] {
  const details = storage.details ?? {};
  const minimum = typeof details.minimumSizeGiB === 'number' ? details.minimumSizeGiB : undefined;
  const increment = typeof details.sizeIncrementGiB === 'number' ? details.sizeIncrementGiB : undefined;
  if (storage.sizeGiB === undefined || minimum === undefined) return storage;
  let size = Math.max(storage.sizeGiB, minimum);
  if (increment !== undefined && size > minimum) size = Math.ceil(size / increment) * increment;
  if (size !== storage.sizeGiB) {
    warnings.push(
      `${storage.type} volumes start at ${minimum} GiB${increment === undefined ? '' : ` and grow in ${increment} GiB steps`}: the requested ${storage.sizeGiB} GiB becomes ${size} GiB.`,
    );
  }
  return { ...storage, sizeGiB: size };
}
