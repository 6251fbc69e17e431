import type { ApplicationArchitecture } from '../api/architecture-client';

/**
 * The whole application at a glance, laid out without the DOM: who calls in, the shared load balancers, the
 * services grouped by the platform each runs on, and the managed services that replace containers. The
 * answer carries no diagram of the application (each service's own is in its starter files), so the
 * workbench draws this one from the answer's data; overview-svg.ts renders it.
 */
export type OverviewNodeKind = 'clients' | 'load-balancer' | 'service' | 'managed';

export interface OverviewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OverviewNode extends OverviewBox {
  id: string;
  kind: OverviewNodeKind;
  label: string;
  detail: string;
}

/** The services one platform runs, drawn as a frame around them. */
export interface OverviewGroup extends OverviewBox {
  label: string;
}

export interface OverviewEdge {
  from: string;
  to: string;
  label: string;
}

export interface Overview {
  width: number;
  height: number;
  nodes: OverviewNode[];
  groups: OverviewGroup[];
  edges: OverviewEdge[];
}

const MARGIN = 16;
const NODE_HEIGHT = 46;
const NODE_GAP = 18;
const GROUP_PADDING = 14;
const GROUP_TITLE = 26;
// Room on the right of a platform's frame for the arcs between its services.
const ARC_ROOM = 56;
const COLUMN_GAP = 90;
const WIDTH = { clients: 110, 'load-balancer': 190, service: 190, managed: 245 } as const;

/** Stacks boxes of one column from `top`, and returns where the column ends. */
function stack(nodes: OverviewNode[], x: number, top: number): number {
  let y = top;
  for (const node of nodes) {
    node.x = x;
    node.y = y;
    y += NODE_HEIGHT + NODE_GAP;
  }
  return nodes.length === 0 ? top : y - NODE_GAP;
}

function node(id: string, kind: OverviewNodeKind, label: string, detail: string): OverviewNode {
  return { id, kind, label, detail, x: 0, y: 0, width: WIDTH[kind], height: NODE_HEIGHT };
}

function exposureOf(architecture: ApplicationArchitecture, name: string): string {
  const service = architecture.services.find((candidate) => candidate.name === name);
  const workload = service?.recommendation.workload;
  if (workload === undefined) return '';
  const traffic = workload.traffic;
  const port = workload.containerPort;
  if (traffic === undefined || workload.workloadType !== 'web') return workload.workloadType;
  return `${traffic.exposure ?? 'web'} ${traffic.protocol ?? ''}${port === undefined ? '' : `:${port}`}`.trim();
}

/** Node ids are prefixed by kind, since a service and a load balancer may share a name. */
export const serviceNodeId = (name: string): string => `service:${name}`;
const loadBalancerNodeId = (id: string): string => `lb:${id}`;
const managedNodeId = (service: string): string => `managed:${service}`;
const CLIENTS = 'clients';

