import { html, nothing, type TemplateResult } from 'lit';
import { type ArchitectureOutcome, type ComposeRequest, designFromCompose } from '../api/architecture-client';
import { fromBase64Url } from '../api/base64url';
import {
  BerthClient,
  encodeWorkload,
  type Outcome,
  type Recommendation,
  type Suggestion,
} from '../api/berth-client';
import {
  type FieldGroup,
  fieldForErrorPath,
  type OpenApiDocumentJson,
  workloadFieldGroups,
} from '../workload/form-fields';
import { type JsonObject, withChanges } from '../workload/workload-paths';
import { type ComposeDraft, EMPTY_DRAFT } from './compose-form';
import { LightElement } from './light-element';
import './application-view';
import './compose-form';
import './workload-form';
import './answer-view';
import './no-platform-view';
import './suggestion-list';
import './diagram-view';
import './starter-files-view';
import './variant-comparison';

const API_KEY_STORAGE = 'berth-api-key';
const FIRST_WORKLOAD: JsonObject = { name: 'orders-api', workloadType: 'web' };

/** The two views: one workload (the form), or an application from its Compose file. */
type View = 'workload' | 'compose';
const COMPOSE_HASH = '#compose';

/** The view the URL names: `#compose` for the application; anything else is the one-workload form. */
function viewFromUrl(): View {
  return location.hash === COMPOSE_HASH ? 'compose' : 'workload';
}

/** The workload a shared URL carries (`?workload=<base64url>`, as the API's GET form takes it). */
function workloadFromUrl(): JsonObject | undefined {
  const encoded = new URLSearchParams(location.search).get('workload');
  if (encoded === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(encoded));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as JsonObject)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The architect's workbench: the form, the answer and everything around it. It holds the state (the
 * workload, the API key, the latest outcome, a pinned variant) and asks Berth's HTTP API for each answer.
 */
export class BerthWorkbench extends LightElement {
  static override properties = {
    groups: { state: true },
    workload: { state: true },
    apiKey: { state: true },
    outcome: { state: true },
    answered: { state: true },
    pinned: { state: true },
    busy: { state: true },
    notice: { state: true },
    view: { state: true },
    composeDraft: { state: true },
    composeOutcome: { state: true },
    composeBusy: { state: true },
    composeNotice: { state: true },
  };
  declare groups: FieldGroup[];
  declare workload: JsonObject;
  declare apiKey: string;
  declare outcome: Outcome | undefined;
  /** The workload the outcome answers (the form may have changed since). */
  declare answered: JsonObject | undefined;
  declare pinned: Recommendation | undefined;
  declare busy: boolean;
  declare notice: string;
  declare view: View;
  /** The Compose form's text, kept while the other view is shown. */
  declare composeDraft: ComposeDraft;
  declare composeOutcome: ArchitectureOutcome | undefined;
  declare composeBusy: boolean;
  declare composeNotice: string;
  private readonly client = new BerthClient(() => this.apiKey);

  constructor() {
    super();
    this.groups = [];
    this.workload = workloadFromUrl() ?? FIRST_WORKLOAD;
    this.apiKey = sessionStorage.getItem(API_KEY_STORAGE) ?? '';
    this.outcome = undefined;
    this.answered = undefined;
    this.pinned = undefined;
    this.busy = false;
    this.notice = '';
    this.view = viewFromUrl();
    this.composeDraft = EMPTY_DRAFT;
    this.composeOutcome = undefined;
    this.composeBusy = false;
    this.composeNotice = '';
  }

  private readonly onHashChange = (): void => {
    this.view = viewFromUrl();
  };

  /** Back and forward move between the answers of this visit, each URL carrying its workload. */
  private readonly onPopState = (): void => {
    this.view = viewFromUrl();
    const workload = workloadFromUrl();
    // Switching views changes only the hash, which fires popstate too: the workload answered stays.
    if (workload === undefined || this.view === 'compose') return;
    if (this.answered !== undefined && encodeWorkload(workload) === encodeWorkload(this.answered)) return;
    this.workload = workload;
    void this.recommend(workload);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    window.addEventListener('hashchange', this.onHashChange);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    window.removeEventListener('hashchange', this.onHashChange);
  }

  private async start(): Promise<void> {
    try {
      this.groups = workloadFieldGroups((await this.client.contract()) as OpenApiDocumentJson);
    } catch (error) {
      this.notice = `The form could not be built from the contract: ${String(error)}`;
      return;
    }
    if (workloadFromUrl() !== undefined) await this.recommend(this.workload);
  }

  private async recommend(workload: JsonObject): Promise<void> {
    this.busy = true;
    this.notice = 'Asking Berth…';
    try {
      this.outcome = await this.client.recommend(workload);
      this.answered = workload;
      this.notice = this.describe(this.outcome);
      const url = `${location.pathname}?workload=${encodeWorkload(workload)}`;
      if (`${location.pathname}${location.search}` !== url) history.pushState(null, '', url);
    } catch (error) {
      this.notice = `Berth could not be reached: ${String(error)}`;
    } finally {
      this.busy = false;
    }
  }

