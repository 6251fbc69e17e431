import { answeredCapacity, answeredDesign } from '../../design/design';
import { type ArchitectureSource, architectureGraph } from '../../diagram/architecture-graph';
import { DRAWIO_MEDIA_TYPE, drawioFile } from '../../diagram/drawio';
import { layoutOf } from '../../diagram/layout';
import { mermaidFlowchart } from '../../diagram/mermaid';
import { markdownFile } from '../shared/serialize';
import type { DescribedFile, StarterConfigInput } from '../shared/starter-file';

/**
 * architecture.md (the Mermaid flowchart, which GitHub and many editors draw) and architecture.drawio
 * (the same diagram with AWS icons, for diagrams.net): one graph of the design, serialized twice. The
 * graph is built from what the answer says (its platform, with the capacity the design chose, and the
 * design's sections), so `?format=mermaid|drawio` draws the same from the answer alone.
 */
export function architectureFiles(input: StarterConfigInput): DescribedFile[] {
  const graph = architectureGraph(architectureSourceOf(input));
  const markdown = markdownFile('architecture.md', [
    `# Architecture: ${graph.title}`,
    '',
    'Drawn by Berth from the recommendation. The same diagram with AWS icons is `architecture.drawio` (open it in diagrams.net).',
    '',
    '```mermaid',
    mermaidFlowchart(graph).trimEnd(),
    '```',
  ]);
  return [
    { ...markdown, description: 'the architecture as a Mermaid flowchart' },
    {
      path: 'architecture.drawio',
      mediaType: DRAWIO_MEDIA_TYPE,
      content: drawioFile(graph, layoutOf(graph)),
      description: 'the architecture as a diagrams.net file with AWS icons',
    },
  ];
}

/** What the answer will say of the design: its platform, with the capacity the design chose, and the design's sections. */
export function architectureSourceOf({ workload, platform, design }: StarterConfigInput): ArchitectureSource {
  return {
    workload,
    platform: {
      id: platform.id,
      service: platform.service,
      name: platform.name,
      capacity: answeredCapacity(platform, design),
    },
    ...answeredDesign(design),
  };
}
