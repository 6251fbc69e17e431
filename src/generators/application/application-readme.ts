import type { TemplateDocument } from '../cloudformation/template';
import { markdownFile } from '../shared/serialize';
import type { StarterFile } from '../shared/starter-file';
import {
  APPLICATION_TEMPLATE_PATH,
  applicationDeployCommand,
  type PlannedLoadBalancer,
  type PlannedRoute,
} from './application-template';

/** A service as the README names it: where it runs, by the platform's name and its orchestrator. */
export interface ReadmeService {
  name: string;
  platformName: string;
  /** The platform's `service`: `ecs`, `eks`, `batch`, `app-runner`. */
  orchestrator: string;
  /** The platform's family: Express Mode is on ECS but keeps its own endpoint and cluster. */
  family: string;
}

export interface ApplicationReadmeInput {
  name: string;
  services: readonly ReadmeService[];
  template: TemplateDocument;
  loadBalancers: readonly PlannedLoadBalancer[];
  routes: readonly PlannedRoute[];
  /** How services reach each other, from the answer's `connections`. */
  connections: readonly { from: string; to: string; mechanism: string }[];
}

const CLUSTER_TYPE = 'AWS::ECS::Cluster';

/**
 * The application's README: the one stack for the whole application and how to deploy it, what it shares,
 * what it leaves to each service's own files, and where those are.
 */
export function applicationReadme(input: ApplicationReadmeInput): StarterFile {
  const { name, services, template } = input;
  const resources = Object.values(template.Resources);
  const ecs = services.filter((service) => service.family === 'ecs');
  const sharedAlbs = input.loadBalancers.filter(
    (shared) =>
      shared.type === 'alb' &&
      shared.services.some((service) => ecs.some((candidate) => candidate.name === service)),
  );
  const nlbs = input.loadBalancers.filter((shared) => shared.type === 'nlb');
  const eks = services.filter((service) => service.orchestrator === 'eks');
  const shared = [
    ...(resources.some((resource) => resource.Type === CLUSTER_TYPE)
      ? [
          `- One ECS cluster (\`Cluster\`, named \`${name}\`) for ${ecs.map((service) => `\`${service.name}\``).join(', ')}, with every service's capacity providers.`,
        ]
      : []),
    ...sharedAlbs.map((alb) => {
      const routes = input.routes
        .filter((route) => route.loadBalancer === alb.id)
        .map(
          (route) =>
            `\`${route.service}\` at \`${route.pathPattern ?? '/*'}\` on ${route.listener} (${route.priority === undefined ? 'the default action' : `rule priority ${route.priority}`})`,
        );
      return `- One Application Load Balancer \`${alb.id}\` with its security group and one listener per port: ${routes.join('; ')}. Each service keeps its own target group, and its task security group admits the load balancer's.`;
    }),
  ];
  const notDone = [
    ...(nlbs.length === 0
      ? []
      : [
          `- The layer-4 services (${unique(nlbs.flatMap((nlb) => nlb.services)).join(', ')}) keep a Network Load Balancer each, as their own templates have them: the shared Network Load Balancer the answer's \`ingress\` plans is not merged yet.`,
        ]),
    ...(input.connections.length === 0
      ? []
      : [
          `- The connections of the answer (${input.connections.map((connection) => `${connection.from}→${connection.to} by ${connection.mechanism}`).join(', ')}) are not configured: no Service Connect namespace or Kubernetes Service is created; set them up as each service's README says.`,
        ]),
    ...(eks.length === 0
      ? []
      : [
          `- The services on EKS (${eks.map((service) => service.name).join(', ')}) each keep their own EKS cluster and its node capacity from their own template; their Kubernetes manifests (and the load balancer the AWS Load Balancer Controller makes from them) are applied from \`services/<name>/\` as their README says, after the stack.`,
        ]),
    ...services
      .filter((service) => service.orchestrator !== 'ecs' && service.orchestrator !== 'eks')
      .map(
        (service) =>
          `- \`${service.name}\` on ${service.platformName}: its resources as its own template has them (prefixed), nothing shared with the others.`,
      ),
    "- Pushing the images, setting secrets' values and the other steps around a stack are each service's, in its README.",
  ];
  return markdownFile('README.md', [
    `# ${name}: one stack for the application, and starter files per service`,
    '',
    `\`${APPLICATION_TEMPLATE_PATH}\` is one CloudFormation stack for the whole application, in an existing VPC. It holds`,
    "every service's resources from its own template, each logical id under the service's PascalCase name (`Web…`,",
    "`ApiTaskDefinition`), and each service's image as the `<Service>ImageUri` parameter; every service shares the",
    'network parameters (`VpcId`, `PrivateSubnetIds`, `PublicSubnetIds`).',
    '',
    '## Deploy with CloudFormation',
    '',
    '```sh',
    ...applicationDeployCommand(name, template),
    '```',
    '',
    '## What the services share',
    '',
    ...(shared.length === 0
      ? ['- Nothing but the network: no two services share a cluster or a load balancer.']
      : shared),
    '',
    '## What the template does not do',
    '',
    ...notDone,
    '',
    '## Each service on its own',
    '',
    "Each folder under `services/` holds one service's starter configuration, exactly as POST /v1/recommendations",
    'answers it for that service on the platform the application runs it on; its own README says how to deploy it',
    "alone (its own load balancer and cluster). Deploy either the application's stack or the services' own, not both.",
    '',
    ...services.map((service) => `- \`services/${service.name}/\`: ${service.platformName}`),
  ]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
