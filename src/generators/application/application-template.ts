import { STACK_CAPABILITIES } from '../cloudformation/cloudformation-template';
import type { TemplateValue } from '../cloudformation/intrinsics';
import { PARAMETER_ORDER } from '../cloudformation/parameters';
import {
  type Renaming,
  renamedOutput,
  renamedProperties,
  renamedResource,
  renamingBy,
} from '../cloudformation/renamed-references';
import type {
  TemplateDocument,
  TemplateOutput,
  TemplateParameter,
  TemplateResource,
} from '../cloudformation/template';
import { toYaml } from '../shared/serialize';
import { StarterConfigError } from '../shared/starter-config-error';
import { lazyFile, type StarterFile } from '../shared/starter-file';

export const APPLICATION_TEMPLATE_PATH = 'application/template.yaml';

/** One service of the application and the template its own starter files hold, as data. */
export interface ServiceTemplate {
  name: string;
  template: TemplateDocument;
}

/** A load balancer the services share, as the application's ingress plans it. */
export interface PlannedLoadBalancer {
  id: string;
  type: 'alb' | 'nlb';
  services: readonly string[];
}

/** A service's route on a shared load balancer; a rule when it has a priority, the default action when not. */
export interface PlannedRoute {
  service: string;
  loadBalancer: string;
  listener: string;
  pathPattern?: string;
  priority?: number;
}

export interface ApplicationTemplateInput {
  name: string;
  services: readonly ServiceTemplate[];
  loadBalancers: readonly PlannedLoadBalancer[];
  routes: readonly PlannedRoute[];
}

/** The parameters every service's template means the same thing by: the network and the certificate. */
const SHARED_PARAMETERS: ReadonlySet<string> = new Set([
  'VpcId',
  'VpcCidr',
  'PrivateSubnetIds',
  'PublicSubnetIds',
  'CertificateArn',
]);

const ECS_CLUSTER = 'AWS::ECS::Cluster';
const CAPACITY_ASSOCIATIONS = 'AWS::ECS::ClusterCapacityProviderAssociations';
const LOAD_BALANCER = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const SHARED_CLUSTER = 'Cluster';
const SHARED_CAPACITY_ASSOCIATIONS = 'ClusterCapacityProviders';

/** A service's own Application Load Balancer, which the shared one replaces. */
interface OwnLoadBalancer {
  shared: PlannedLoadBalancer;
  loadBalancer: string;
  securityGroup: string;
  /** Its listeners' logical ids by `PROTOCOL:port`, the key the ingress routes use. */
  listeners: Map<string, string>;
}

interface MergedService extends ServiceTemplate {
  prefix: string;
  own: OwnLoadBalancer | null;
  renaming: Renaming;
}

/**
 * One CloudFormation template for the whole application, made of the services' own templates: every
 * service's parameters (but the network's and the certificate's), conditions, resources and outputs under its
 * PascalCase name, every reference renamed by a walk of the values. What the services share is created once:
 * one ECS cluster for every ECS service, and for each Application Load Balancer the ingress plans over ECS
 * services one load balancer, its security group and one listener per port, with one listener rule per
 * service that is not the listener's default action. Each service keeps its own target group, and its task
 * security group admits the shared load balancer's. Network Load Balancers stay one per service.
 */
