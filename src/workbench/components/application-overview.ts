import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ApplicationArchitecture } from '../api/architecture-client';
import { overviewOf } from '../application/overview-layout';
import { overviewSvg } from '../application/overview-svg';
import { LightElement } from './light-element';

/**
 * The whole application drawn from its answer (overview-layout.ts says why the workbench draws it): the
 * <svg> is built once per answer with DOM APIs and handed to Lit as a node.
 */
export class ApplicationOverview extends LightElement {
  static override properties = { architecture: { attribute: false } };
  declare architecture: ApplicationArchitecture | undefined;
  private drawing: SVGSVGElement | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('architecture')) return;
    const architecture = this.architecture;
    this.drawing =
      architecture === undefined
        ? undefined
        : overviewSvg(
            overviewOf(architecture),
            'overview-title',
            `Overview of the application ${architecture.name}`,
          );
  }

  override render(): TemplateResult | typeof nothing {
    const architecture = this.architecture;
    if (architecture === undefined || this.drawing === undefined) return nothing;
    const platforms = new Set(architecture.services.map((service) => service.recommendation.platform.name));
    return html`<section aria-labelledby="overview-heading" class="overview">
      <h3 id="overview-heading">Overview</h3>
      <figure class="overview-figure">
        <div class="overview-scroll" role="region" aria-labelledby="overview-heading" tabindex="0">${this.drawing}</div>
        <figcaption class="muted">
          ${architecture.services.length} service(s) on ${[...platforms].join(', ')}${
            architecture.ingress.loadBalancers.length === 0
              ? ''
              : `, behind ${architecture.ingress.loadBalancers.length} shared load balancer(s)`
          }${
            architecture.managedServices.length === 0
              ? ''
              : `; ${architecture.managedServices.length} container(s) replaced by managed services`
          }. Drawn in the browser from the answer; each service's own diagram is in its panel below.
        </figcaption>
      </figure>
    </section>`;
  }
}

customElements.define('berth-application-overview', ApplicationOverview);
