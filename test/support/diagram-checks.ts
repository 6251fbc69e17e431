import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The mxgraph.aws4 names the diagrams may use: each one is in the AWS 4 palette of diagrams.net,
 * https://github.com/jgraph/drawio/blob/003149591ef1a573ae8f5ab518aa81e870ada759/src/main/webapp/js/diagramly/sidebar/Sidebar-AWS4.js
 * (checked by hand against that file; a name not listed here fails the checks until it is checked too).
 */
export const VERIFIED_AWS4_NAMES = new Set([
  'resourceIcon',
  'group',
  'users',
  'queue',
  'rule_3',
  'eventbridge_scheduler',
  'logs',
  'role',
  'ecs_service',
  'container_1',
  'bucket',
  'ecs',
  'eks',
  'fargate',
  'ecr',
  'app_runner',
  'batch',
  'ec2',
  'auto_scaling2',
  'elastic_load_balancing',
  'sqs',
  'elastic_file_system',
  'elastic_block_store',
  'fsx_for_lustre',
  'fsx_for_windows_file_server',
  'storage',
  'group_aws_cloud_alt',
  'group_region',
  'group_vpc2',
  'group_security_group',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'mxCell',
});

interface MxCell {
  id?: string;
  parent?: string;
  style?: string;
  source?: string;
  target?: string;
  vertex?: string;
  edge?: string;
  mxGeometry?: unknown;
}

/** What is wrong with a diagrams.net file: not XML, not an mxGraphModel of linked cells, or unknown shapes. */
export function drawioProblems(content: string): string[] {
  const valid = XMLValidator.validate(content);
  if (valid !== true) return [`not XML: ${valid.err.msg} (line ${valid.err.line})`];
  const document = parser.parse(content) as {
    mxfile?: { diagram?: { mxGraphModel?: { root?: { mxCell?: MxCell[] } } } };
  };
  const cells = document.mxfile?.diagram?.mxGraphModel?.root?.mxCell;
  if (cells === undefined) return ['no mxfile > diagram > mxGraphModel > root > mxCell'];
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const cell of cells) {
    if (cell.id === undefined || ids.has(cell.id)) problems.push(`a cell without a unique id: ${cell.id}`);
    else ids.add(cell.id);
  }
  if (!ids.has('0') || !ids.has('1')) problems.push('no root cells 0 and 1');
  for (const cell of cells) {
    if (cell.parent !== undefined && !ids.has(cell.parent))
      problems.push(`${cell.id}: parent ${cell.parent} is not a cell`);
    if (cell.edge === '1' && (!ids.has(cell.source ?? '') || !ids.has(cell.target ?? ''))) {
      problems.push(`${cell.id}: an edge between cells that do not exist`);
    }
    if ((cell.vertex === '1' || cell.edge === '1') && cell.mxGeometry === undefined) {
      problems.push(`${cell.id}: no geometry`);
    }
    for (const name of (cell.style ?? '').matchAll(/mxgraph\.aws4\.([A-Za-z0-9_]+)/g)) {
      if (!VERIFIED_AWS4_NAMES.has(name[1] ?? ''))
        problems.push(`${cell.id}: mxgraph.aws4.${name[1]} is not a verified shape`);
    }
  }
  return problems;
}

/** What is wrong with an SVG image: not XML, or not an svg element in the SVG namespace. */
export function svgProblems(content: string): string[] {
  const valid = XMLValidator.validate(content);
  if (valid !== true) return [`not XML: ${valid.err.msg} (line ${valid.err.line})`];
  const document = parser.parse(content) as { svg?: { xmlns?: string; title?: unknown } };
  if (document.svg?.xmlns !== 'http://www.w3.org/2000/svg') return ['no svg element in the SVG namespace'];
  if (document.svg.title === undefined) return ['no title'];
  return [];
}

/** The Mermaid text of architecture.md: the one ```mermaid fence, or undefined when it has not exactly one. */
export function mermaidFenceOf(markdown: string): string | undefined {
  const fences = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)];
  return fences.length === 1 ? fences[0]?.[1] : undefined;
}