export function applicationTemplate(input: ApplicationTemplateInput): TemplateDocument {
  const services = mergedServices(input);
  const resources = new Map<string, TemplateResource>();
  const add = (logicalId: string, resource: TemplateResource) => {
    if (resources.has(logicalId))
      throw new StarterConfigError(
        `two resources of the application template share the logical id ${logicalId}: rename one of the services (${services.map((service) => service.name).join(', ')})`,
      );
    resources.set(logicalId, resource);
  };

  for (const [id, resource] of sharedCluster(services, input.name)) add(id, resource);
  for (const [id, resource] of sharedLoadBalancers(services, input)) add(id, resource);

  const parameters = new Map<string, TemplateParameter>();
  const conditions: NonNullable<TemplateDocument['Conditions']> = {};
  const outputs: Record<string, TemplateOutput> = {};
  for (const service of services) {
    const { template, renaming, prefix } = service;
    for (const [name, parameter] of Object.entries(template.Parameters)) {
      const renamed = renaming.id(name);
      if (!parameters.has(renamed))
        parameters.set(
          renamed,
          SHARED_PARAMETERS.has(name)
            ? parameter
            : { ...parameter, Description: `${service.name}: ${parameter.Description}` },
        );
    }
    for (const [name, expression] of Object.entries(template.Conditions ?? {}))
      conditions[renaming.condition(name)] = renamedProperties(expression, renaming);
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (isShared(service, logicalId, resource)) continue;
      add(renaming.id(logicalId), renamedResource(resource, renaming));
    }
    for (const [name, output] of Object.entries(template.Outputs))
      outputs[`${prefix}${name}`] = {
        ...renamedOutput(output, renaming),
        Description: `${service.name}: ${output.Description}`,
      };
  }
  const order = (name: string) => {
    const index = PARAMETER_ORDER.findIndex((shared) => shared === name);
    return SHARED_PARAMETERS.has(name) && index >= 0 ? index : PARAMETER_ORDER.length;
  };
  // The shared parameters first, in the order every template has them; then each service's, as it has them.
  const orderedParameters = [...parameters].sort(([a], [b]) => order(a) - order(b));
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Berth starter configuration: the ${input.name} application (${services.map((service) => service.name).join(', ')}) in one stack, in an existing VPC.`,
    Parameters: Object.fromEntries(orderedParameters),
    ...(Object.keys(conditions).length === 0 ? {} : { Conditions: conditions }),
    Resources: Object.fromEntries(resources),
    Outputs: outputs,
  };
}

/** `api-gateway` → `ApiGateway`. */
function pascalCase(name: string): string {
  return name
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

/** Each service with its prefix (a second service of the same PascalCase name gets a number) and renaming. */
function mergedServices(input: ApplicationTemplateInput): MergedService[] {
  const taken = new Set<string>();
  return input.services.map((service) => {
    const base = pascalCase(service.name);
    let prefix = base;
    for (let suffix = 2; taken.has(prefix); suffix += 1) prefix = `${base}${suffix}`;
    taken.add(prefix);
    const own = ownLoadBalancer(service, input);
    const ids = new Map<string, string>();
    for (const name of Object.keys(service.template.Parameters))
      ids.set(name, SHARED_PARAMETERS.has(name) ? name : `${prefix}${name}`);
    for (const [logicalId, resource] of Object.entries(service.template.Resources))
      ids.set(
        logicalId,
        sharedId(service, own, prefix, logicalId, resource, input.routes) ?? `${prefix}${logicalId}`,
      );
    const conditions = new Map(
      Object.keys(service.template.Conditions ?? {}).map((name) => [name, `${prefix}${name}`]),
    );
    return { ...service, prefix, own, renaming: renamingBy(ids, conditions) };
  });
}

/** The shared resource that stands in for one of the service's own, or undefined when it keeps it. */
function sharedId(
  service: ServiceTemplate,
  own: OwnLoadBalancer | null,
  prefix: string,
  logicalId: string,
  resource: TemplateResource,
  routes: readonly PlannedRoute[],
): string | undefined {
  if (resource.Type === ECS_CLUSTER) return SHARED_CLUSTER;
  if (resource.Type === CAPACITY_ASSOCIATIONS) return SHARED_CAPACITY_ASSOCIATIONS;
  if (own === null) return undefined;
  const shared = pascalCase(own.shared.id);
  if (logicalId === own.loadBalancer) return `${shared}LoadBalancer`;
  if (logicalId === own.securityGroup) return `${shared}SecurityGroup`;
  for (const [key, listener] of own.listeners) {
    if (listener !== logicalId) continue;
    // What waits for the listener (the ECS service) waits for the rule that sends it traffic, where it has one.
    const rule = ruleRoute(routes, service.name, own.shared, key);
    return rule === undefined ? listenerId(own.shared, key) : ruleId(prefix, key);
  }
  return undefined;
}

function isShared(service: MergedService, logicalId: string, resource: TemplateResource): boolean {
  return (
    resource.Type === ECS_CLUSTER ||
    resource.Type === CAPACITY_ASSOCIATIONS ||
    (service.own !== null &&
      (logicalId === service.own.loadBalancer ||
        logicalId === service.own.securityGroup ||
        [...service.own.listeners.values()].includes(logicalId)))
  );
}

/**
 * The service's own Application Load Balancer when the ingress puts it behind a shared one: the template's
 * one application load balancer, the security group it names and the listeners on it. A service whose
 * template creates none (on EKS the AWS Load Balancer Controller makes it) has nothing to replace.
 */
function ownLoadBalancer(service: ServiceTemplate, input: ApplicationTemplateInput): OwnLoadBalancer | null {
  const shared = input.loadBalancers.find(
    (candidate) => candidate.type === 'alb' && candidate.services.includes(service.name),
  );
  if (shared === undefined) return null;
  const entries = Object.entries(service.template.Resources);
  const albs = entries.filter(
    ([, resource]) => resource.Type === LOAD_BALANCER && resource.Properties.Type === 'application',
  );
  const [alb] = albs;
  if (alb === undefined || albs.length > 1) return null;
  const [loadBalancer, { Properties }] = alb;
  const [securityGroup] = refsIn(Properties.SecurityGroups);
  if (securityGroup === undefined) return null;
  const listeners = new Map<string, string>();
  for (const [logicalId, resource] of entries) {
    if (resource.Type !== LISTENER || !refsIn(resource.Properties.LoadBalancerArn).includes(loadBalancer))
      continue;
    listeners.set(listenerKey(resource), logicalId);
  }
  return { shared, loadBalancer, securityGroup, listeners };
}

/** The logical ids a value names by `Ref` at its top level or in a list. */
function refsIn(value: TemplateValue | undefined): string[] {
  if (value === undefined || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item) => refsIn(item));
  const target = value.Ref;
  return typeof target === 'string' ? [target] : [];
}

function listenerKey(listener: TemplateResource): string {
  return `${String(listener.Properties.Protocol)}:${String(listener.Properties.Port)}`;
}

function listenerId(shared: PlannedLoadBalancer, key: string): string {
  return `${pascalCase(shared.id)}Listener${key.replace(':', '')}`;
}

function ruleId(prefix: string, key: string): string {
  return `${prefix}ListenerRule${key.replace(':', '')}`;
}

/** The service's listener rule on the shared load balancer's listener, if the ingress gives it one. */
function ruleRoute(
  routes: readonly PlannedRoute[],
  service: string,
  shared: PlannedLoadBalancer,
  key: string,
): PlannedRoute | undefined {
  return routes.find(
    (route) =>
      route.service === service &&
      route.loadBalancer === shared.id &&
      route.listener === key &&
      route.priority !== undefined,
  );
}

/**
 * One cluster for every ECS service: the first service's cluster settings under the application's name. The
 * capacity providers of every service go on it together, since a cluster takes one list: in the one
 * association when a service brings EC2 capacity (the Fargate providers with them), on the cluster otherwise.
 */
function sharedCluster(services: readonly MergedService[], name: string): [string, TemplateResource][] {
  const clusters: { properties: { [key: string]: TemplateValue } }[] = [];
  const associations: { properties: { [key: string]: TemplateValue } }[] = [];
  for (const service of services) {
    for (const resource of Object.values(service.template.Resources)) {
      if (resource.Type === ECS_CLUSTER)
        clusters.push({ properties: renamedProperties(resource.Properties, service.renaming) });
      if (resource.Type === CAPACITY_ASSOCIATIONS)
        associations.push({ properties: renamedProperties(resource.Properties, service.renaming) });
    }
  }
  const [first] = clusters;
  if (first === undefined) return [];
  const inline = unique(clusters.flatMap(({ properties }) => listOf(properties.CapacityProviders)));
  const {
    CapacityProviders: _providers,
    DefaultCapacityProviderStrategy: strategy,
    ...settings
  } = first.properties;
  const cluster: TemplateResource = {
    Type: ECS_CLUSTER,
    Properties: {
      ...settings,
      ClusterName: name,
      ...(associations.length === 0 && inline.length > 0 ? { CapacityProviders: inline } : {}),
      ...(associations.length === 0 && strategy !== undefined
        ? { DefaultCapacityProviderStrategy: strategy }
        : {}),
    },
  };
  const [firstAssociation] = associations;
  if (firstAssociation === undefined) return [[SHARED_CLUSTER, cluster]];
  const providers = unique([
    ...associations.flatMap(({ properties }) => listOf(properties.CapacityProviders)),
    ...inline,
  ]);
  return [
    [SHARED_CLUSTER, cluster],
    [
      SHARED_CAPACITY_ASSOCIATIONS,
      {
        Type: CAPACITY_ASSOCIATIONS,
        Properties: { ...firstAssociation.properties, CapacityProviders: providers },
      },
    ],
  ];
}

function listOf(value: TemplateValue | undefined): TemplateValue[] {
  return Array.isArray(value) ? value : [];
}

/** Values in first-seen order, equal when their JSON is. */
function unique(values: readonly TemplateValue[]): TemplateValue[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = JSON.stringify(value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Each shared Application Load Balancer over ECS services: the first service's load balancer, one security
 * group open on every service's listener ports, one listener per port whose default action is the route
 * without a priority (the first service's forward), else a redirect one of the services has there, else a
 * 404; and a listener rule for every route with a priority, forwarding as the service's own listener did.
 */
function sharedLoadBalancers(
  services: readonly MergedService[],
  input: ApplicationTemplateInput,
): [string, TemplateResource][] {
  const resources: [string, TemplateResource][] = [];
  for (const shared of input.loadBalancers) {
    const behind = services.filter((service) => service.own?.shared === shared);
    const [first] = behind;
    if (first === undefined || first.own === null) continue;
    const name = pascalCase(shared.id);
    const ownResource = (service: MergedService, logicalId: string): TemplateResource => {
      const resource = service.template.Resources[logicalId];
      if (resource === undefined)
        throw new StarterConfigError(`${service.name} has no resource ${logicalId}`);
      return renamedResource(resource, service.renaming);
    };
    const securityGroup = ownResource(first, first.own.securityGroup);
    const ingress = unique(
      behind.flatMap((service) =>
        service.own === null
          ? []
          : listOf(ownResource(service, service.own.securityGroup).Properties.SecurityGroupIngress),
      ),
    );
    resources.push([
      `${name}SecurityGroup`,
      {
        ...securityGroup,
        Properties: {
          ...securityGroup.Properties,
          GroupDescription: `${String(securityGroup.Properties.GroupDescription)}, shared by ${behind.map((service) => service.name).join(', ')}`,
          SecurityGroupIngress: ingress,
        },
      },
    ]);
    resources.push([`${name}LoadBalancer`, ownResource(first, first.own.loadBalancer)]);
    const keys = new Set(behind.flatMap((service) => [...(service.own?.listeners.keys() ?? [])]));
    for (const key of keys) {
      const owned = behind.flatMap((service) => {
        const logicalId = service.own?.listeners.get(key);
        return logicalId === undefined ? [] : [{ service, listener: ownResource(service, logicalId) }];
      });
      const [firstListener] = owned;
      if (firstListener === undefined) continue;
      const routes = input.routes.filter(
        (route) => route.loadBalancer === shared.id && route.listener === key,
      );
      const actionsOf = (service: string) =>
        owned.find((entry) => entry.service.name === service)?.listener.Properties.DefaultActions;
      const defaultRoute = routes.find((route) => route.priority === undefined);
      const redirect = owned.find(({ listener }) =>
        listOf(listener.Properties.DefaultActions).some(
          (action) => typeof action === 'object' && !Array.isArray(action) && action.Type === 'redirect',
        ),
      );
      const defaultActions = (defaultRoute === undefined ? undefined : actionsOf(defaultRoute.service)) ??
        redirect?.listener.Properties.DefaultActions ?? [
          {
            Type: 'fixed-response',
            FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not found' },
          },
        ];
      resources.push([
        listenerId(shared, key),
        {
          Type: LISTENER,
          Properties: { ...firstListener.listener.Properties, DefaultActions: defaultActions },
        },
      ]);
      for (const route of routes) {
        const actions = actionsOf(route.service);
        const service = owned.find((entry) => entry.service.name === route.service)?.service;
        if (route.priority === undefined || actions === undefined || service === undefined) continue;
        resources.push([
          ruleId(service.prefix, key),
          {
            Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
            Properties: {
              ListenerArn: { Ref: listenerId(shared, key) },
              Priority: route.priority,
              Conditions: [
                { Field: 'path-pattern', PathPatternConfig: { Values: [route.pathPattern ?? '/*'] } },
              ],
              Actions: actions,
            },
          },
        ]);
      }
    }
  }
  return resources;
}

/** How to deploy the application template, for the application's README. */
export function applicationDeployCommand(name: string, template: TemplateDocument): string[] {
  const required = Object.entries(template.Parameters)
    .filter(([, parameter]) => parameter.Default === undefined)
    .map(([parameter]) => `${parameter}=<${parameter}>`);
  return [
    `aws cloudformation deploy --template-file ${APPLICATION_TEMPLATE_PATH} --stack-name ${name} \\`,
    `  --capabilities ${STACK_CAPABILITIES.join(' ')}${required.length === 0 ? '' : ' \\'}`,
    ...(required.length === 0 ? [] : [`  --parameter-overrides ${required.join(' ')}`]),
  ];
}

/** application/template.yaml, serialized as every template is (see `templateFile`). */
export function applicationTemplateFile(template: TemplateDocument): StarterFile {
  return lazyFile({ path: APPLICATION_TEMPLATE_PATH, mediaType: 'application/yaml' }, () => toYaml(template));
}