/** The overview of an application's answer, every box placed. */
export function overviewOf(architecture: ApplicationArchitecture): Overview {
  const { loadBalancers, routes } = architecture.ingress;
  const publicEndpoints = routes.filter(
    (route) =>
      route.loadBalancer === 'endpoint' &&
      architecture.services.find((service) => service.name === route.service)?.recommendation.workload.traffic
        ?.exposure === 'public',
  );
  const hasClients =
    loadBalancers.some((lb) => lb.scheme === 'internet-facing') || publicEndpoints.length > 0;

  const edges: OverviewEdge[] = [];
  const seen = new Set<string>();
  const connect = (from: string, to: string, label: string): void => {
    const key = `${from}→${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, label });
  };

  const clientNodes = hasClients ? [node(CLIENTS, 'clients', 'Clients', 'the internet')] : [];
  const lbNodes = loadBalancers.map((lb) =>
    node(
      loadBalancerNodeId(lb.id),
      'load-balancer',
      lb.id,
      `${lb.type.toUpperCase()} ${lb.scheme} · ${lb.listeners.map((listener) => `${listener.protocol}:${listener.port}`).join(', ')}`,
    ),
  );

  // Services grouped by platform, in the order the answer lists them.
  const byPlatform = new Map<string, OverviewNode[]>();
  for (const service of architecture.services) {
    const platform = service.recommendation.platform.name;
    const members = byPlatform.get(platform) ?? [];
    members.push(
      node(serviceNodeId(service.name), 'service', service.name, exposureOf(architecture, service.name)),
    );
    byPlatform.set(platform, members);
  }
  const managedNodes = architecture.managedServices.map((managed) =>
    node(
      managedNodeId(managed.service),
      'managed',
      managed.replacement.name,
      `replaces ${managed.service} (${managed.image})`,
    ),
  );

  // Columns left to right: clients, load balancers, platforms, managed services; empty ones take no room.
  let x = MARGIN;
  const bottoms: number[] = [];
  if (clientNodes.length > 0) {
    bottoms.push(stack(clientNodes, x, MARGIN + GROUP_TITLE));
    x += WIDTH.clients + COLUMN_GAP;
  }
  if (lbNodes.length > 0) {
    bottoms.push(stack(lbNodes, x, MARGIN + GROUP_TITLE));
    x += WIDTH['load-balancer'] + COLUMN_GAP;
  }
  const groups: OverviewGroup[] = [];
  let groupTop = MARGIN;
  for (const [platform, members] of byPlatform) {
    const bottom = stack(members, x + GROUP_PADDING, groupTop + GROUP_TITLE);
    const height = bottom - groupTop + GROUP_PADDING;
    groups.push({
      label: platform,
      x,
      y: groupTop,
      width: WIDTH.service + 2 * GROUP_PADDING + ARC_ROOM,
      height,
    });
    groupTop += height + NODE_GAP;
  }
  if (groups.length > 0) {
    bottoms.push(groupTop - NODE_GAP);
    x += WIDTH.service + 2 * GROUP_PADDING + ARC_ROOM + COLUMN_GAP;
  }
  if (managedNodes.length > 0) {
    bottoms.push(stack(managedNodes, x, MARGIN + GROUP_TITLE));
    x += WIDTH.managed + COLUMN_GAP;
  }

  for (const lb of loadBalancers) {
    if (lb.scheme === 'internet-facing') connect(CLIENTS, loadBalancerNodeId(lb.id), '');
  }
  for (const route of publicEndpoints) connect(CLIENTS, serviceNodeId(route.service), 'own endpoint');
  for (const route of routes) {
    if (route.loadBalancer === 'endpoint') continue;
    connect(
      loadBalancerNodeId(route.loadBalancer),
      serviceNodeId(route.service),
      `${route.listener}${route.pathPattern === undefined ? '' : ` ${route.pathPattern}`}`,
    );
  }
  const names = new Set(architecture.services.map((service) => service.name));
  for (const connection of architecture.connections) {
    if (!names.has(connection.from) || !names.has(connection.to)) continue;
    connect(serviceNodeId(connection.from), serviceNodeId(connection.to), connection.mechanism);
  }
  // A Compose depends_on on a worker or a job makes no connection (nothing listens), but the order stands.
  for (const entry of architecture.imported ?? []) {
    if (entry.field !== 'depends_on' || !names.has(entry.service)) continue;
    for (const dependency of entry.value.split(',').map((name) => name.trim())) {
      if (!names.has(dependency)) continue;
      connect(serviceNodeId(entry.service), serviceNodeId(dependency), 'depends on');
    }
  }

  // A container replaced by a managed service is not a service: its users connect to the managed one.
  for (const managed of architecture.managedServices) {
    for (const user of managed.usedBy) {
      if (names.has(user)) connect(serviceNodeId(user), managedNodeId(managed.service), 'uses');
    }
  }

  return {
    width: x - COLUMN_GAP + MARGIN,
    height: Math.max(MARGIN + GROUP_TITLE + NODE_HEIGHT, ...bottoms) + MARGIN,
    nodes: [...clientNodes, ...lbNodes, ...[...byPlatform.values()].flat(), ...managedNodes],
    groups,
    edges,
  };
}
