import type { components } from '../contract/generated/openapi-types';

type Schemas = components['schemas'];
type Recommendation = Schemas['Recommendation'];

/**
 * What a diagram is drawn from: the answer's design, as a Recommendation carries it. The starter
 * configuration builds it from the design before the answer exists; the HTTP formats from the answer.
 */
export type ArchitectureSource = Pick<
  Recommendation,
  'workload' | 'loadBalancer' | 'storage' | 'scaling' | 'triggers' | 'monitoring' | 'iam' | 'registry'
> & {
  platform: Pick<Schemas['Platform'], 'id' | 'service' | 'capacity' | 'name'>;
  computeEnvironment?: Schemas['ComputeEnvironment'];
};

/** What a node stands for; each serializer picks its icon or shape from the kind. */
export type NodeKind =
  | 'clients'
  | 'load-balancer'
  | 'listener'
  | 'target-group'
  | 'service'
  | 'platform'
  | 'capacity'
  | 'storage'
  | 'queue'
  | 'dead-letter-queue'
  | 'schedule'
  | 'cron-job'
  | 'bucket'
  | 'event-rule'
  | 'repository'
  | 'role'
  | 'monitoring-rule'
  | 'log-group';

export type GroupKind = 'aws-cloud' | 'region' | 'vpc' | 'public-subnets' | 'private-subnets';

/**
 * Node and group ids are Berth's own words (letters and digits, never the request's), so a serializer
 * may write them as they are; only labels carry the request's values, and every serializer escapes them.
 */
export interface ArchitectureNode {
  id: string;
  kind: NodeKind;
  /** The node's lines of text, the first its name. */
  lines: string[];
  /** The group the node sits in; undefined outside the AWS Cloud. */
  group?: string;
  /** ECS, EKS, App Runner or Batch: which service's icon a platform, service or capacity node shows. */
  service?: Schemas['PlatformService'];
  /** A storage node's `storage.type`, a capacity node's `platform.capacity` (or `batch` for a compute environment). */
  variant?: string;
}

export interface ArchitectureGroup {
  id: string;
  kind: GroupKind;
  label: string;
  parent?: string;
}

export interface ArchitectureEdge {
  from: string;
  to: string;
  label?: string;
}

/** The architecture of one answer: groups outermost first, nodes and edges in a fixed order. */
export interface ArchitectureGraph {
  title: string;
  groups: ArchitectureGroup[];
  nodes: ArchitectureNode[];
  edges: ArchitectureEdge[];
}

const ROLE_SLOTS = ['executionRole', 'taskRole', 'infrastructureRole', 'nodeRole', 'clusterRole'] as const;
type RoleSlot = (typeof ROLE_SLOTS)[number];

const ROLE_PURPOSE: Record<RoleSlot, string> = {
  executionRole: 'execution role',
  taskRole: 'task role',
  infrastructureRole: 'infrastructure role',
  nodeRole: 'node role',
  clusterRole: 'cluster role',
};

const STORAGE_NAMES: Record<Exclude<Schemas['StorageType'], 'none'>, string> = {
  efs: 'Amazon EFS file system',
  ebs: 'Amazon EBS volume',
  'fsx-windows': 'Amazon FSx for Windows File Server',
  'fsx-lustre': 'Amazon FSx for Lustre',
};

const LOAD_BALANCER_NAMES: Record<'alb' | 'nlb', string> = {
  alb: 'Application Load Balancer',
  nlb: 'Network Load Balancer',
};

/**
 * Builds the diagram of an answer once, as data: the VPC and its subnets as the platform places the
 * load balancer and the tasks, the load balancer's listeners and target group, the service and the
 * capacity it runs on, storage, what triggers it, the image repository, the IAM roles and the monitoring
 * rules. Every serializer (Mermaid, diagrams.net, SVG) renders this graph and nothing else.
 */