  private describe(outcome: Outcome): string {
    switch (outcome.kind) {
      case 'answer':
        return `Answered: ${outcome.answer.platform.name}.`;
      case 'no-platform':
        return 'No platform meets every hard requirement.';
      case 'invalid':
        return `The workload is not valid: ${outcome.problem.errors.length} problem(s), shown at their fields.`;
      case 'problem':
        return `${outcome.problem.status} ${outcome.problem.title}: ${outcome.problem.detail}`;
    }
  }

  private async design(request: ComposeRequest): Promise<void> {
    this.composeBusy = true;
    this.composeNotice = 'Asking Berth…';
    try {
      this.composeOutcome = await designFromCompose(request, this.apiKey);
      this.composeNotice = this.describeDesign(this.composeOutcome);
    } catch (error) {
      // fetch rejects only when no answer came back at all (the server is down, the network is gone).
      this.composeOutcome = undefined;
      this.composeNotice = `Berth could not be reached: ${String(error)}`;
    } finally {
      this.composeBusy = false;
    }
  }

  private describeDesign(outcome: ArchitectureOutcome): string {
    switch (outcome.kind) {
      case 'architecture':
        return `Designed: ${outcome.architecture.services.length} service(s), ${outcome.architecture.managedServices.length} managed service(s).`;
      case 'no-platform':
        return `No platform can run ${outcome.problem.service ?? 'one of the services'}.`;
      case 'invalid':
        return `The file is not valid: ${outcome.problem.errors.length} problem(s), listed under the file.`;
      case 'problem':
        return `${outcome.problem.status} ${outcome.problem.title}${outcome.problem.detail === '' ? '' : `: ${outcome.problem.detail}`}`;
    }
  }

  private renderDesign(): TemplateResult | typeof nothing {
    const outcome = this.composeOutcome;
    if (outcome === undefined)
      return html`<p class="muted">Paste or upload a Compose file and choose <strong>Design</strong>.</p>`;
    switch (outcome.kind) {
      case 'architecture':
        return html`<berth-application .architecture=${outcome.architecture} .client=${this.client}></berth-application>`;
      case 'no-platform':
        return html`<berth-no-platform .problem=${outcome.problem}></berth-no-platform>`;
      case 'invalid':
        return nothing;
      case 'problem':
        return html`<section class="problem" aria-labelledby="compose-problem-heading"><h2 id="compose-problem-heading">${outcome.problem.title}</h2>
          <p>${outcome.problem.detail}</p></section>`;
    }
  }

  private renderViews(): TemplateResult {
    const link = (view: View, href: string, label: string) =>
      html`<a class="view-link" href=${href} aria-current=${this.view === view ? 'page' : 'false'}>${label}</a>`;
    return html`<nav class="views" aria-label="Views">
      ${link('workload', '#workload', 'One workload')}
      ${link('compose', COMPOSE_HASH, 'Application (Compose)')}
    </nav>`;
  }

  private renderCompose(): TemplateResult {
    const errors = this.composeOutcome?.kind === 'invalid' ? this.composeOutcome.problem.errors : [];
    return html`<main class="layout layout--compose">
      <section class="form-column" aria-labelledby="compose-heading">
        <h2 id="compose-heading">Application</h2>
        <berth-compose-form .draft=${this.composeDraft} .errors=${errors} ?busy=${this.composeBusy}
          @compose-input=${(event: CustomEvent<ComposeDraft>) => {
            this.composeDraft = event.detail;
          }}
          @design=${(event: CustomEvent<ComposeRequest>) => void this.design(event.detail)}></berth-compose-form>
      </section>
      <section class="answer-column" aria-label="Design">
        <p role="status" class="notice">${this.composeNotice}</p>
        ${this.renderDesign()}
      </section>
    </main>`;
  }

  private async trySuggestion(suggestion: Suggestion): Promise<void> {
    // The answer before the change is kept as variant A, so the comparison shows what the change did.
    if (this.outcome?.kind === 'answer') this.pinned = this.outcome.answer;
    this.workload = withChanges(this.workload, suggestion.changes);
    await this.recommend(this.workload);
  }

  private onApiKey(event: Event): void {
    this.apiKey = (event.target as HTMLInputElement).value;
    if (this.apiKey === '') sessionStorage.removeItem(API_KEY_STORAGE);
    else sessionStorage.setItem(API_KEY_STORAGE, this.apiKey);
  }

