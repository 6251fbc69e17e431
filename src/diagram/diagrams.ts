import { type ArchitectureGraph, type ArchitectureSource, architectureGraph } from './architecture-graph';
import { DRAWIO_MEDIA_TYPE, drawioFile } from './drawio';
import { layoutOf } from './layout';
import { MERMAID_MEDIA_TYPE, mermaidFlowchart } from './mermaid';

export type { ArchitectureSource } from './architecture-graph';
export { architectureGraph } from './architecture-graph';

/** The diagram formats of the contract's "Representations of a recommendation". */
export const DIAGRAM_FORMATS = ['mermaid', 'drawio', 'svg'] as const;
export type DiagramFormat = (typeof DIAGRAM_FORMATS)[number];

export const DIAGRAM_MEDIA_TYPES: Record<DiagramFormat, string> = {
  mermaid: MERMAID_MEDIA_TYPE,
  drawio: DRAWIO_MEDIA_TYPE,
  svg: 'image/svg+xml',
};

/** One diagram of a graph; the layout is computed only for the formats that place their shapes. */
export function renderDiagram(graph: ArchitectureGraph, format: DiagramFormat): string {
  switch (format) {
    case 'mermaid':
      return mermaidFlowchart(graph);
    case 'drawio':
      return drawioFile(graph, layoutOf(graph));
    case 'svg':
      // xmlbuilder2 is loaded with the first image asked for: it is a tenth of the server's start-up.
      return (require('./svg') as typeof import('./svg')).svgImage(graph, layoutOf(graph));
  }
}

/** The diagram of an answer in one format: its graph built, then serialized. */
export function architectureDiagram(source: ArchitectureSource, format: DiagramFormat): string {
  return renderDiagram(architectureGraph(source), format);
}
