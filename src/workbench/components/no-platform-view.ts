import { html, nothing, type TemplateResult } from 'lit';
import type { NoEligiblePlatformProblem } from '../api/berth-client';
import { LightElement } from './light-element';

/** A 422: no platform meets every hard requirement; each platform's blockers. */
export class NoPlatformView extends LightElement {
  static override properties = { problem: { attribute: false } };
  declare problem: NoEligiblePlatformProblem | undefined;

  override render(): TemplateResult | typeof nothing {
    const problem = this.problem;
    if (problem === undefined) return nothing;
    return html`<section aria-labelledby="no-platform-heading" class="answer no-platform">
      <h2 id="no-platform-heading">${problem.title}</h2>
      <p>${problem.detail}</p>
      <h3>Blockers</h3>
      <dl class="blockers">
        ${problem.platforms.map(
          (platform) =>
            html`<dt>${platform.name}</dt>${platform.blockers.map((blocker) => html`<dd>${blocker}</dd>`)}`,
        )}
      </dl>
    </section>`;
  }
}

customElements.define('berth-no-platform', NoPlatformView);
