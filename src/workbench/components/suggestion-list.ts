import { html, nothing, type TemplateResult } from 'lit';
import type { Suggestion } from '../api/berth-client';
import { LightElement } from './light-element';

function shown(value: unknown): string {
  return value === undefined ? '(not set)' : JSON.stringify(value);
}

/** "What would change" as changes to try: each suggestion's changes, with a "Try it" that sends `try-suggestion`. */
export class SuggestionList extends LightElement {
  static override properties = { suggestions: { attribute: false }, busy: { type: Boolean } };
  declare suggestions: Suggestion[];
  declare busy: boolean;

  constructor() {
    super();
    this.suggestions = [];
    this.busy = false;
  }

  override render(): TemplateResult | typeof nothing {
    if (this.suggestions.length === 0) return nothing;
    return html`<section aria-labelledby="suggestions-heading" class="suggestions">
      <h3 id="suggestions-heading">Changes to try</h3>
      <ol>
        ${this.suggestions.map(
          (suggestion) => html`<li class="suggestion" data-platform=${suggestion.platformId}>
            <p>${suggestion.description}</p>
            <ul class="changes">
              ${suggestion.changes.map(
                (change) =>
                  html`<li><code>${change.path}</code>: ${shown(change.from)} → <strong>${shown(change.to)}</strong></li>`,
              )}
            </ul>
            <button type="button" ?disabled=${this.busy} aria-label="Try it: ${suggestion.description}"
              @click=${() => this.emit('try-suggestion', suggestion)}>Try it</button>
          </li>`,
        )}
      </ol>
    </section>`;
  }
}

customElements.define('berth-suggestions', SuggestionList);
