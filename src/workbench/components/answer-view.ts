import { html, nothing, type TemplateResult } from 'lit';
import type { Recommendation } from '../api/berth-client';
import { LightElement } from './light-element';
import { dollars, monthly } from './money';

/** The answer's headline: the platform, its monthly cost and the reasons that decided it; warnings; every alternative. */
export class AnswerView extends LightElement {
  static override properties = { answer: { attribute: false } };
  declare answer: Recommendation | undefined;

  override render(): TemplateResult | typeof nothing {
    const answer = this.answer;
    if (answer === undefined) return nothing;
    const chosen = answer.alternatives.find((alternative) => alternative.rank === 1);
    return html`<section aria-labelledby="answer-heading" class="answer">
      <h2 id="answer-heading">Run it on <span class="platform-name">${answer.platform.name}</span></h2>
      <p class="headline-cost"><strong>${monthly(answer.platform.monthlyCost)}</strong>
        <span class="muted">(${answer.platform.id}, score ${chosen?.score ?? '—'})</span></p>
      <p>${answer.platform.summary}</p>
      <h3>Why this platform</h3>
      ${
        chosen === undefined || chosen.reasons.length === 0
          ? html`<p>No preference moved the score; it is the best of the eligible platforms.</p>`
          : html`<ul class="reasons">${chosen.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
      }
      ${
        answer.whatWouldChange.length > 0
          ? html`<h3>What would change</h3>
              <ul class="what-would-change">${answer.whatWouldChange.map((line) => html`<li>${line}</li>`)}</ul>`
          : nothing
      }
      <h3>Warnings</h3>
      ${
        answer.warnings.length === 0
          ? html`<p>None.</p>`
          : html`<ul class="warnings">${answer.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>`
      }
      <h3 id="alternatives-heading">Every platform</h3>
      <div class="table-scroll" role="region" aria-labelledby="alternatives-heading" tabindex="0">
        <table class="alternatives">
          <thead><tr><th scope="col">Rank</th><th scope="col">Platform</th><th scope="col">Score</th>
            <th scope="col">Monthly cost</th><th scope="col">Blockers</th></tr></thead>
          <tbody>
            ${answer.alternatives.map(
              (alternative) => html`<tr class=${alternative.eligible ? '' : 'blocked'}>
                <td>${alternative.rank}</td>
                <th scope="row">${alternative.name}</th>
                <td>${alternative.score}</td>
                <td>${dollars(alternative.monthlyCost?.total)}</td>
                <td>${
                  alternative.blockers.length === 0
                    ? '—'
                    : html`<ul>${alternative.blockers.map((blocker) => html`<li>${blocker}</li>`)}</ul>`
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

customElements.define('berth-answer', AnswerView);
