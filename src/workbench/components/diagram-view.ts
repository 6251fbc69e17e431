import { html, type PropertyValues, type TemplateResult } from 'lit';
import type { BerthClient } from '../api/berth-client';
import type { JsonObject } from '../workload/workload-paths';
import { LightElement } from './light-element';

type DiagramState = { kind: 'loading' } | { kind: 'shown'; url: string } | { kind: 'none'; reason: string };

/**
 * The architecture diagram (`?format=svg`), fetched with the API key and shown from a blob URL, since an
 * <img src> cannot send an Authorization header. A server without that format answers 400: "no diagram".
 */
export class DiagramView extends LightElement {
  static override properties = {
    client: { attribute: false },
    workload: { attribute: false },
    platformName: { attribute: false },
    headingId: { attribute: false },
    diagram: { state: true },
  };
  declare client: BerthClient | undefined;
  declare workload: JsonObject | undefined;
  declare platformName: string;
  /** The heading's id, unique on the page: an application shows one diagram per service. */
  declare headingId: string;
  declare diagram: DiagramState;
  private request = 0;

  constructor() {
    super();
    this.platformName = '';
    this.headingId = 'diagram-heading';
    this.diagram = { kind: 'loading' };
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('workload') || changed.has('client')) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
  }

  private release(): void {
    if (this.diagram.kind === 'shown') URL.revokeObjectURL(this.diagram.url);
  }

  private async load(): Promise<void> {
    const { client, workload } = this;
    if (client === undefined || workload === undefined) return;
    this.request += 1;
    const request = this.request;
    this.release();
    this.diagram = { kind: 'loading' };
    let next: DiagramState;
    try {
      const result = await client.representation(workload, 'svg');
      next = result.ok
        ? { kind: 'shown', url: URL.createObjectURL(result.blob) }
        : {
            kind: 'none',
            reason:
              result.status === 400
                ? 'This server draws no diagram for this answer.'
                : `The server answered ${result.status}${result.problem === undefined ? '' : `: ${result.problem.title}`}.`,
          };
    } catch (error) {
      next = { kind: 'none', reason: `The diagram could not be fetched (${String(error)}).` };
    }
    // A newer answer may have been asked for meanwhile; only the latest one's diagram is shown.
    if (request !== this.request) {
      if (next.kind === 'shown') URL.revokeObjectURL(next.url);
      return;
    }
    this.diagram = next;
  }

  override render(): TemplateResult {
    const diagram = this.diagram;
    return html`<section aria-labelledby=${this.headingId} class="diagram">
      <h3 id=${this.headingId}>Architecture</h3>
      ${
        diagram.kind === 'loading'
          ? html`<p class="muted">Drawing the diagram…</p>`
          : diagram.kind === 'shown'
            ? html`<img class="diagram-image" src=${diagram.url} alt="Architecture diagram of the design on ${this.platformName}" />`
            : html`<p class="no-diagram">No diagram. ${diagram.reason}</p>`
      }
    </section>`;
  }
}

customElements.define('berth-diagram', DiagramView);
