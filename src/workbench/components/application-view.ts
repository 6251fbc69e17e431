import { html, nothing, type TemplateResult } from 'lit';
import type { ApplicationArchitecture, ApplicationService } from '../api/architecture-client';
import type { BerthClient } from '../api/berth-client';
import { toJsonObject } from '../workload/workload-paths';
import { LightElement } from './light-element';
import { dollars, monthly } from './money';
import './application-overview';
import './diagram-view';
import './starter-files-view';

type CostLine = ApplicationArchitecture['monthlyCost']['lines'][number];

const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A service's own lines of the application's bill (shared lines are counted once, apart). */
function ownCost(architecture: ApplicationArchitecture, name: string): number {
  const total = architecture.monthlyCost.lines
    .filter((line) => line.service === name)
    .reduce((sum, line) => sum + line.monthly, 0);
  return Math.round(total * 100) / 100;
}

/** How the service is reached: its exposure, protocol and port, or what kind of workload it is. */
function exposure(service: ApplicationService): string {
  const workload = service.recommendation.workload;
  if (workload.workloadType !== 'web' || workload.traffic === undefined)
    return `${workload.workloadType}, no port`;
  const port = workload.containerPort === undefined ? '' : ` on ${workload.containerPort}`;
  return `${workload.traffic.exposure ?? ''} ${workload.traffic.protocol ?? ''}${port}`.trim();
}

/** What a service depends on: its connections, then a Compose depends_on that made none. */
function dependencies(architecture: ApplicationArchitecture, name: string): string[] {
  const connected = architecture.connections
    .filter((connection) => connection.from === name)
    .map((connection) => `${connection.to} (${connection.mechanism})`);
  const targets = new Set(
    architecture.connections
      .filter((connection) => connection.from === name)
      .map((connection) => connection.to),
  );
  const ordered = (architecture.imported ?? [])
    .filter((entry) => entry.service === name && entry.field === 'depends_on')
    .flatMap((entry) => entry.value.split(',').map((dependency) => dependency.trim()))
    .filter((dependency) => dependency !== '' && !targets.has(dependency));
  return [...connected, ...ordered];
}

function lineOwner(line: CostLine): string {
  if (line.service !== undefined) return line.service;
  if (line.sharedBy !== undefined) return `shared (${line.sharedAs ?? ''}) by ${line.sharedBy.join(', ')}`;
  return 'the application';
}

/**
 * An application's answer (POST /v1/architectures/from-compose): the bill, the overview, the services, the
 * managed services, the shared ingress, what the file's keys became, warnings and one panel per service.
 * A panel's diagram and starter files are drawn only once it is opened, so a large application does not
 * ask for every service's diagram at once.
 */
export class ApplicationView extends LightElement {
  static override properties = {
    architecture: { attribute: false },
    client: { attribute: false },
    opened: { state: true },
  };
  declare architecture: ApplicationArchitecture | undefined;
  declare client: BerthClient | undefined;
  /** The services whose panel has been opened. */
  declare opened: Set<string>;

  constructor() {
    super();
    this.opened = new Set();
  }

  private onToggle(name: string, event: Event): void {
    if (!(event.target instanceof HTMLDetailsElement) || !event.target.open || this.opened.has(name)) return;
    this.opened = new Set([...this.opened, name]);
  }