export function architectureGraph(source: ArchitectureSource): ArchitectureGraph {
  const { workload, platform, loadBalancer } = source;
  const builder = new GraphBuilder();
  const inVpc = platform.service !== 'app-runner';
  const tasksInPublicSubnets = platform.capacity === 'express-mode';
  builder.group({ id: 'cloud', kind: 'aws-cloud', label: 'AWS Cloud' });
  builder.group({ id: 'region', kind: 'region', label: `Region ${workload.region}`, parent: 'cloud' });
  const hasLoadBalancer = loadBalancer.type !== 'none';
  const loadBalancerPublic = hasLoadBalancer && loadBalancer.scheme !== 'internal';
  if (inVpc) {
    builder.group({ id: 'vpc', kind: 'vpc', label: 'VPC', parent: 'region' });
    if (loadBalancerPublic || tasksInPublicSubnets) {
      builder.group({ id: 'publicSubnets', kind: 'public-subnets', label: 'Public subnets', parent: 'vpc' });
    }
    if (!tasksInPublicSubnets) {
      builder.group({
        id: 'privateSubnets',
        kind: 'private-subnets',
        label: 'Private subnets',
        parent: 'vpc',
      });
    }
  }
  const taskGroup = !inVpc ? 'region' : tasksInPublicSubnets ? 'publicSubnets' : 'privateSubnets';
  const loadBalancerGroup = !inVpc ? 'region' : loadBalancerPublic ? 'publicSubnets' : 'privateSubnets';

  builder.node({
    id: 'service',
    kind: 'service',
    lines: serviceLines(source),
    group: taskGroup,
    service: platform.service,
  });
  addLoadBalancer(builder, source, loadBalancerGroup);
  addCompute(builder, source, taskGroup);
  const { storage } = source;
  if (storage.type !== 'none') {
    builder.node({
      id: 'storage',
      kind: 'storage',
      lines: [
        STORAGE_NAMES[storage.type],
        ...(storage.sizeGiB === undefined ? [] : [`${storage.sizeGiB} GiB`]),
        ...(storage.mountPath === undefined ? [] : [`mounted at ${storage.mountPath}`]),
      ],
      group: taskGroup,
      variant: storage.type,
    });
    builder.edge({ from: 'service', to: 'storage', label: 'mounts' });
  }
  addTriggers(builder, source);
  builder.node({
    id: 'repository',
    kind: 'repository',
    lines: ['Amazon ECR repository', source.registry.repositoryName],
    group: 'region',
  });
  builder.edge({ from: 'repository', to: 'service', label: 'image' });
  addRoles(builder, source);
  source.monitoring.forEach((rule, index) => {
    const id = `monitoringRule${index + 1}`;
    builder.node({ id, kind: 'monitoring-rule', lines: ['EventBridge rule', rule.name], group: 'region' });
    builder.edge({ from: 'service', to: id, label: 'state changes' });
    if (rule.target !== undefined) {
      const target = `logGroup${index + 1}`;
      builder.node({ id: target, kind: 'log-group', lines: [rule.target], group: 'region' });
      builder.edge({ from: id, to: target });
    }
  });
  return { title: `${workload.name} on ${platform.name}`, ...builder.build() };
}

function serviceLines({ workload, platform, scaling, registry }: ArchitectureSource): string[] {
  const size = `${workload.resources.cpu} vCPU, ${workload.resources.memoryGiB} GiB each`;
  const count =
    scaling.minCapacity === scaling.maxCapacity
      ? `${scaling.maxCapacity}`
      : `${scaling.minCapacity} to ${scaling.maxCapacity}`;
  const image = `image ${registry.imageUri}`;
  if (platform.service === 'batch')
    return [`AWS Batch job queue ${workload.name}`, 'job definition', size, image];
  if (platform.service === 'app-runner') {
    return [`App Runner service ${workload.name}`, `${count} instances`, size, image];
  }
  const unit = platform.service === 'eks' ? 'pods' : 'tasks';
  const what =
    platform.service === 'eks'
      ? workload.workloadType === 'batch'
        ? 'Kubernetes Job'
        : 'Kubernetes Deployment'
      : workload.workloadType === 'batch'
        ? 'ECS task'
        : 'ECS service';
  return [`${what} ${workload.name}`, `${count} ${unit}`, size, image];
}

