import type { ArchitectureGraph, ArchitectureGroup, ArchitectureNode, NodeKind } from './architecture-graph';

/** A rectangle in diagram coordinates (pixels, y down). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  node: ArchitectureNode;
  box: Box;
  /** The node's text, wrapped into lines that fit its box. */
  text: string[];
}

export interface PlacedGroup {
  group: ArchitectureGroup;
  box: Box;
}

/** Where everything goes; groups outermost first, so drawing them in order puts the inner ones on top. */
export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
}

/**
 * The column of each kind of node, left to right in the order traffic and work flow: clients (alone in
 * the first column, outside the AWS Cloud), what triggers the work, the load balancer and its listeners,
 * the target group, the service, what it runs on and stores to, then what it is built from and watched by.
 */
const COLUMN: Record<NodeKind, number> = {
  clients: 0,
  bucket: 1,
  schedule: 1,
  'cron-job': 1,
  'load-balancer': 1,
  'event-rule': 2,
  listener: 2,
  queue: 3,
  'target-group': 3,
  'dead-letter-queue': 4,
  platform: 4,
  service: 4,
  capacity: 5,
  storage: 5,
  repository: 6,
  role: 6,
  'monitoring-rule': 7,
  'log-group': 8,
};

const NODE_WIDTH = 180;
const COLUMN_GAP = 70;
const LINE_HEIGHT = 15;
const NODE_PADDING = 10;
const NODE_GAP = 24;
/** Characters that fit on one line of a node at the font size the serializers use. */
export const LINE_CHARACTERS = 26;
const GROUP_PADDING = 18;
const GROUP_LABEL_SPACE = 22;
const MARGIN = 20;

/**
 * A simple layered layout, deterministic and linear in the size of the graph: each node's column comes
 * from its kind; within a column, nodes inside the VPC are stacked in a band above the nodes of the
 * region around it, in the graph's order, so the VPC's box holds only its own nodes. Group boxes are the
 * boxes of their nodes and inner groups, padded.
 */
export function layoutOf(graph: ArchitectureGraph): Layout {
  const groupsById = new Map(graph.groups.map((group) => [group.id, group]));
  const inVpc = (node: ArchitectureNode): boolean => {
    let id = node.group;
    while (id !== undefined) {
      const group = groupsById.get(id);
      if (group === undefined) return false;
      if (group.kind === 'vpc') return true;
      id = group.parent;
    }
    return false;
  };
  const depthOf = new Map<string, number>();
  for (const group of graph.groups) {
    depthOf.set(group.id, group.parent === undefined ? 0 : (depthOf.get(group.parent) ?? 0) + 1);
  }
  const maxDepth = Math.max(0, ...depthOf.values());
  // Room for the padding of every group around the first column of the cloud and above the first band.
  const outerRoom = (maxDepth + 1) * GROUP_PADDING + GROUP_LABEL_SPACE * (maxDepth + 1);
  const columnX = (column: number): number =>
    MARGIN + column * (NODE_WIDTH + COLUMN_GAP) + (column > 0 ? outerRoom : 0);

  const text = new Map(graph.nodes.map((node) => [node.id, wrap(node.lines)]));
  const heightOf = (node: ArchitectureNode): number =>
    (text.get(node.id)?.length ?? 1) * LINE_HEIGHT + 2 * NODE_PADDING;

  const bands = [
    graph.nodes.filter((node) => inVpc(node) || node.group === undefined),
    graph.nodes.filter((node) => !inVpc(node) && node.group !== undefined),
  ];
  const placed = new Map<string, PlacedNode>();
  let bandTop = MARGIN + outerRoom;
  for (const band of bands) {
    const columnHeight = new Map<number, number>();
    for (const node of band) {
      const column = COLUMN[node.kind];
      const y = bandTop + (columnHeight.get(column) ?? 0);
      const height = heightOf(node);
      placed.set(node.id, {
        node,
        box: { x: columnX(column), y, width: NODE_WIDTH, height },
        text: text.get(node.id) ?? [],
      });
      columnHeight.set(column, (columnHeight.get(column) ?? 0) + height + NODE_GAP);
    }
    const tallest = Math.max(0, ...columnHeight.values());
    // The next band starts below the padding of the groups the last one closes (the subnets and the VPC).
    if (tallest > 0) bandTop += tallest + maxDepth * GROUP_PADDING + GROUP_LABEL_SPACE + NODE_GAP;
  }

  // Inner groups first, so each outer group's box holds the boxes of the groups inside it.
  const boxes = new Map<string, Box>();
  const innermostFirst = [...graph.groups].sort(
    (a, b) => (depthOf.get(b.id) ?? 0) - (depthOf.get(a.id) ?? 0),
  );
  for (const group of innermostFirst) {
    const members = [
      ...graph.nodes.filter((node) => node.group === group.id).map((node) => placed.get(node.id)?.box),
      ...graph.groups.filter((inner) => inner.parent === group.id).map((inner) => boxes.get(inner.id)),
    ].filter((box): box is Box => box !== undefined);
    if (members.length === 0) continue;
    const left = Math.min(...members.map((box) => box.x)) - GROUP_PADDING;
    const top = Math.min(...members.map((box) => box.y)) - GROUP_PADDING - GROUP_LABEL_SPACE;
    const right = Math.max(...members.map((box) => box.x + box.width)) + GROUP_PADDING;
    const bottom = Math.max(...members.map((box) => box.y + box.height)) + GROUP_PADDING;
    boxes.set(group.id, { x: left, y: top, width: right - left, height: bottom - top });
  }
  const nodes = graph.nodes.flatMap((node) => placed.get(node.id) ?? []);
  const groups = graph.groups.flatMap((group) => {
    const box = boxes.get(group.id);
    return box === undefined ? [] : [{ group, box }];
  });
  const allBoxes = [...nodes.map((node) => node.box), ...groups.map((group) => group.box)];
  return {
    width: Math.max(0, ...allBoxes.map((box) => box.x + box.width)) + MARGIN,
    height: Math.max(0, ...allBoxes.map((box) => box.y + box.height)) + MARGIN,
    nodes,
    groups,
  };
}

/** Each line wrapped at spaces to fit a node, a word too long for a line cut where the line ends. */
function wrap(lines: readonly string[]): string[] {
  const wrapped: string[] = [];
  for (const line of lines) {
    let current = '';
    for (const word of line.split(' ')) {
      let rest = word;
      while (rest.length > LINE_CHARACTERS) {
        if (current !== '') wrapped.push(current);
        wrapped.push(rest.slice(0, LINE_CHARACTERS));
        rest = rest.slice(LINE_CHARACTERS);
        current = '';
      }
      const joined = current === '' ? rest : `${current} ${rest}`;
      if (joined.length > LINE_CHARACTERS) {
        wrapped.push(current);
        current = rest;
      } else {
        current = joined;
      }
    }
    wrapped.push(current);
  }
  return wrapped;
}
