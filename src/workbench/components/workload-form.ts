import { html, nothing, type TemplateResult } from 'lit';
import { controlId, type FieldGroup, type FormField } from '../workload/form-fields';
import { type Json, type JsonObject, valueAt, withValueAt } from '../workload/workload-paths';
import { LightElement } from './light-element';

/** `(required)`, or for a field of a group, `(required in trigger)`: needed only when the group is given. */
function requiredNote(path: string): string {
  const cut = path.lastIndexOf('.');
  return cut < 0 ? '(required)' : `(required in ${path.slice(0, cut)})`;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The workload form, one control per field of the contract's WorkloadRequest, each with its description,
 * allowed values and default. Events: `workload-input` (the edited workload) and `recommend`.
 */
export class WorkloadForm extends LightElement {
  static override properties = {
    groups: { attribute: false },
    workload: { attribute: false },
    errors: { attribute: false },
    busy: { type: Boolean },
    drafts: { state: true },
  };

  declare groups: FieldGroup[];
  declare workload: JsonObject;
  /** A 400 problem's messages, by the path of the field they belong to. */
  declare errors: Map<string, string[]>;
  declare busy: boolean;
  /** The text of JSON fields that does not parse yet, kept so the user can finish typing it. */
  declare drafts: Map<string, string>;

  constructor() {
    super();
    this.groups = [];
    this.workload = {};
    this.errors = new Map();
    this.busy = false;
    this.drafts = new Map();
  }

  private set(path: string, value: Json | undefined): void {
    this.emit('workload-input', withValueAt(this.workload, path, value));
  }

  private onChoice(field: FormField, event: Event): void {
    const index = (event.target as HTMLSelectElement).selectedIndex - 1;
    const value = field.allowed[index];
    this.set(field.path, index < 0 ? undefined : (value as Json));
  }

  private onNumber(field: FormField, event: Event): void {
    const text = (event.target as HTMLInputElement).value.trim();
    this.set(field.path, text === '' ? undefined : Number(text));
  }

  private onText(field: FormField, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.set(field.path, text === '' ? undefined : text);
  }

  private onJson(field: FormField, event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    const drafts = new Map(this.drafts);
    try {
      const value = text.trim() === '' ? undefined : (JSON.parse(text) as Json);
      drafts.delete(field.path);
      this.drafts = drafts;
      this.set(field.path, value);
    } catch {
      drafts.set(field.path, text);
      this.drafts = drafts;
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.emit('recommend', this.workload);
  }

  private control(field: FormField, describedBy: string, invalid: boolean): TemplateResult {
    const id = controlId(field.path);
    const value = valueAt(this.workload, field.path);
    const invalidAttribute = invalid ? 'true' : 'false';
    switch (field.kind) {
      case 'choice':
      case 'boolean': {
        const unset = field.default === undefined ? '(not set)' : `(default: ${shown(field.default)})`;
        return html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${invalidAttribute}
          ?required=${field.required && !field.path.includes('.')} @change=${(event: Event) => this.onChoice(field, event)}>
          <option value="" ?selected=${value === undefined}>${unset}</option>
          ${field.allowed.map(
            (allowed) =>
              html`<option value=${shown(allowed)} ?selected=${value === allowed}>${shown(allowed)}</option>`,
          )}
        </select>`;
      }
      case 'integer':
      case 'number':
        return html`<input id=${id} type="number" inputmode="decimal" step=${field.kind === 'integer' ? '1' : 'any'}
          min=${field.minimum ?? nothing} max=${field.maximum ?? nothing}
          placeholder=${field.default === undefined ? '' : shown(field.default)}
          .value=${typeof value === 'number' ? String(value) : ''} aria-describedby=${describedBy}
          aria-invalid=${invalidAttribute} @change=${(event: Event) => this.onNumber(field, event)} />`;
      case 'text':
        return html`<input id=${id} type="text" spellcheck="false"
          placeholder=${shown(field.default ?? field.example ?? '')}
          .value=${typeof value === 'string' ? value : ''} aria-describedby=${describedBy}
          aria-invalid=${invalidAttribute} @change=${(event: Event) => this.onText(field, event)} />`;
      case 'json':
        return html`<textarea id=${id} rows="3" spellcheck="false"
          placeholder=${field.default === undefined ? '' : JSON.stringify(field.default)}
          .value=${this.drafts.get(field.path) ?? (value === undefined ? '' : JSON.stringify(value, null, 1))}
          aria-describedby=${describedBy} aria-invalid=${invalidAttribute}
          @change=${(event: Event) => this.onJson(field, event)}></textarea>`;
    }
  }

  private field(field: FormField): TemplateResult {
    const id = controlId(field.path);
    const messages = [...(this.errors.get(field.path) ?? [])];
    if (this.drafts.has(field.path)) messages.push('is not valid JSON yet, so it is not sent');
    const facts: string[] = [];
    if (field.kind === 'choice') facts.push(`Allowed: ${field.allowed.map(shown).join(', ')}.`);
    // Most descriptions state their default in words already.
    if (field.default !== undefined && !field.description.includes('Default'))
      facts.push(`Default: ${shown(field.default)}.`);
    if (field.kind === 'json') facts.push('JSON.');
    const describedBy = messages.length > 0 ? `${id}-error ${id}-help` : `${id}-help`;
    return html`<div class="field ${messages.length > 0 ? 'field--invalid' : ''}" data-path=${field.path}>
      <label for=${id}>${field.path}${field.required ? html` <span class="required">${requiredNote(field.path)}</span>` : nothing}</label>
      ${this.control(field, describedBy, messages.length > 0)}
      ${
        messages.length > 0
          ? html`<p class="field-error" id="${id}-error">${messages.map((message) => html`<span>${field.path} ${message}</span>`)}</p>`
          : nothing
      }
      <p class="field-help" id="${id}-help">${field.description} ${facts.join(' ')}</p>
    </div>`;
  }

  override render(): TemplateResult {
    return html`<form @submit=${(event: Event) => this.onSubmit(event)} novalidate aria-label="Workload">
      ${this.groups.map((group) =>
        group.name === ''
          ? html`<fieldset><legend>Workload</legend>${group.fields.map((field) => this.field(field))}</fieldset>`
          : html`<details class="group" ?open=${group.fields.some((field) => valueAt(this.workload, field.path) !== undefined || this.errors.has(field.path))}>
              <summary>${group.name}</summary>
              <fieldset><legend class="visually-hidden">${group.name}</legend>
                <p class="group-help">${group.description}</p>
                ${group.fields.map((field) => this.field(field))}
              </fieldset>
            </details>`,
      )}
      <div class="form-actions">
        <button type="submit" ?disabled=${this.busy}>Recommend</button>
      </div>
    </form>`;
  }
}

customElements.define('berth-workload-form', WorkloadForm);
