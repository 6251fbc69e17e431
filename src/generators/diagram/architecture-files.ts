import { answeredCapacity, answeredDesign } from '../../design/design';
import {
  type ArchitectureGraph,
  type ArchitectureSource,
  architectureGraph,
} from '../../diagram/architecture-graph';
import { DRAWIO_MEDIA_TYPE, drawioFile } from '../../diagram/drawio';
import { layoutOf } from '../../diagram/layout';
import { mermaidFlowchart } from '../../diagram/mermaid';
import { markdownFile, withDescription } from '../shared/serialize';
import { type DescribedFile, lazyFile, type StarterConfigInput } from '../shared/starter-file';

/**
 * architecture.md (the Mermaid flowchart, which GitHub and many editors draw) and architecture.drawio
 * (the same diagram with AWS icons, for diagrams.net): one graph of the design, serialized twice. The
 * graph is built from what the answer says (its platform, with the capacity the design chose, and the
 * design's sections), so `?format=mermaid|drawio` draws the same from the answer alone.
 */
export function architectureFiles(input: StarterConfigInput): DescribedFile[] {
  let graph: ArchitectureGraph | undefined;
  // Drawn when a file's content is first read: a summary lists the files without drawing them.
  const drawn = () => {
    graph ??= architectureGraph(architectureSourceOf(input));
    return graph;
  };
  const markdown = lazyFile({ path: 'architecture.md', mediaType: 'text/markdown' }, () => {
    const { title } = drawn();
    return markdownFile('architecture.md', [
      `# Architecture: ${title}`,
      '',
      'Drawn by Berth from the recommendation. The same diagram with AWS icons is `architecture.drawio` (open it in diagrams.net).',
      '',
      '```mermaid',
      mermaidFlowchart(drawn()).trimEnd(),
      '```',
    ]).content;
  });
  return [
    withDescription(markdown, 'the architecture as a Mermaid flowchart'),
    withDescription(
      lazyFile({ path: 'architecture.drawio', mediaType: DRAWIO_MEDIA_TYPE }, () =>
        drawioFile(drawn(), layoutOf(drawn())),
      ),
      'the architecture as a diagrams.net file with AWS icons',
    ),
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
