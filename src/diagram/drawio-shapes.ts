import type { ArchitectureNode, GroupKind } from './architecture-graph';

/** A diagrams.net style: its key=value pairs, in the order written. */
export type DrawioStyle = Record<string, string | number>;

/*
 * Every mxgraph.aws4 name below is one the AWS 4 palette of diagrams.net offers, in
 * https://github.com/jgraph/drawio/blob/003149591ef1a573ae8f5ab518aa81e870ada759/src/main/webapp/js/diagramly/sidebar/Sidebar-AWS4.js
 * (resource icons are `resourceIcon` with a `resIcon`; groups `group` or `groupCenter` with a `grIcon`),
 * and each style copies the palette entry's colours.
 */

const CATEGORY_COLOUR = {
  compute: '#ED7100',
  integration: '#E7157B',
  storage: '#7AA116',
  security: '#DD344C',
  general: '#232F3D',
} as const;

function serviceIcon(resIcon: string, colour: string): DrawioStyle {
  return {
    sketch: 0,
    outlineConnect: 0,
    fontColor: '#232F3E',
    fillColor: colour,
    strokeColor: '#ffffff',
    dashed: 0,
    labelPosition: 'right',
    verticalLabelPosition: 'middle',
    align: 'left',
    verticalAlign: 'middle',
    html: 1,
    fontSize: 11,
    aspect: 'fixed',
    shape: 'mxgraph.aws4.resourceIcon',
    resIcon: `mxgraph.aws4.${resIcon}`,
  };
}

function resourceIcon(shape: string, colour: string): DrawioStyle {
  return {
    sketch: 0,
    outlineConnect: 0,
    fontColor: '#232F3E',
    gradientColor: 'none',
    fillColor: colour,
    strokeColor: 'none',
    dashed: 0,
    labelPosition: 'right',
    verticalLabelPosition: 'middle',
    align: 'left',
    verticalAlign: 'middle',
    html: 1,
    fontSize: 11,
    aspect: 'fixed',
    pointerEvents: 1,
    shape: `mxgraph.aws4.${shape}`,
  };
}

/** A node without an AWS icon of its own (a listener, a target group, a CronJob): a labelled box. */
export const PLAIN_BOX: DrawioStyle = {
  rounded: 1,
  whiteSpace: 'wrap',
  html: 1,
  fontSize: 11,
  fillColor: '#F5F5F5',
  strokeColor: '#545B64',
  fontColor: '#232F3E',
};

const STORAGE_ICON: Record<string, string> = {
  efs: 'elastic_file_system',
  ebs: 'elastic_block_store',
  'fsx-windows': 'fsx_for_windows_file_server',
  'fsx-lustre': 'fsx_for_lustre',
};

const CAPACITY_ICON: Record<string, string> = {
  fargate: 'fargate',
  'express-mode': 'fargate',
  ec2: 'auto_scaling2',
  'managed-node-group': 'auto_scaling2',
  'self-managed-nodes': 'auto_scaling2',
  'managed-instances': 'ec2',
  'auto-mode': 'ec2',
  batch: 'batch',
};

const SERVICE_ICON = { ecs: 'ecs', eks: 'eks', 'app-runner': 'app_runner', batch: 'batch' } as const;

/** The style of a node: an AWS icon where the palette has one for what it stands for. */
export function nodeStyle(node: ArchitectureNode): DrawioStyle | 'plain' {
  const { compute, integration, storage, security, general } = CATEGORY_COLOUR;
  switch (node.kind) {
    case 'clients':
      return resourceIcon('users', general);
    case 'load-balancer':
      return serviceIcon('elastic_load_balancing', '#8C4FFF');
    case 'listener':
    case 'target-group':
    case 'cron-job':
      return 'plain';
    case 'service':
      return node.service === 'batch' || node.service === 'app-runner'
        ? serviceIcon(SERVICE_ICON[node.service], compute)
        : resourceIcon(node.service === 'eks' ? 'container_1' : 'ecs_service', compute);
    case 'platform':
      return serviceIcon(SERVICE_ICON[node.service ?? 'ecs'], compute);
    case 'capacity':
      return serviceIcon(CAPACITY_ICON[node.variant ?? ''] ?? 'ec2', compute);
    case 'storage':
      return serviceIcon(STORAGE_ICON[node.variant ?? ''] ?? 'storage', storage);
    case 'queue':
      return serviceIcon('sqs', integration);
    case 'dead-letter-queue':
      return resourceIcon('queue', integration);
    case 'schedule':
      return resourceIcon('eventbridge_scheduler', integration);
    case 'event-rule':
      return resourceIcon('rule_3', integration);
    case 'bucket':
      return resourceIcon('bucket', storage);
    case 'repository':
      return serviceIcon('ecr', compute);
    case 'role':
      return resourceIcon('role', security);
    case 'monitoring-rule':
      return resourceIcon('rule_3', integration);
    case 'log-group':
      return resourceIcon('logs', integration);
  }
}

const GROUP_BASE: DrawioStyle = {
  points:
    '[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]]',
  outlineConnect: 0,
  gradientColor: 'none',
  html: 1,
  whiteSpace: 'wrap',
  fontSize: 12,
  fontStyle: 0,
  container: 1,
  pointerEvents: 0,
  collapsible: 0,
  recursiveResize: 0,
  shape: 'mxgraph.aws4.group',
  verticalAlign: 'top',
  align: 'left',
  spacingLeft: 30,
  dashed: 0,
};

/** The palette's group of each kind: AWS Cloud, Region, VPC, and its public and private subnets. */
export function groupStyle(kind: GroupKind): DrawioStyle {
  switch (kind) {
    case 'aws-cloud':
      return {
        ...GROUP_BASE,
        grIcon: 'mxgraph.aws4.group_aws_cloud_alt',
        strokeColor: '#232F3E',
        fillColor: 'none',
        fontColor: '#232F3E',
      };
    case 'region':
      return {
        ...GROUP_BASE,
        grIcon: 'mxgraph.aws4.group_region',
        strokeColor: '#00A4A6',
        fillColor: 'none',
        fontColor: '#147EBA',
        dashed: 1,
      };
    case 'vpc':
      return {
        ...GROUP_BASE,
        grIcon: 'mxgraph.aws4.group_vpc2',
        strokeColor: '#8C4FFF',
        fillColor: 'none',
        fontColor: '#AAB7B8',
      };
    case 'public-subnets':
      return {
        ...GROUP_BASE,
        grIcon: 'mxgraph.aws4.group_security_group',
        grStroke: 0,
        strokeColor: '#7AA116',
        fillColor: '#F2F6E8',
        fontColor: '#248814',
      };
    case 'private-subnets':
      return {
        ...GROUP_BASE,
        grIcon: 'mxgraph.aws4.group_security_group',
        grStroke: 0,
        strokeColor: '#00A4A6',
        fillColor: '#E6F6F7',
        fontColor: '#147EBA',
      };
  }
}

export const EDGE_STYLE: DrawioStyle = {
  edgeStyle: 'orthogonalEdgeStyle',
  html: 1,
  endArrow: 'block',
  endFill: 1,
  strokeColor: '#545B64',
  rounded: 0,
  fontSize: 10,
};

/** A style as diagrams.net writes it: key=value pairs, each ended by a semicolon. */
export function styleText(style: DrawioStyle): string {
  return Object.entries(style)
    .map(([key, value]) => `${key}=${value}`)
    .join(';')
    .concat(';');
}
