import { LitElement } from 'lit';

/**
 * A Lit element that renders into the page itself rather than a shadow root: one stylesheet styles the
 * whole workbench, and a label's `for` reaches its control across components.
 */
export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Sends a bubbling event the workbench shell listens for. */
  protected emit<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true }));
  }
}
