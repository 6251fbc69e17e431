import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium';

const MERMAID_SCRIPT = require.resolve('mermaid/dist/mermaid.min.js');

declare global {
  // The global mermaid.min.js defines in the page.
  var mermaid: { initialize(config: object): void; parse(text: string): Promise<unknown> };
}

/**
 * Mermaid's own parser, run where it runs for people: mermaid.min.js in a blank page of headless Chromium.
 * One browser and one page serve every text a test file parses.
 */
export class MermaidParser {
  private constructor(
    private readonly browser: Browser,
    private readonly parseInPage: (texts: readonly string[]) => Promise<(string | null)[]>,
  ) {}

  static async start(): Promise<MermaidParser> {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: MERMAID_SCRIPT });
    await page.evaluate(() => globalThis.mermaid.initialize({ startOnLoad: false }));
    return new MermaidParser(browser, (texts) =>
      page.evaluate(
        (all) =>
          Promise.all(
            all.map((text) =>
              globalThis.mermaid.parse(text).then(
                () => null,
                (error: unknown) => (error instanceof Error ? error.message : String(error)),
              ),
            ),
          ),
        texts,
      ),
    );
  }

  /** Each text's parse error, or null where Mermaid reads it. */
  parseAll(texts: readonly string[]): Promise<(string | null)[]> {
    return this.parseInPage(texts);
  }

  close(): Promise<void> {
    return this.browser.close();
  }
}
