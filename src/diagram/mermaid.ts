import type { ArchitectureGraph } from './architecture-graph';

export const MERMAID_MEDIA_TYPE = 'text/vnd.mermaid';

/**
 * The graph as a Mermaid flowchart, left to right: each group a subgraph, each node a box, each edge an
 * arrow. Ids are the graph's own; every label is quoted, and every character in it but letters, digits,
 * spaces and a few punctuation marks is written as a Mermaid entity code (#quot;, #60;), so no value
 * from the request (a workload name, an image, a queue or bucket name) can end the string or the label.
 * Lines of a node are separated by <br>, which only Berth writes.
 */
export function mermaidFlowchart(graph: ArchitectureGraph): string {
  const lines = ['flowchart LR'];
  const childGroups = groupedBy(graph.groups, (group) => group.parent);
  const nodesIn = groupedBy(graph.nodes, (node) => node.group);

  const write = (groupId: string | undefined, indent: string): void => {
    for (const node of nodesIn.get(groupId) ?? []) {
      lines.push(`${indent}${node.id}["${node.lines.map(mermaidText).join('<br>')}"]`);
    }
    for (const group of childGroups.get(groupId) ?? []) {
      lines.push(`${indent}subgraph ${group.id}["${mermaidText(group.label)}"]`);
      write(group.id, `${indent}  `);
      lines.push(`${indent}end`);
    }
  };
  write(undefined, '  ');
  for (const edge of graph.edges) {
    const arrow = edge.label === undefined ? '-->' : `-->|"${mermaidText(edge.label)}"|`;
    lines.push(`  ${edge.from} ${arrow} ${edge.to}`);
  }
  return `${lines.join('\n')}\n`;
}

function groupedBy<Item>(items: readonly Item[], key: (item: Item) => string | undefined) {
  const groups = new Map<string | undefined, Item[]>();
  for (const item of items) {
    const members = groups.get(key(item));
    if (members === undefined) groups.set(key(item), [item]);
    else members.push(item);
  }
  return groups;
}

const PLAIN = /^[A-Za-z0-9 .,:/()_-]$/;

/** A label's text with every character Mermaid could read as syntax written as its entity code. */
export function mermaidText(text: string): string {
  let escaped = '';
  for (const character of text) {
    escaped += PLAIN.test(character) ? character : `#${character.codePointAt(0)};`;
  }
  return escaped;
}