function addLoadBalancer(builder: GraphBuilder, source: ArchitectureSource, group: string): void {
  const { loadBalancer, platform } = source;
  if (loadBalancer.type === 'none') return;
  builder.node({ id: 'clients', kind: 'clients', lines: ['Clients'] });
  const scheme = loadBalancer.scheme ?? 'internet-facing';
  const name =
    loadBalancer.type === 'built-in'
      ? platform.service === 'app-runner'
        ? 'App Runner service endpoint'
        : 'Load balancer managed by ECS Express Mode'
      : LOAD_BALANCER_NAMES[loadBalancer.type];
  builder.node({ id: 'loadBalancer', kind: 'load-balancer', lines: [name, scheme], group });
  builder.edge({ from: 'clients', to: 'loadBalancer' });
  const { targetGroup } = loadBalancer;
  const forwardTo = targetGroup === undefined ? 'service' : 'targetGroup';
  if (loadBalancer.listeners.length === 0) builder.edge({ from: 'loadBalancer', to: forwardTo });
  loadBalancer.listeners.forEach((listener, index) => {
    const id = `listener${index + 1}`;
    const action = listener.action === undefined ? [] : [listener.action];
    builder.node({
      id,
      kind: 'listener',
      lines: [`Listener ${listener.protocol}:${listener.port}`, ...action],
      group,
    });
    builder.edge({ from: 'loadBalancer', to: id });
    if (listener.action !== 'redirect-to-https') builder.edge({ from: id, to: forwardTo });
  });
  if (targetGroup !== undefined) {
    const health = [
      targetGroup.healthCheckProtocol,
      targetGroup.healthCheckPort,
      targetGroup.healthCheckPath,
    ].filter((part) => part !== undefined);
    builder.node({
      id: 'targetGroup',
      kind: 'target-group',
      lines: [
        `Target group ${targetGroup.protocol}:${targetGroup.port}`,
        `${targetGroup.targetType} targets`,
        ...(health.length === 0 ? [] : [`health check ${health.join(' ')}`]),
      ],
      group,
    });
    builder.edge({ from: 'targetGroup', to: 'service' });
  }
}

/** The platform (cluster or managed service) and the capacity the tasks, pods or jobs run on. */
function addCompute(builder: GraphBuilder, source: ArchitectureSource, taskGroup: string): void {
  const { platform, workload, scaling, computeEnvironment } = source;
  const spot = scaling.instanceMarket === 'spot' ? ['Spot'] : [];
  if (platform.service === 'app-runner') {
    builder.node({
      id: 'platform',
      kind: 'platform',
      lines: [platform.name],
      group: 'region',
      service: 'app-runner',
    });
    builder.edge({ from: 'platform', to: 'service', label: 'runs' });
    return;
  }
  if (platform.service === 'batch') {
    const type = computeEnvironment?.type ?? 'FARGATE';
    builder.node({
      id: 'capacity',
      kind: 'capacity',
      lines: ['AWS Batch compute environment', type],
      group: taskGroup,
      service: 'batch',
      variant: 'batch',
    });
    builder.edge({ from: 'service', to: 'capacity', label: 'runs jobs on' });
    return;
  }
  const cluster =
    platform.service === 'eks'
      ? `Amazon EKS cluster ${workload.name}`
      : platform.capacity === 'express-mode'
        ? 'Amazon ECS default cluster'
        : `Amazon ECS cluster ${workload.name}`;
  builder.node({
    id: 'platform',
    kind: 'platform',
    lines: [cluster],
    group: 'region',
    service: platform.service,
  });
  builder.edge({ from: 'platform', to: 'service', label: 'runs' });
  const providers = (scaling.capacityProviderStrategy ?? []).map(
    (item) => `${item.capacityProvider} weight ${item.weight}`,
  );
  builder.node({
    id: 'capacity',
    kind: 'capacity',
    lines: [...capacityLines(platform.capacity), ...providers, ...spot],
    group: taskGroup,
    service: platform.service,
    variant: platform.capacity,
  });
  builder.edge({ from: 'service', to: 'capacity', label: 'runs on' });
}

function capacityLines(capacity: Schemas['PlatformCapacity']): string[] {
  switch (capacity) {
    case 'fargate':
    case 'express-mode':
      return ['AWS Fargate'];
    case 'ec2':
      return ['EC2 Auto Scaling group', 'capacity provider'];
    case 'managed-instances':
      return ['ECS Managed Instances', 'EC2 instances AWS manages'];
    case 'managed-node-group':
      return ['EKS managed node group', 'EC2 Auto Scaling group'];
    case 'self-managed-nodes':
      return ['Self-managed nodes', 'EC2 Auto Scaling group'];
    case 'auto-mode':
      return ['EKS Auto Mode nodes', 'EC2 instances AWS manages'];
    case 'app-runner':
      return ['App Runner instances'];
  }
}