  /** A 400 problem's messages by the form field each names; those naming no field go above the form. */
  private fieldErrors(): { byField: Map<string, string[]>; elsewhere: string[] } {
    const byField = new Map<string, string[]>();
    const elsewhere: string[] = [];
    if (this.outcome?.kind !== 'invalid') return { byField, elsewhere };
    const fields = this.groups.flatMap((group) => group.fields);
    for (const error of this.outcome.problem.errors) {
      const field = fieldForErrorPath(fields, error.path);
      const allowed =
        error.allowed === undefined
          ? ''
          : ` (allowed: ${error.allowed.map((value) => JSON.stringify(value)).join(', ')})`;
      if (field === undefined)
        elsewhere.push(`${error.path === '' ? 'the workload' : error.path} ${error.message}${allowed}`);
      else {
        const suffix = error.path === field.path ? '' : ` (at ${error.path})`;
        byField.set(field.path, [...(byField.get(field.path) ?? []), `${error.message}${allowed}${suffix}`]);
      }
    }
    return { byField, elsewhere };
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const outcome = this.outcome;
    if (outcome === undefined || this.answered === undefined) {
      return html`<p class="muted">Describe the workload and choose <strong>Recommend</strong>.</p>`;
    }
    if (outcome.kind === 'answer') {
      const answer = outcome.answer;
      const shareUrl = `${location.origin}${location.pathname}?workload=${encodeWorkload(this.answered)}`;
      return html`
        <berth-answer .answer=${answer}></berth-answer>
        <berth-suggestions .suggestions=${answer.suggestions ?? []} ?busy=${this.busy}
          @try-suggestion=${(event: CustomEvent<Suggestion>) => void this.trySuggestion(event.detail)}></berth-suggestions>
        <div class="share">
          <label for="share-url">Link to this answer</label>
          <input id="share-url" type="url" readonly .value=${shareUrl} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} />
          <button type="button" @click=${() => {
            this.pinned = answer;
          }}>Pin as variant A</button>
        </div>
        <berth-comparison .a=${this.pinned} .b=${this.pinned === answer ? undefined : answer}
          @clear-comparison=${() => {
            this.pinned = undefined;
          }}></berth-comparison>
        <berth-diagram .client=${this.client} .workload=${this.answered} .platformName=${answer.platform.name}></berth-diagram>
        <berth-starter-files .files=${answer.starterConfig.files} .client=${this.client} .workload=${this.answered}></berth-starter-files>`;
    }
    if (outcome.kind === 'no-platform') {
      return html`<berth-no-platform .problem=${outcome.problem}></berth-no-platform>
        <berth-suggestions .suggestions=${outcome.problem.suggestions} ?busy=${this.busy}
          @try-suggestion=${(event: CustomEvent<Suggestion>) => void this.trySuggestion(event.detail)}></berth-suggestions>`;
    }
    if (outcome.kind === 'problem') {
      return html`<section class="problem" aria-labelledby="problem-heading"><h2 id="problem-heading">${outcome.problem.title}</h2>
        <p>${outcome.problem.detail}</p></section>`;
    }
    return nothing;
  }

  override render(): TemplateResult {
    const { byField, elsewhere } = this.fieldErrors();
    return html`<header class="masthead">
        <h1>Berth <span class="muted">workbench</span></h1>
        <p class="tagline">Describe a container workload, or a whole application by its Compose file; see where on AWS it should run, why, what it costs and how to start.</p>
        <div class="api-key">
          <label for="api-key">API key</label>
          <input id="api-key" type="password" autocomplete="off" spellcheck="false" .value=${this.apiKey}
            aria-describedby="api-key-help" @change=${(event: Event) => this.onApiKey(event)} />
          <p id="api-key-help" class="field-help">Sent as <code>Authorization: Bearer</code>; only needed when the server has API keys. Kept for this tab only.</p>
        </div>
      </header>
      ${this.renderViews()}
      ${this.view === 'compose' ? this.renderCompose() : this.renderWorkload(byField, elsewhere)}
      <footer class="footer muted"><a href="/docs">API documentation (Swagger UI)</a> · <a href="/openapi.yaml">openapi.yaml</a></footer>`;
  }

  private renderWorkload(byField: Map<string, string[]>, elsewhere: string[]): TemplateResult {
    return html`<main class="layout">
        <section class="form-column" aria-labelledby="form-heading">
          <h2 id="form-heading">Workload</h2>
          ${elsewhere.length > 0 ? html`<ul class="form-errors" role="alert">${elsewhere.map((message) => html`<li>${message}</li>`)}</ul>` : nothing}
          <berth-workload-form .groups=${this.groups} .workload=${this.workload} .errors=${byField} ?busy=${this.busy}
            @workload-input=${(event: CustomEvent<JsonObject>) => {
              this.workload = event.detail;
            }}
            @recommend=${(event: CustomEvent<JsonObject>) => void this.recommend(event.detail)}></berth-workload-form>
        </section>
        <section class="answer-column" aria-label="Answer">
          <p role="status" class="notice">${this.notice}</p>
          ${this.renderOutcome()}
        </section>
      </main>`;
  }
}

customElements.define('berth-workbench', BerthWorkbench);
