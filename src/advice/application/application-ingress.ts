import type { ArchitectureCatalogue } from '../../catalogue/architecture-catalogue';
import type { Recommendation } from '../advice';

type LoadBalancerSection = Recommendation['loadBalancer'];

/** A load balancer the application's services share, with the listeners they need. */
export interface SharedLoadBalancer {
  id: string;
  type: 'alb' | 'nlb';
  scheme: NonNullable<LoadBalancerSection['scheme']>;
  /** The orchestrator whose services it serves: ECS targets and EKS (controller-made) ones are apart. */
  service: string;
  listeners: { protocol: string; port: number }[];
  services: string[];
}

export interface IngressRoute {
  service: string;
  /** The shared load balancer's id, or "endpoint" for a platform's own endpoint (App Runner, Express Mode). */
  loadBalancer: string;
  listener: string;
  pathPattern?: string;
  /**
   * The listener rule's priority (lowest first) on a shared Application Load Balancer; absent for the first
   * service, which is the listener's default action rather than a rule.
   */
  priority?: number;
}

export interface ApplicationIngress {
  loadBalancers: SharedLoadBalancer[];
  routes: IngressRoute[];
  /** The load balancer each service is behind, by service name (absent for services without one). */
  loadBalancerOf: Map<string, string>;
  warnings: string[];
}

export interface PlacedService {
  name: string;
  recommendation: Recommendation;
}

/**
 * One Application Load Balancer per scheme for the HTTP services, with a listener rule each (the first
 * service at the catalogue's first path, the others under their own prefix), and one Network Load Balancer
 * per scheme for the layer-4 services, a listener each; a service whose listener port another service of
 * that load balancer already uses gets a load balancer of its own. Platforms with their own endpoint keep it.
 */
export function applicationIngress(
  services: readonly PlacedService[],
  routing: ArchitectureCatalogue['routing'],
): ApplicationIngress {
  const loadBalancers: SharedLoadBalancer[] = [];
  const routes: IngressRoute[] = [];
  const loadBalancerOf = new Map<string, string>();
  for (const { name, recommendation } of services) {
    const section = recommendation.loadBalancer;
    if (section.type === 'none') continue;
    if (section.type === 'built-in' || section.scheme === undefined) {
      routes.push({
        service: name,
        loadBalancer: 'endpoint',
        listener: `${recommendation.platform.name} endpoint`,
      });
      continue;
    }
    const type = section.type;
    const scheme = section.scheme;
    const orchestrator = recommendation.platform.service;
    const fits = (candidate: SharedLoadBalancer) =>
      candidate.type === type &&
      candidate.scheme === scheme &&
      candidate.service === orchestrator &&
      (type === 'alb' ||
        section.listeners.every(
          (listener) => !candidate.listeners.some((taken) => taken.port === listener.port),
        ));
    let shared = loadBalancers.find(fits);
    if (shared === undefined) {
      const sameKind = loadBalancers.filter(
        (candidate) => candidate.type === type && candidate.scheme === scheme,
      );
      shared = {
        id: `${scheme === 'internal' ? 'internal' : 'public'}-${type}${sameKind.length === 0 ? '' : `-${sameKind.length + 1}`}`,
        type,
        scheme,
        service: orchestrator,
        listeners: [],
        services: [],
      };
      loadBalancers.push(shared);
    }
    const first = shared.services.length === 0;
    // Each later service's rule ranks in the order the services were given: 1, 2, …
    const priority = shared.services.length;
    shared.services.push(name);
    loadBalancerOf.set(name, shared.id);
    for (const listener of section.listeners) {
      if (
        !shared.listeners.some(
          (taken) => taken.port === listener.port && taken.protocol === listener.protocol,
        )
      )
        shared.listeners.push({ protocol: listener.protocol, port: listener.port });
      // A redirecting listener (HTTP to HTTPS) routes nothing itself.
      if (listener.action === 'redirect-to-https') continue;
      routes.push({
        service: name,
        loadBalancer: shared.id,
        listener: `${listener.protocol}:${listener.port}`,
        ...(type === 'alb'
          ? {
              pathPattern: first
                ? routing.firstServicePath
                : routing.otherServicesPath.replace('{{name}}', name),
              ...(first ? {} : { priority }),
            }
          : {}),
      });
    }
  }
  const warnings = loadBalancers
    .filter((shared) => shared.type === 'alb' && shared.services.length > 1)
    .map((shared) => routing.pathWarning.replace('{{services}}', shared.services.slice(1).join(', ')));
  return { loadBalancers, routes, loadBalancerOf, warnings };
}