function addTriggers(builder: GraphBuilder, { triggers }: ArchitectureSource): void {
  triggers.forEach((trigger, index) => {
    const n = index + 1;
    const { target } = trigger;
    switch (trigger.type) {
      case 'sqs-queue': {
        const queue = `queue${n}`;
        builder.node({
          id: queue,
          kind: 'queue',
          lines: ['Amazon SQS queue', trigger.queueName ?? ''],
          group: 'region',
        });
        builder.edge({ from: queue, to: 'service', label: 'polled by' });
        if (trigger.deadLetterQueueName !== undefined) {
          const dlq = `deadLetterQueue${n}`;
          builder.node({
            id: dlq,
            kind: 'dead-letter-queue',
            lines: ['Dead-letter queue', trigger.deadLetterQueueName],
            group: 'region',
          });
          builder.edge({
            from: queue,
            to: dlq,
            label:
              trigger.maxReceiveCount === undefined
                ? 'failed messages'
                : `after ${trigger.maxReceiveCount} receives`,
          });
        }
        return;
      }
      case 'eventbridge-schedule': {
        const id = `schedule${n}`;
        builder.node({
          id,
          kind: 'schedule',
          lines: ['EventBridge Scheduler schedule', trigger.expression ?? ''],
          group: 'region',
        });
        builder.edge({ from: id, to: 'service', ...(target === undefined ? {} : { label: target }) });
        return;
      }
      case 'kubernetes-cronjob': {
        const id = `cronJob${n}`;
        builder.node({
          id,
          kind: 'cron-job',
          lines: ['Kubernetes CronJob', trigger.expression ?? ''],
          group: 'region',
        });
        builder.edge({ from: id, to: 'service', label: 'creates Jobs' });
        return;
      }
      case 'eventbridge-rule': {
        const rule = `eventRule${n}`;
        const what = trigger.bucket === undefined ? (trigger.expression ?? '') : 'Object Created';
        builder.node({ id: rule, kind: 'event-rule', lines: ['EventBridge rule', what], group: 'region' });
        if (trigger.bucket !== undefined) {
          const bucket = `bucket${n}`;
          builder.node({
            id: bucket,
            kind: 'bucket',
            lines: ['Amazon S3 bucket', trigger.bucket],
            group: 'region',
          });
          builder.edge({ from: bucket, to: rule, label: 'Object Created' });
        }
        if (trigger.queueName !== undefined) {
          const queue = `queue${n}`;
          builder.node({
            id: queue,
            kind: 'queue',
            lines: ['Amazon SQS queue', trigger.queueName],
            group: 'region',
          });
          builder.edge({ from: rule, to: queue });
          builder.edge({ from: queue, to: 'service', label: 'polled by' });
        } else {
          builder.edge({ from: rule, to: 'service', ...(target === undefined ? {} : { label: target }) });
        }
        return;
      }
    }
  });
}

/** Each role the answer has, linked to what assumes it. */
function addRoles(builder: GraphBuilder, { iam, platform }: ArchitectureSource): void {
  const assumedBy: Record<RoleSlot, string> = {
    executionRole: platform.service === 'eks' ? 'capacity' : 'service',
    taskRole: 'service',
    infrastructureRole: 'platform',
    nodeRole: 'capacity',
    clusterRole: 'platform',
  };
  for (const slot of ROLE_SLOTS) {
    const role = iam[slot];
    if (role === undefined) continue;
    const id = `role${slot.charAt(0).toUpperCase()}${slot.slice(1, -'Role'.length)}`;
    builder.node({ id, kind: 'role', lines: [`IAM ${ROLE_PURPOSE[slot]}`, role.name], group: 'region' });
    const to = builder.has(assumedBy[slot]) ? assumedBy[slot] : 'service';
    builder.edge({ from: id, to, label: 'assumed by' });
  }
}

class GraphBuilder {
  private readonly groups: ArchitectureGroup[] = [];
  private readonly nodes: ArchitectureNode[] = [];
  private readonly edges: ArchitectureEdge[] = [];
  private readonly ids = new Set<string>();

  group(group: ArchitectureGroup): void {
    this.groups.push(group);
  }

  node(node: ArchitectureNode): void {
    this.ids.add(node.id);
    this.nodes.push(node);
  }

  edge(edge: ArchitectureEdge): void {
    this.edges.push(edge);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  build(): Pick<ArchitectureGraph, 'groups' | 'nodes' | 'edges'> {
    return { groups: this.groups, nodes: this.nodes, edges: this.edges };
  }
}
