import { XMLBuilder } from 'fast-xml-parser';
import type { ArchitectureGraph } from './architecture-graph';
import { EDGE_STYLE, groupStyle, nodeStyle, PLAIN_BOX, styleText } from './drawio-shapes';
import type { Layout } from './layout';

export const DRAWIO_MEDIA_TYPE = 'application/vnd.jgraph.mxfile';

const ICON_SIZE = 40;

/**
 * The graph as a diagrams.net file (an uncompressed mxfile): groups as the AWS palette's group shapes,
 * nodes as its icons with their label beside them, edges as connectors, all at the layout's positions.
 * The XML is built as data by fast-xml-parser's builder, which escapes every attribute. Labels are HTML in diagrams.net
 * (that is how a label has lines), so each line is HTML-escaped before it is joined with <br>.
 */
export function drawioFile(graph: ArchitectureGraph, layout: Layout): string {
  const cells: XmlElement[] = [{ ...attributes({ id: '0' }) }, { ...attributes({ id: '1', parent: '0' }) }];
  for (const { group, box } of layout.groups) {
    cells.push({
      ...attributes({
        id: group.id,
        value: htmlText(group.label),
        style: styleText(groupStyle(group.kind)),
        vertex: 1,
        parent: '1',
      }),
      mxGeometry: attributes({ ...box, as: 'geometry' }),
    });
  }
  for (const { node, box, text } of layout.nodes) {
    const style = nodeStyle(node);
    const value = text.map(htmlText).join('<br>');
    const geometry =
      style === 'plain'
        ? box
        : {
            x: box.x,
            y: box.y + Math.max(0, (box.height - ICON_SIZE) / 2),
            width: ICON_SIZE,
            height: ICON_SIZE,
          };
    cells.push({
      ...attributes({
        id: node.id,
        value,
        style: styleText(style === 'plain' ? PLAIN_BOX : style),
        vertex: 1,
        parent: '1',
      }),
      mxGeometry: attributes({ ...geometry, as: 'geometry' }),
    });
  }
  graph.edges.forEach((edge, index) => {
    cells.push({
      ...attributes({
        id: `edge${index + 1}`,
        value: edge.label === undefined ? '' : htmlText(edge.label),
        style: styleText(EDGE_STYLE),
        edge: 1,
        parent: '1',
        source: edge.from,
        target: edge.to,
      }),
      mxGeometry: attributes({ relative: 1, as: 'geometry' }),
    });
  });
  const document = {
    mxfile: {
      ...attributes({ host: 'Berth', type: 'device' }),
      diagram: {
        ...attributes({ id: 'architecture', name: graph.title }),
        mxGraphModel: {
          ...attributes({
            dx: layout.width,
            dy: layout.height,
            grid: 1,
            gridSize: 10,
            guides: 1,
            tooltips: 1,
            connect: 1,
            arrows: 1,
            fold: 1,
            page: 1,
            pageScale: 1,
            pageWidth: layout.width,
            pageHeight: layout.height,
            math: 0,
            shadow: 0,
          }),
          root: { mxCell: cells },
        },
      },
    },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${XML.build(document)}`;
}

/** An element as fast-xml-parser's builder takes it: attributes under ATTRIBUTE_PREFIX, children by name. */
type XmlElement = Record<string, unknown>;
const ATTRIBUTE_PREFIX = '@_';

/**
 * fast-xml-parser's builder, which escapes &, <, >, " and ' in every attribute value (processEntities)
 * and is several times quicker than a DOM builder for a file built once per answer.
 */
const XML = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

function attributes(values: Record<string, string | number>): XmlElement {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [`${ATTRIBUTE_PREFIX}${name}`, value]),
  );
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text: the five characters HTML reads as markup, as their entities. */
function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ENTITIES[character] ?? character);
}
