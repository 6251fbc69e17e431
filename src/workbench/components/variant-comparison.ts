import { html, nothing, type TemplateResult } from 'lit';
import type { Recommendation } from '../api/berth-client';
import { designDifferences } from '../compare/variant-differences';
import { LightElement } from './light-element';
import { monthly } from './money';

/** Two variants side by side: platform, monthly cost, and every design field that differs. */
export class VariantComparison extends LightElement {
  static override properties = { a: { attribute: false }, b: { attribute: false } };
  declare a: Recommendation | undefined;
  declare b: Recommendation | undefined;

  override render(): TemplateResult | typeof nothing {
    const { a, b } = this;
    if (a === undefined || b === undefined) return nothing;
    const differences = designDifferences(a, b);
    return html`<section aria-labelledby="comparison-heading" class="comparison">
      <h3 id="comparison-heading">Variant A and variant B</h3>
      <div class="table-scroll" role="region" aria-labelledby="comparison-heading" tabindex="0">
        <table class="comparison-table">
          <thead><tr><th scope="col">Field</th><th scope="col">Variant A (pinned)</th><th scope="col">Variant B (current)</th></tr></thead>
          <tbody>
            <tr><th scope="row">platform</th><td>${a.platform.name}</td><td>${b.platform.name}</td></tr>
            <tr><th scope="row">monthly cost</th><td>${monthly(a.platform.monthlyCost)}</td><td>${monthly(b.platform.monthlyCost)}</td></tr>
            ${differences.map(
              (difference) => html`<tr class="difference"><th scope="row"><code>${difference.path}</code></th>
                <td>${difference.a ?? '(absent)'}</td><td>${difference.b ?? '(absent)'}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="muted">${differences.length === 0 ? 'The designs are the same.' : `${differences.length} design fields differ.`}</p>
      <button type="button" @click=${() => this.emit('clear-comparison', undefined)}>Stop comparing</button>
    </section>`;
  }
}

customElements.define('berth-comparison', VariantComparison);
