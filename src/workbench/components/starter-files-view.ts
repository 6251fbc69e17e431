import { html, nothing, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { BerthClient, StarterFile } from '../api/berth-client';
import { highlightedHtml, languageOf } from '../starter-files/highlight-file';
import type { JsonObject } from '../workload/workload-paths';
import { LightElement } from './light-element';

/**
 * The starter files, one at a time with syntax highlighting, and the whole set as a zip (`?format=zip`)
 * when a workload is given: an application's files come in its answer, and no zip of them is served.
 */
export class StarterFilesView extends LightElement {
  static override properties = {
    files: { attribute: false },
    client: { attribute: false },
    workload: { attribute: false },
    headingId: { attribute: false },
    heading: { attribute: false },
    selected: { state: true },
    message: { state: true },
  };
  declare files: StarterFile[];
  declare client: BerthClient | undefined;
  declare workload: JsonObject | undefined;
  /** The heading's id, unique on the page: an application shows one set of files per service. */
  declare headingId: string;
  declare heading: string;
  declare selected: string;
  declare message: string;

  constructor() {
    super();
    this.files = [];
    this.headingId = 'files-heading';
    this.heading = 'Starter files';
    this.selected = '';
    this.message = '';
  }

  private async download(): Promise<void> {
    const { client, workload } = this;
    if (client === undefined || workload === undefined) return;
    this.message = 'Preparing the zip…';
    const result = await client.representation(workload, 'zip');
    if (!result.ok) {
      this.message = `The zip could not be made: the server answered ${result.status}.`;
      return;
    }
    const url = URL.createObjectURL(result.blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${typeof workload.name === 'string' ? workload.name : 'app'}-starter.zip`;
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has read the blob once the click's download has started.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.message = 'The zip is downloading.';
  }

  override render(): TemplateResult | typeof nothing {
    if (this.files.length === 0) return nothing;
    const file = this.files.find((candidate) => candidate.path === this.selected) ?? this.files[0];
    if (file === undefined) return nothing;
    const highlighted = highlightedHtml(file.path, file.content);
    return html`<section aria-labelledby=${this.headingId} class="starter-files">
      <h3 id=${this.headingId}>${this.heading}</h3>
      ${
        this.client === undefined || this.workload === undefined
          ? nothing
          : html`<div class="files-actions">
              <button type="button" @click=${() => void this.download()}>Download zip</button>
              <span role="status" class="muted">${this.message}</span>
            </div>`
      }
      <div class="files-layout">
        <nav aria-labelledby=${this.headingId}>
          <ul class="file-list">
            ${this.files.map(
              (candidate) => html`<li><button type="button" class="file-button"
                aria-current=${candidate.path === file.path ? 'true' : 'false'}
                @click=${() => {
                  this.selected = candidate.path;
                }}>${candidate.path}</button></li>`,
            )}
          </ul>
        </nav>
        <figure class="file-view">
          <figcaption>${file.path} <span class="muted">(${languageOf(file.path) ?? 'text'})</span></figcaption>
          <pre tabindex="0" aria-label="Contents of ${file.path}"><code class="hljs">${
            highlighted === undefined ? file.content : unsafeHTML(highlighted)
          }</code></pre>
        </figure>
      </div>
    </section>`;
  }
}

customElements.define('berth-starter-files', StarterFilesView);