  private renderCost(architecture: ApplicationArchitecture): TemplateResult {
    const cost = architecture.monthlyCost;
    return html`<details class="group cost-lines">
      <summary>The bill, line by line (${cost.lines.length} lines)</summary>
      <div class="table-scroll" role="region" aria-label="Monthly cost lines" tabindex="0">
        <table class="cost-lines-table">
          <thead><tr><th scope="col">Item</th><th scope="col">For</th><th scope="col">Quantity</th>
            <th scope="col">Unit price</th><th scope="col">Monthly</th></tr></thead>
          <tbody>
            ${cost.lines.map(
              (line) => html`<tr>
                <th scope="row">${line.item}${line.reason === undefined ? nothing : html`<br /><span class="muted">${line.reason}</span>`}</th>
                <td>${lineOwner(line)}</td>
                <td>${QUANTITY.format(line.quantity)} ${line.unit}</td>
                <td>${dollars(line.unitPrice)}</td>
                <td>${dollars(line.monthly)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot><tr><th scope="row" colspan="4">Total</th><td>${dollars(cost.total)}</td></tr></tfoot>
        </table>
      </div>
    </details>`;
  }

  private renderServices(architecture: ApplicationArchitecture): TemplateResult {
    return html`<h3 id="services-heading">Services</h3>
      <div class="table-scroll" role="region" aria-labelledby="services-heading" tabindex="0">
        <table class="services-table">
          <thead><tr><th scope="col">Service</th><th scope="col">Platform</th><th scope="col">Monthly cost</th>
            <th scope="col">Exposure / port</th><th scope="col">Depends on</th></tr></thead>
          <tbody>
            ${architecture.services.map((service) => {
              const depends = dependencies(architecture, service.name);
              return html`<tr data-service=${service.name}>
                <th scope="row">${service.name}</th>
                <td>${service.recommendation.platform.name}</td>
                <td>${dollars(ownCost(architecture, service.name))}</td>
                <td>${exposure(service)}</td>
                <td>${depends.length === 0 ? '—' : depends.join(', ')}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      <p class="field-help">A service's monthly cost is its own lines of the bill; what services share (the load balancer, the NAT gateway, a cluster) is counted once, in the bill.</p>`;
  }

  private renderManaged(architecture: ApplicationArchitecture): TemplateResult | typeof nothing {
    if (architecture.managedServices.length === 0) return nothing;
    return html`<h3 id="managed-heading">Managed services</h3>
      <div class="table-scroll" role="region" aria-labelledby="managed-heading" tabindex="0">
        <table class="managed-table">
          <thead><tr><th scope="col">Container</th><th scope="col">Image</th><th scope="col">Becomes</th>
            <th scope="col">Why</th><th scope="col">Source</th></tr></thead>
          <tbody>
            ${architecture.managedServices.map(
              (managed) => html`<tr data-service=${managed.service}>
                <th scope="row">${managed.service}</th>
                <td><code>${managed.image}</code></td>
                <td>${managed.replacement.name}</td>
                <td>${managed.reason}</td>
                <td>${
                  /^https:\/\//.test(managed.source)
                    ? html`<a href=${managed.source} rel="noopener noreferrer" target="_blank">AWS documentation<span class="visually-hidden"> for ${managed.replacement.name}</span></a>`
                    : managed.source
                }</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p class="field-help">Each is an unpriced line of the bill: its price depends on the instance class and storage you choose.</p>`;
  }

  private renderIngress(architecture: ApplicationArchitecture): TemplateResult | typeof nothing {
    const { loadBalancers, routes } = architecture.ingress;
    if (loadBalancers.length === 0 && routes.length === 0) return nothing;
    return html`<h3 id="ingress-heading">Shared load balancers</h3>
      ${
        loadBalancers.length === 0
          ? html`<p>None: every service keeps its platform's own endpoint.</p>`
          : html`<ul class="load-balancers">
              ${loadBalancers.map(
                (
                  lb,
                ) => html`<li><strong>${lb.id}</strong>: ${lb.type === 'alb' ? 'Application' : 'Network'} Load
                  Balancer, ${lb.scheme}, for ${lb.service.toUpperCase()}; listeners
                  ${lb.listeners.map((listener) => `${listener.protocol}:${listener.port}`).join(', ')}; serves
                  ${lb.services.join(', ')}.</li>`,
              )}
            </ul>`
      }
      <div class="table-scroll" role="region" aria-label="Routes" tabindex="0">
        <table class="routes-table">
          <thead><tr><th scope="col">Service</th><th scope="col">Load balancer</th><th scope="col">Listener</th>
            <th scope="col">Path (listener rule)</th></tr></thead>
          <tbody>
            ${routes.map(
              (route) => html`<tr><th scope="row">${route.service}</th><td>${route.loadBalancer}</td>
                <td>${route.listener}</td><td>${route.pathPattern ?? '—'}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  private renderMapping(architecture: ApplicationArchitecture): TemplateResult | typeof nothing {
    const imported = architecture.imported;
    const ignored = architecture.ignored;
    if (imported === undefined && ignored === undefined) return nothing;
    return html`<details class="group mapping imported">
        <summary>What the file's keys became (${imported?.length ?? 0})</summary>
        <div class="table-scroll" role="region" aria-label="Imported keys" tabindex="0">
          <table class="imported-table">
            <thead><tr><th scope="col">Service</th><th scope="col">Key</th><th scope="col">Value</th>
              <th scope="col">Meaning in the design</th></tr></thead>
            <tbody>
              ${(imported ?? []).map(
                (entry) => html`<tr><th scope="row">${entry.service}</th><td><code>${entry.field}</code></td>
                  <td><code>${entry.value}</code></td><td>${entry.meaning}</td></tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
      <details class="group mapping ignored" ?open=${(ignored?.length ?? 0) > 0}>
        <summary>What was ignored, and why (${ignored?.length ?? 0})</summary>
        ${
          (ignored?.length ?? 0) === 0
            ? html`<p>Nothing: every key of the file was carried into the design.</p>`
            : html`<div class="table-scroll" role="region" aria-label="Ignored keys" tabindex="0">
                <table class="ignored-table">
                  <thead><tr><th scope="col">Service</th><th scope="col">Key</th><th scope="col">Why</th></tr></thead>
                  <tbody>
                    ${(ignored ?? []).map(
                      (
                        entry,
                      ) => html`<tr><th scope="row">${entry.service === '' ? '(file)' : entry.service}</th>
                        <td><code>${entry.field}</code></td><td>${entry.reason}</td></tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
      </details>`;
  }

  private renderPanel(
    architecture: ApplicationArchitecture,
    service: ApplicationService,
    index: number,
  ): TemplateResult {
    const recommendation = service.recommendation;
    const chosen = recommendation.alternatives.find(
      (alternative) => alternative.platformId === recommendation.platform.id,
    );
    const best = recommendation.alternatives.find((alternative) => alternative.rank === 1);
    const prefix = `service-${index}`;
    const files = architecture.starterConfig.files.filter((file) =>
      file.path.startsWith(`services/${service.name}/`),
    );
    const reaches = architecture.connections.filter((connection) => connection.from === service.name);
    const workload = toJsonObject(recommendation.workload);
    const body = this.opened.has(service.name)
      ? html`<p class="headline-cost">${monthly(recommendation.platform.monthlyCost)}
            <span class="muted">on its own (its own load balancer and VPC); ${dollars(ownCost(architecture, service.name))} of the application's bill</span></p>
          <h4>Why ${recommendation.platform.name}</h4>
          ${
            chosen === undefined || chosen.reasons.length === 0
              ? html`<p>No preference moved the score.</p>`
              : html`<ul class="reasons">${chosen.reasons.map((reason) => html`<li>${reason}</li>`)}</ul>`
          }
          ${
            recommendation.whatWouldChange.length === 0
              ? nothing
              : html`<h4>What would change</h4>
                  <ul>${recommendation.whatWouldChange.map((line) => html`<li>${line}</li>`)}</ul>`
          }
          ${
            reaches.length === 0
              ? nothing
              : html`<h4>Connections</h4>
                  <ul>${reaches.map((connection) => html`<li>${connection.description}</li>`)}</ul>`
          }
          <h4>Warnings</h4>
          ${
            recommendation.warnings.length === 0
              ? html`<p>None.</p>`
              : html`<ul class="warnings">${recommendation.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>`
          }
          ${
            // The diagram is the service's answer alone (GET /v1/recommendations): the same design only when
            // alone it would run on the platform the application runs it on.
            best?.platformId === recommendation.platform.id && workload !== undefined
              ? html`<berth-diagram .client=${this.client} .workload=${workload} .platformName=${recommendation.platform.name}
                  .headingId=${`${prefix}-diagram-heading`}></berth-diagram>`
              : html`<p class="no-diagram">No diagram here: alone, ${service.name} would run on ${best?.name ?? 'another platform'};
                  its design on ${recommendation.platform.name} is drawn in <code>services/${service.name}/architecture.md</code>.</p>`
          }
          <berth-starter-files .files=${files} .headingId=${`${prefix}-files-heading`}
            .heading=${`Starter files of ${service.name}`}></berth-starter-files>`
      : nothing;
    return html`<details class="service-panel" data-service=${service.name}
      @toggle=${(event: Event) => this.onToggle(service.name, event)}>
      <summary><strong>${service.name}</strong> on ${recommendation.platform.name}</summary>
      <div class="service-panel-body">${body}</div>
    </details>`;
  }

  override render(): TemplateResult | typeof nothing {
    const architecture = this.architecture;
    if (architecture === undefined) return nothing;
    const shared = architecture.starterConfig.files.filter((file) => !file.path.startsWith('services/'));
    return html`<section aria-labelledby="application-heading" class="answer application">
      <h2 id="application-heading">Application <span class="application-name">${architecture.name}</span></h2>
      <p class="headline-cost application-cost"><strong>${monthly(architecture.monthlyCost)}</strong>
        <span class="muted">for ${architecture.services.length} service(s)</span></p>
      <ul class="reasons">${architecture.rationale.map((line) => html`<li>${line}</li>`)}</ul>
      ${this.renderCost(architecture)}
      <berth-application-overview .architecture=${architecture}></berth-application-overview>
      ${this.renderServices(architecture)}
      ${this.renderManaged(architecture)}
      ${this.renderIngress(architecture)}
      <h3>Warnings</h3>
      ${
        architecture.warnings.length === 0
          ? html`<p>None.</p>`
          : html`<ul class="warnings application-warnings">${architecture.warnings.map((warning) => html`<li>${warning}</li>`)}</ul>`
      }
      ${this.renderMapping(architecture)}
      <h3>Each service</h3>
      ${architecture.services.map((service, index) => this.renderPanel(architecture, service, index))}
      <berth-starter-files .files=${shared} .headingId=${'application-files-heading'}
        .heading=${'Starter files of the application'}></berth-starter-files>
    </section>`;
  }
}

customElements.define('berth-application', ApplicationView);
