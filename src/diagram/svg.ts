import { create } from 'xmlbuilder2';
import type { ArchitectureGraph, GroupKind, NodeKind } from './architecture-graph';
import type { Box, Layout } from './layout';

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const FONT = 'Helvetica, Arial, sans-serif';
const LINE_HEIGHT = 15;
const TEXT_INSET = 10;

/** Each group's outline, in the colours of the AWS architecture icons' groups. */
const GROUP_COLOURS: Record<GroupKind, { stroke: string; fill: string; text: string; dashed: boolean }> = {
  'aws-cloud': { stroke: '#232F3E', fill: 'none', text: '#232F3E', dashed: false },
  region: { stroke: '#00A4A6', fill: 'none', text: '#147EBA', dashed: true },
  vpc: { stroke: '#8C4FFF', fill: 'none', text: '#8C4FFF', dashed: false },
  'public-subnets': { stroke: '#7AA116', fill: '#F2F6E8', text: '#248814', dashed: false },
  'private-subnets': { stroke: '#00A4A6', fill: '#E6F6F7', text: '#147EBA', dashed: false },
};

/** Each node's accent, by the category of AWS service it stands for. */
const NODE_ACCENT: Record<NodeKind, string> = {
  clients: '#232F3D',
  'load-balancer': '#8C4FFF',
  listener: '#8C4FFF',
  'target-group': '#8C4FFF',
  service: '#ED7100',
  platform: '#ED7100',
  capacity: '#ED7100',
  storage: '#7AA116',
  queue: '#E7157B',
  'dead-letter-queue': '#E7157B',
  schedule: '#E7157B',
  'cron-job': '#ED7100',
  bucket: '#7AA116',
  'event-rule': '#E7157B',
  repository: '#ED7100',
  role: '#DD344C',
  'monitoring-rule': '#E7157B',
  'log-group': '#E7157B',
};

/**
 * The graph as an SVG image at the layout's positions: group outlines, then the edges, then the nodes
 * over them. The XML is built as data by xmlbuilder2, so every label is escaped text.
 */
export function svgImage(graph: ArchitectureGraph, layout: Layout): string {
  const svg = create({ version: '1.0', encoding: 'UTF-8' }).ele(SVG_NAMESPACE, 'svg', {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-labelledby': 'title',
    'font-family': FONT,
    'font-size': 12,
  });
  svg.ele('title', { id: 'title' }).txt(graph.title);
  svg
    .ele('defs')
    .ele('marker', {
      id: 'arrow',
      viewBox: '0 0 10 10',
      refX: 10,
      refY: 5,
      markerWidth: 8,
      markerHeight: 8,
      orient: 'auto-start-reverse',
    })
    .ele('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#545B64' });
  svg.ele('rect', { width: layout.width, height: layout.height, fill: '#FFFFFF' });
  for (const { group, box } of layout.groups) {
    const colours = GROUP_COLOURS[group.kind];
    const outline = svg.ele('g', { class: `group ${group.kind}` });
    outline.ele('rect', {
      ...box,
      rx: 4,
      fill: colours.fill,
      stroke: colours.stroke,
      'stroke-width': 1.5,
      ...(colours.dashed ? { 'stroke-dasharray': '6 4' } : {}),
    });
    outline
      .ele('text', { x: box.x + TEXT_INSET, y: box.y + 16, fill: colours.text, 'font-weight': 'bold' })
      .txt(group.label);
  }
  const boxes = new Map(layout.nodes.map(({ node, box }) => [node.id, box]));
  for (const edge of graph.edges) {
    const from = boxes.get(edge.from);
    const to = boxes.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const [start, end] = endpoints(from, to);
    const line = svg.ele('g', { class: 'edge' });
    line.ele('line', {
      x1: start.x,
      y1: start.y,
      x2: end.x,
      y2: end.y,
      stroke: '#545B64',
      'stroke-width': 1.2,
      'marker-end': 'url(#arrow)',
    });
    if (edge.label !== undefined) {
      line
        .ele('text', {
          x: round((start.x + end.x) / 2),
          y: round((start.y + end.y) / 2 - 4),
          'text-anchor': 'middle',
          'font-size': 10,
          fill: '#545B64',
        })
        .txt(edge.label);
    }
  }
  for (const { node, box, text } of layout.nodes) {
    const shape = svg.ele('g', { class: `node ${node.kind}` });
    shape.ele('rect', { ...box, rx: 6, fill: '#FFFFFF', stroke: NODE_ACCENT[node.kind], 'stroke-width': 2 });
    const label = shape.ele('text', { x: box.x + TEXT_INSET, y: box.y + TEXT_INSET + 11, fill: '#232F3E' });
    text.forEach((line, index) => {
      label
        .ele('tspan', {
          x: box.x + TEXT_INSET,
          ...(index === 0 ? { 'font-weight': 'bold' } : { dy: LINE_HEIGHT }),
        })
        .txt(line);
    });
  }
  return svg.end({ prettyPrint: true }).concat('\n');
}

interface Point {
  x: number;
  y: number;
}

/** Where an edge leaves and enters: the facing sides of two boxes, or top and bottom in one column. */
function endpoints(from: Box, to: Box): [Point, Point] {
  const middleY = (box: Box) => round(box.y + box.height / 2);
  if (to.x > from.x)
    return [
      { x: from.x + from.width, y: middleY(from) },
      { x: to.x, y: middleY(to) },
    ];
  if (to.x < from.x)
    return [
      { x: from.x, y: middleY(from) },
      { x: to.x + to.width, y: middleY(to) },
    ];
  const centreX = round(from.x + from.width / 2);
  return to.y > from.y
    ? [
        { x: centreX, y: from.y + from.height },
        { x: centreX, y: to.y },
      ]
    : [
        { x: centreX, y: from.y },
        { x: centreX, y: to.y + to.height },
      ];
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
