import { html, nothing, type TemplateResult } from 'lit';
import type { ComposeError, ComposeRequest } from '../api/architecture-client';
import { parseProfiles, parseVariables, type VariableLineError } from '../application/compose-inputs';
import { LightElement } from './light-element';

/** What the user has typed in the Compose form; the workbench keeps it while the other view is shown. */
export interface ComposeDraft {
  compose: string;
  variables: string;
  profiles: string;
}

export const EMPTY_DRAFT: ComposeDraft = { compose: '', variables: '', profiles: '' };

/** Where a problem is in the file, as the list under the textarea says it. */
function whereOf(error: ComposeError): string {
  const path = error.path === '' ? 'the file' : error.path;
  return error.line === undefined ? path : `${path} (line ${error.line})`;
}

/**
 * The Compose form: the file pasted or uploaded (read in the browser, never sent to be read), the
 * variables for `${NAME}` and the profiles to activate. Events: `compose-input` (the edited draft) and
 * `design` (the request to send). A 400's problems are listed under the file, each with its path and line;
 * the line's button puts the cursor on that line.
 */
export class ComposeForm extends LightElement {
  static override properties = {
    draft: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    variableErrors: { state: true },
    fileMessage: { state: true },
  };
  declare draft: ComposeDraft;
  /** A 400's problems in the file. */
  declare errors: ComposeError[];
  declare busy: boolean;
  declare variableErrors: VariableLineError[];
  declare fileMessage: string;

  constructor() {
    super();
    this.draft = EMPTY_DRAFT;
    this.errors = [];
    this.busy = false;
    this.variableErrors = [];
    this.fileMessage = '';
  }

  private edit(change: Partial<ComposeDraft>): void {
    this.emit('compose-input', { ...this.draft, ...change });
  }

  private onFile(event: Event): void {
    const input = event.target;
    if (!(input instanceof HTMLInputElement)) return;
    const file = input.files?.[0];
    if (file === undefined) return;
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      if (typeof reader.result !== 'string') return;
      this.fileMessage = `Read ${file.name} (${file.size} bytes).`;
      this.edit({ compose: reader.result });
    });
    reader.addEventListener('error', () => {
      this.fileMessage = `${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}.`;
    });
    reader.readAsText(file);
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const variables = parseVariables(this.draft.variables);
    if (!variables.ok) {
      this.variableErrors = variables.errors;
      return;
    }
    this.variableErrors = [];
    const profiles = parseProfiles(this.draft.profiles);
    const request: ComposeRequest = { compose: this.draft.compose };
    if (Object.keys(variables.variables).length > 0) request.variables = variables.variables;
    if (profiles.length > 0) request.profiles = profiles;
    this.emit('design', request);
  }

  /** Selects the line in the textarea, so the user lands on the problem. */
  private goToLine(line: number): void {
    const textarea = this.querySelector<HTMLTextAreaElement>('#compose-file');
    if (textarea === null) return;
    const lines = textarea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((offset, text) => offset + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }

  private renderErrors(): TemplateResult | typeof nothing {
    if (this.errors.length === 0) return nothing;
    return html`<div class="field-error compose-errors" id="compose-file-error" role="alert">
      <p>Berth could not read the file: ${this.errors.length} problem(s).</p>
      <ul>
        ${this.errors.map(
          (error) => html`<li><code class="error-path">${whereOf(error)}</code> ${error.message}
            ${
              error.line === undefined
                ? nothing
                : html`<button type="button" class="link-button" @click=${() => this.goToLine(error.line ?? 1)}
                   >Go to line ${error.line}</button>`
            }</li>`,
        )}
      </ul>
    </div>`;
  }

  override render(): TemplateResult {
    const invalid = this.errors.length > 0;
    const variablesInvalid = this.variableErrors.length > 0;
    return html`<form @submit=${(event: Event) => this.onSubmit(event)} novalidate>
      <fieldset>
        <legend>Compose</legend>
        <div class="field ${invalid ? 'field--invalid' : ''}">
          <label for="compose-file">Compose file</label>
          <textarea id="compose-file" rows="16" spellcheck="false" .value=${this.draft.compose}
            placeholder=${'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]'}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid ? 'compose-file-error compose-file-help' : 'compose-file-help'}
            @input=${(event: Event) => {
              if (event.target instanceof HTMLTextAreaElement) this.edit({ compose: event.target.value });
            }}></textarea>
          ${this.renderErrors()}
          <p class="field-help" id="compose-file-help">A compose.yaml as Docker Compose reads it. It is sent as text; <code>environment</code> values never appear in the answer.</p>
        </div>
        <div class="field">
          <label for="compose-upload">Or upload a Compose file</label>
          <input id="compose-upload" type="file" accept=".yaml,.yml,application/yaml,text/yaml,text/plain"
            aria-describedby="compose-upload-help" @change=${(event: Event) => this.onFile(event)} />
          <p class="field-help" id="compose-upload-help" role="status">${this.fileMessage === '' ? 'Read in the browser into the field above.' : this.fileMessage}</p>
        </div>
        <details class="group" ?open=${this.draft.variables !== '' || variablesInvalid}>
          <summary>Variables and profiles</summary>
          <div class="field ${variablesInvalid ? 'field--invalid' : ''}">
            <label for="compose-variables">Variables</label>
            <textarea id="compose-variables" rows="4" spellcheck="false" .value=${this.draft.variables}
              placeholder="TAG=1.27" aria-invalid=${variablesInvalid ? 'true' : 'false'}
              aria-describedby=${variablesInvalid ? 'compose-variables-error compose-variables-help' : 'compose-variables-help'}
              @input=${(event: Event) => {
                if (event.target instanceof HTMLTextAreaElement) this.edit({ variables: event.target.value });
              }}></textarea>
            ${
              variablesInvalid
                ? html`<p class="field-error" id="compose-variables-error">${this.variableErrors.map(
                    (error) => html`<span>Line ${error.line} ${error.message}</span>`,
                  )}</p>`
                : nothing
            }
            <p class="field-help" id="compose-variables-help">One <code>NAME=value</code> a line, for <code>\${NAME}</code> in the file. Berth reads no environment of its own: an unset variable is an error.</p>
          </div>
          <div class="field">
            <label for="compose-profiles">Profiles</label>
            <input id="compose-profiles" type="text" spellcheck="false" .value=${this.draft.profiles}
              placeholder="debug, jobs" aria-describedby="compose-profiles-help"
              @input=${(event: Event) => {
                if (event.target instanceof HTMLInputElement) this.edit({ profiles: event.target.value });
              }} />
            <p class="field-help" id="compose-profiles-help">The Compose profiles to activate, separated by commas or spaces. Services of other profiles are left out.</p>
          </div>
        </details>
      </fieldset>
      <div class="form-actions">
        <button type="submit" ?disabled=${this.busy || this.draft.compose.trim() === ''}>Design</button>
      </div>
    </form>`;
  }
}

customElements.define('berth-compose-form', ComposeForm);
