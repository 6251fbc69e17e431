import type { Overview, OverviewBox, OverviewNode } from './overview-layout';

const SVG = 'http://www.w3.org/2000/svg';
// SVG text does not wrap; longer lines are cut to the box (about 7.5 and 6 pixels a character at 13 and
// 11 pixels) and given whole in the box's tooltip.
const labelChars = (width: number): number => Math.floor((width - 20) / 7.5);
const detailChars = (width: number): number => Math.floor((width - 20) / 6);

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG, name);
  for (const [attribute, value] of Object.entries(attributes)) created.setAttribute(attribute, String(value));
  return created;
}

/** Text set through textContent, never parsed: a service name cannot become markup. */
function text(x: number, y: number, content: string, className: string): SVGTextElement {
  const created = element('text', { x, y, class: className });
  created.textContent = content;
  return created;
}

function cut(content: string, length: number): string {
  return content.length <= length ? content : `${content.slice(0, length - 1)}…`;
}

function frame(box: OverviewBox, className: string): SVGRectElement {
  return element('rect', {
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    rx: 6,
    class: className,
  });
}

function drawNode(node: OverviewNode): SVGGElement {
  const group = element('g', { class: `overview-node overview-node--${node.kind}` });
  const tooltip = element('title');
  tooltip.textContent = node.detail === '' ? node.label : `${node.label}: ${node.detail}`;
  group.append(
    tooltip,
    frame(node, 'overview-box'),
    text(node.x + 10, node.y + 19, cut(node.label, labelChars(node.width)), 'overview-label'),
    text(node.x + 10, node.y + 36, cut(node.detail, detailChars(node.width)), 'overview-detail'),
  );
  return group;
}

/**
 * The overview as an <svg> built element by element. `titleId` names the <title> the figure is labelled
 * by; the arrowhead's id derives from it, so two overviews on one page would not share markers.
 */
export function overviewSvg(overview: Overview, titleId: string, title: string): SVGSVGElement {
  const svg = element('svg', {
    viewBox: `0 0 ${overview.width} ${overview.height}`,
    width: overview.width,
    height: overview.height,
    role: 'img',
    'aria-labelledby': titleId,
    class: 'overview-svg',
  });
  const heading = element('title', { id: titleId });
  heading.textContent = title;
  const arrowId = `${titleId}-arrow`;
  const marker = element('marker', {
    id: arrowId,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', class: 'overview-arrowhead' }));
  const defs = element('defs');
  defs.append(marker);
  svg.append(heading, defs);

  for (const group of overview.groups) {
    svg.append(
      frame(group, 'overview-group'),
      text(group.x + 10, group.y + 18, cut(group.label, 40), 'overview-group-label'),
    );
  }

  const byId = new Map(overview.nodes.map((node) => [node.id, node]));
  const edgeLayer = element('g', { class: 'overview-edges' });
  let arcs = 0;
  for (const edge of overview.edges) {
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (from === undefined || to === undefined) continue;
    let points: [number, number][];
    const arc = to.x <= from.x + from.width;
    if (!arc) {
      const start: [number, number] = [from.x + from.width, from.y + from.height / 2];
      const end: [number, number] = [to.x, to.y + to.height / 2];
      const middle = (start[0] + end[0]) / 2;
      points = [start, [middle, start[1]], [middle, end[1]], end];
    } else {
      // Two services of the platform column: an arc out to the right of both, wider for each further one
      // so that arcs between the same rows stay apart.
      const bulge = 26 + 8 * (arcs % 4);
      arcs += 1;
      const start: [number, number] = [from.x + from.width, from.y + from.height / 2];
      const end: [number, number] = [to.x + to.width, to.y + to.height / 2];
      points = [start, [start[0] + bulge, start[1]], [end[0] + bulge, end[1]], end];
    }
    const [p0, p1, p2, p3] = points;
    if (p0 === undefined || p1 === undefined || p2 === undefined || p3 === undefined) continue;
    const path = element('path', {
      d: `M${p0[0]},${p0[1]} C${p1[0]},${p1[1]} ${p2[0]},${p2[1]} ${p3[0]},${p3[1]}`,
      class: 'overview-edge',
      'marker-end': `url(#${arrowId})`,
    });
    const edgeTitle = element('title');
    edgeTitle.textContent = `${from.label} → ${to.label}${edge.label === '' ? '' : `: ${edge.label}`}`;
    path.append(edgeTitle);
    edgeLayer.append(path);
    if (edge.label !== '') {
      // The curve's point at t = 1/2.
      const x = (p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8;
      const y = (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8;
      // Beside an arc rather than across it; above a straight edge.
      const label = arc
        ? text(x + 4, y + 4, cut(edge.label, 22), 'overview-edge-label')
        : text(x, y - 4, cut(edge.label, 22), 'overview-edge-label');
      label.setAttribute('text-anchor', arc ? 'start' : 'middle');
      edgeLayer.append(label);
    }
  }
  svg.append(edgeLayer);
  for (const node of overview.nodes) svg.append(drawNode(node));
  return svg;
}
