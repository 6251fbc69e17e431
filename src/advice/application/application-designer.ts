import { createHash } from 'node:crypto';
import type {
  IgnoredField,
  ImportedField,
  ManagedServiceChoice,
} from '../../compose/application-from-compose';
import type { FieldError } from '../../contract/field-errors';
import { applicationReadme } from '../../generators/application/application-readme';
import {
  applicationTemplate,
  applicationTemplateFile,
} from '../../generators/application/application-template';
import type { TemplateDocument } from '../../generators/cloudformation/template';
import type { StarterFile } from '../../generators/shared/starter-file';
import type { NoEligiblePlatform, Recommendation } from '../advice';
import type { Advisor } from '../advisor';
import { canonicalJson } from '../canonical-json';
import { applicationConnections, type ServiceConnection } from './application-connections';
import { type ApplicationCost, applicationCost } from './application-cost';
import { type ApplicationIngress, applicationIngress } from './application-ingress';
import { placeApplication } from './application-platform';
import { type ApplicationRequest, validateApplication } from './application-request';

/** A service answered inside the application, with its own template as data for the application's. */
interface PlacedAnswer {
  name: string;
  recommendation: Recommendation;
  template: TemplateDocument;
}

/** A service's recommendation inside an application: its starter files are the application's. */
export type ServiceRecommendation = Omit<Recommendation, 'starterConfig'>;

export interface ApplicationAnswer {
  id: string;
  rulesVersion: string;
  name: string;
  services: { name: string; recommendation: ServiceRecommendation }[];
  managedServices: ManagedServiceChoice[];
  /** From a Compose file only: what was carried into the design, and what was not, with why. */
  imported?: ImportedField[];
  ignored?: IgnoredField[];
  ingress: Pick<ApplicationIngress, 'loadBalancers' | 'routes'>;
  connections: ServiceConnection[];
  monthlyCost: ApplicationCost;
  rationale: string[];
  warnings: string[];
  starterConfig: { files: StarterFile[] };
}

/** What importing a Compose file found besides the request it made. */
export interface ComposeOrigin {
  imported: ImportedField[];
  ignored: IgnoredField[];
  managedServices: ManagedServiceChoice[];
  warnings: string[];
}

export type ApplicationDesign =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'no-eligible-platform'; service: string; index: number; answer: NoEligiblePlatform }
  | { kind: 'architecture'; answer: ApplicationAnswer };

/**
 * POST /v1/architectures: the services of one application designed together. Each is first answered on its
 * own (the same advisor as POST /v1/recommendations); then one platform is chosen for all of them when one
 * can run them all, the HTTP services share one Application Load Balancer and the layer-4 ones one Network
 * Load Balancer, each dependency becomes a connection, and the bill counts what they share once.
 */
export class ApplicationDesigner {
  constructor(private readonly advisor: Advisor) {}

  /** `origin`: what a Compose file's import found, carried into the answer. */
  async design(body: unknown, origin?: ComposeOrigin): Promise<ApplicationDesign> {
    const validation = validateApplication(body);
    if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
    return this.designValid(validation.request, origin);
  }

