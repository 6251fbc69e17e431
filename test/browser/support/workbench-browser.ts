import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../src/project-paths';
import { controlId } from '../../../src/workbench/workload/form-fields';
import type { ServerProcess } from '../../production/support/server-process';
import { CHROMIUM_PATH } from '../../support/chromium';

/** Where the tests leave screenshots for people to look at (git-ignored). */
export const SCREENSHOTS_DIR = join(PROJECT_ROOT, 'test', 'browser', 'screenshots');

/** How long one step may wait for the page on a loaded 2-core machine; waits poll, never sleep. */
export const STEP_TIMEOUT_MS = 30_000;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true });
}

/** A page of the workbench on `server`, failing the test on any page error or refused script or style. */
export async function openWorkbench(
  browser: Browser,
  server: ServerProcess,
  search = '',
  /** What to wait for: the workload form by default; the Compose view has no such field. */
  ready = `#${controlId('workloadType')}`,
): Promise<WorkbenchPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) problems.push(`CSP: ${message.text()}`);
  });
  await page.goto(`${server.base}/${search}`);
  await page.locator(ready).waitFor();
  return new WorkbenchPage(page, problems);
}

/** The workbench as a user drives it: by labels, buttons and the keyboard. */
export class WorkbenchPage {
  constructor(
    readonly page: Page,
    /** Page errors and Content-Security-Policy refusals seen so far. */
    readonly problems: string[],
  ) {}

  control(path: string) {
    return this.page.locator(`#${controlId(path)}`);
  }

  /** Opens the field's group (a closed <details>) when the field is in one. */
  private async reveal(path: string): Promise<void> {
    const cut = path.indexOf('.');
    if (cut < 0 || (await this.control(path).isVisible())) return;
    await this.page.locator('summary', { hasText: new RegExp(`^${path.slice(0, cut)}$`) }).click();
  }

  /** Chooses one of a field's allowed values. */
  async choose(path: string, value: string): Promise<void> {
    await this.reveal(path);
    await this.control(path).selectOption(value);
  }

  /** Types a field's value and leaves the field, which is when the form reads it. */
  async type(path: string, value: string): Promise<void> {
    await this.reveal(path);
    await this.control(path).fill(value);
    await this.control(path).press('Tab');
  }

  async recommend(): Promise<void> {
    await this.page.getByRole('button', { name: 'Recommend', exact: true }).click();
  }

  /** Waits for an answer naming `platform` (a 200), and returns the heading's text. */
  async waitForAnswer(platform?: string): Promise<string> {
    const heading = this.page.locator('#answer-heading', platform === undefined ? {} : { hasText: platform });
    await heading.waitFor();
    return (await heading.textContent()) ?? '';
  }

  /**
   * Waits until a JavaScript expression is true in the page, polling from here: Playwright's
   * waitForFunction evaluates a string predicate with eval inside the page, which the workbench's
   * Content-Security-Policy (script-src 'self') forbids, and the tests fail on anything it refuses.
   */
  async waitUntil(expression: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.page.evaluate(`Boolean(${expression})`)) !== true) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Writes the page as `name`.png in the screenshots folder; the whole page unless `viewport`. */
  async screenshot(name: string, options: { viewport?: boolean } = {}): Promise<void> {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    if (options.viewport === true) await this.page.evaluate('window.scrollTo(0, 0)');
    await this.page.screenshot({
      path: join(SCREENSHOTS_DIR, `${name}.png`),
      fullPage: options.viewport !== true,
    });
  }

  async close(): Promise<void> {
    await this.page.context().close();
  }
}