  private async designValid(request: ApplicationRequest, origin?: ComposeOrigin): Promise<ApplicationDesign> {
    const { ruleSet } = this.advisor;
    const standalone: PlacedAnswer[] = [];
    for (const [index, service] of request.services.entries()) {
      const advice = await this.advisor.advise(service.workload);
      if (advice.kind === 'no-eligible-platform')
        return { kind: 'no-eligible-platform', service: service.name, index, answer: advice };
      standalone.push({
        name: service.name,
        recommendation: advice.recommendation,
        template: advice.template,
      });
    }
    const catalogueOrder = ruleSet.platforms.map((platform) => platform.id);
    const placement = placeApplication(standalone, catalogueOrder);
    const placed: PlacedAnswer[] = [];
    for (const [index, service] of request.services.entries()) {
      const own = standalone[index] as (typeof standalone)[number];
      const platformId = placement.platformOf.get(service.name);
      if (platformId === undefined || platformId === own.recommendation.platform.id) {
        placed.push(own);
        continue;
      }
      const ownBest = own.recommendation.platform;
      const there = own.recommendation.alternatives.find(
        (alternative) => alternative.platformId === platformId,
      );
      const advice = await this.advisor.advise(service.workload, {
        platformId,
        reason: `Alone, ${service.name} would run on ${ownBest.name} (score ${own.recommendation.alternatives[0]?.score}); it runs on ${there?.name ?? platformId} (score ${there?.score}), the platform the whole application shares.`,
      });
      if (advice.kind !== 'recommendation')
        throw new Error(`${service.name} lost the platform it was placed on`);
      placed.push({ name: service.name, recommendation: advice.recommendation, template: advice.template });
    }
    const ingress = applicationIngress(placed, ruleSet.architecture.routing);
    const connections = applicationConnections(
      request.services,
      placement.platformOf,
      ruleSet.architecture.serviceDiscovery,
    );
    const monthlyCost = applicationCost(
      placed.map(({ name, recommendation }) => ({
        name,
        recommendation,
        ...(ingress.loadBalancerOf.has(name) ? { loadBalancer: ingress.loadBalancerOf.get(name) } : {}),
      })),
      ruleSet.architecture.sharedCostItems,
    );
    // A managed service's bill depends on choices (instance class, storage, Multi-AZ) the Compose file
    // does not make, and Berth's price table has no entries for them yet: an explicit unpriced line each.
    for (const choice of origin?.managedServices ?? [])
      monthlyCost.lines.push({
        item: `${choice.replacement.name} (replaces the ${choice.service} container): not priced, not in the total`,
        quantity: 0,
        unit: 'month',
        unitPrice: 0,
        monthly: 0,
        service: choice.service,
        reason:
          "Its cost depends on the instance class, storage and Multi-AZ choice; Berth's price table has no entry for it yet.",
      });
    const warnings = [
      ...(origin?.warnings ?? []),
      ...ingress.warnings,
      ...placed.flatMap(({ name, recommendation }) =>
        recommendation.warnings.map((warning) => `${name}: ${warning}`),
      ),
    ];
    const answer: ApplicationAnswer = {
      id: applicationId(request, ruleSet.version),
      rulesVersion: ruleSet.version,
      name: request.name,
      services: placed.map(({ name, recommendation: { starterConfig: _files, ...recommendation } }) => ({
        name,
        recommendation,
      })),
      managedServices: origin?.managedServices ?? [],
      ...(origin === undefined ? {} : { imported: origin.imported, ignored: origin.ignored }),
      ingress: { loadBalancers: ingress.loadBalancers, routes: ingress.routes },
      connections,
      monthlyCost,
      rationale: [
        ...placement.rationale,
        ...ingress.loadBalancers.map(
          (shared) =>
            `${shared.services.join(', ')} ${shared.services.length === 1 ? 'is' : 'are'} behind one ${shared.scheme} ${shared.type === 'alb' ? 'Application' : 'Network'} Load Balancer (${shared.id}), listeners ${shared.listeners.map((listener) => `${listener.protocol}:${listener.port}`).join(', ')}.`,
        ),
        ...connections.map((connection) => connection.description),
      ],
      warnings: [...new Set(warnings)],
      starterConfig: {
        files: applicationFiles(request.name, placed, ingress, connections, (platformId) =>
          String(ruleSet.platforms.find((platform) => platform.id === platformId)?.family),
        ),
      },
    };
    return { kind: 'architecture', answer };
  }
}

/** The same services, defaults filled in, and rules always give the same id. */
function applicationId(request: ApplicationRequest, rulesVersion: string): string {
  const digest = createHash('sha256')
    .update(canonicalJson(request))
    .update('\u0000')
    .update(rulesVersion)
    .digest('hex');
  return `arch_${digest.slice(0, 24)}`;
}

/**
 * One CloudFormation template for the whole application, made of the services' own templates with what they
 * share created once, each service's own starter files under services/<name>/, and a README that says what
 * the template shares and what it leaves to the services' own files.
 */
function applicationFiles(
  name: string,
  placed: readonly PlacedAnswer[],
  ingress: ApplicationIngress,
  connections: readonly ServiceConnection[],
  platformFamily: (platformId: string) => string,
): StarterFile[] {
  const files = placed.flatMap(({ name: service, recommendation }) =>
    recommendation.starterConfig.files.map((file) => ({ ...file, path: `services/${service}/${file.path}` })),
  );
  const template = applicationTemplate({
    name,
    services: placed.map(({ name: service, template: own }) => ({ name: service, template: own })),
    loadBalancers: ingress.loadBalancers,
    routes: ingress.routes,
  });
  const readme = applicationReadme({
    name,
    services: placed.map(({ name: service, recommendation: { platform } }) => ({
      name: service,
      platformName: platform.name,
      orchestrator: platform.service,
      family: platformFamily(platform.id),
    })),
    template,
    loadBalancers: ingress.loadBalancers,
    routes: ingress.routes,
    connections,
  });
  return [readme, applicationTemplateFile(template), ...files];
}
