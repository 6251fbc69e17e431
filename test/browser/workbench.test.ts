import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type ServerProcess, startServer } from '../production/support/server-process';
import { launchChromium, openWorkbench, type WorkbenchPage } from './support/workbench-browser';

const API_KEY = 'workbench-browser-key-0123456789';
const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The real built server (dist/, as npm start runs it) and Debian's Chromium, driven as a user would. */
describe('the workbench at /, in Chromium', () => {
  let browser: Browser;
  let server: ServerProcess;
  let page: WorkbenchPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (server !== undefined && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
  beforeEach(async () => {
    page = await openWorkbench(browser, server);
  });
  afterEach(async () => {
    // Every test fails on a page error or a script or style the Content-Security-Policy refused.
    const problems = [...page.problems];
    await page.close();
    expect(problems).toEqual([]);
  });

  describe('when the user fills the form and asks for a recommendation', () => {
    beforeEach(async () => {
      await page.type('name', 'orders-api');
      await page.choose('workloadType', 'web');
      await page.choose('traffic.protocol', 'https');
      await page.recommend();
      await page.waitForAnswer();
    });

    it('shows the platform, its monthly cost, the reasons that decided it, warnings and every alternative', async () => {
      const platforms = (await (await fetch(`${server.base}/v1/platforms`)).json()) as {
        platforms: unknown[];
      };
      expect(await page.page.locator('.headline-cost').textContent()).toMatch(/\$[\d,]+\.\d\d a month/);
      expect(await page.page.locator('.reasons li').count()).toBeGreaterThan(0);
      expect(await page.page.locator('.warnings').textContent()).toContain('ACM certificate');
      expect(await page.page.locator('table.alternatives tbody tr').count()).toBe(platforms.platforms.length);
      await page.screenshot('answer');
      await page.screenshot('workbench', { viewport: true });
    });

    it('puts the workload in the URL, which reproduces the answer', async () => {
      const heading = await page.waitForAnswer();
      const url = new URL(page.page.url());
      expect(url.searchParams.get('workload')).toEqual(expect.any(String));
      const shared = await openWorkbench(browser, server, url.search);
      try {
        expect(await shared.waitForAnswer()).toBe(heading);
        expect(await shared.control('traffic.protocol').inputValue()).toBe('https');
      } finally {
        await shared.close();
      }
    });

    it('shows the starter files with syntax highlighting', async () => {
      await page.page.getByRole('button', { name: 'cloudformation/template.yaml' }).click();
      await page.page.locator('.file-view figcaption', { hasText: 'cloudformation/template.yaml' }).waitFor();
      expect(await page.page.locator('.file-view code .hljs-attr').count()).toBeGreaterThan(10);
      await page.screenshot('starter-files');
    });

    it('downloads the starter configuration as a zip holding the template', async () => {
      const [download] = await Promise.all([
        page.page.waitForEvent('download'),
        page.page.getByRole('button', { name: 'Download zip' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('orders-api-starter.zip');
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      const zip = await JSZip.loadAsync(bytes);
      expect(Object.keys(zip.files)).toEqual(
        expect.arrayContaining(['cloudformation/template.yaml', 'README.md']),
      );
      expect(await zip.file('cloudformation/template.yaml')?.async('string')).toContain(
        'AWSTemplateFormatVersion',
      );
    });

    it('has no serious or critical axe-core violations', async () => {
      await page.page.evaluate(AXE_SOURCE);
      const violations = await page.page.evaluate<{ id: string; impact: string; nodes: unknown[] }[]>(
        `axe.run(document, { resultTypes: ['violations'] }).then((results) =>
          results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target) })))`,
      );
      expect(violations).toEqual([]);
    });

    it('shows the architecture diagram', async () => {
      await page.page.locator('img.diagram-image').waitFor();
      await page.waitUntil("document.querySelector('img.diagram-image')?.naturalWidth > 0");
      expect(await page.page.locator('img.diagram-image').getAttribute('alt')).toContain(
        'Architecture diagram',
      );
      await page.screenshot('diagram');
    });
  });

  describe('when the server draws no diagram for the answer', () => {
    it('says "no diagram"', async () => {
      await page.page.route(/\/v1\/recommendations\?.*format=svg/, (route) =>
        route.fulfill({
          status: 400,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: '/problems/invalid-query',
            title: 'Invalid query',
            status: 400,
            detail: 'format',
          }),
        }),
      );
      await page.recommend();
      await page.waitForAnswer();
      await page.page.locator('.no-diagram', { hasText: 'No diagram' }).waitFor();
    });
  });

  describe('when the workload is invalid', () => {
    it('shows the 400 at the field it names', async () => {
      await page.choose('workloadType', 'worker');
      await page.choose('traffic.protocol', 'udp');
      await page.recommend();
      const error = page.page.locator('.field[data-path="traffic.protocol"] .field-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('applies only to web workloads');
      expect(await page.control('traffic.protocol').getAttribute('aria-invalid')).toBe('true');
      await page.screenshot('invalid-field');
    });
  });

  describe('"what would change"', () => {
    it('applies a suggestion of a 422 and shows the new answer', async () => {
      await page.choose('persistence.type', 'windows-file');
      await page.recommend();
      await page.page.locator('#no-platform-heading').waitFor();
      const suggestion = page.page.locator('.suggestion', { hasText: 'control.os' }).first();
      await page.screenshot('no-platform');
      await suggestion.getByRole('button', { name: /^Try it/ }).click();
      await page.waitForAnswer();
      expect(await page.control('control.os').inputValue()).toBe('windows');
    });

    it('applies a suggestion of a 200 and compares the new answer with the old', async () => {
      await page.recommend();
      const before = await page.waitForAnswer();
      await page.page
        .locator('.suggestion')
        .first()
        .getByRole('button', { name: /^Try it/ })
        .click();
      await page.waitUntil(
        `document.querySelector('#answer-heading')?.textContent !== ${JSON.stringify(before)}`,
      );
      await page.page.locator('#comparison-heading').waitFor();
      await page.screenshot('suggestion-applied');
    });
  });

  describe('when two variants are compared', () => {
    it('shows both platforms and costs, and every design field that differs', async () => {
      await page.recommend();
      const first = await page.waitForAnswer();
      await page.page.getByRole('button', { name: 'Pin as variant A' }).click();
      await page.choose('control.level', 'full');
      await page.recommend();
      await page.page.locator('#comparison-heading').waitFor();
      const second = await page.waitForAnswer();
      expect(second).not.toBe(first);
      const table = page.page.locator('table.comparison-table');
      expect(await table.locator('tr', { hasText: 'monthly cost' }).locator('td').count()).toBe(2);
      expect(
        await table.locator('tr.difference', { hasText: 'workload.control.level' }).textContent(),
      ).toContain('"full"');
      expect(await table.locator('tr.difference', { hasText: 'platform.id' }).count()).toBe(1);
      await page.screenshot('comparison');
    });
  });

  describe('with the keyboard alone', () => {
    it('submits the form with Enter', async () => {
      await page.control('name').focus();
      await page.page.keyboard.type('keyboard-api');
      await page.page.keyboard.press('Enter');
      await page.waitForAnswer();
    });
  });
});

describe('the workbench on a server with API keys', () => {
  let browser: Browser;
  let server: ServerProcess;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ BERTH_API_KEYS: API_KEY }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    if (server !== undefined && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('loads without a key, is refused without one, and answers with the key in its field', async () => {
    const page = await openWorkbench(browser, server);
    try {
      await page.recommend();
      await page.page.locator('#problem-heading').waitFor();
      await page.page.getByLabel('API key', { exact: true }).fill(API_KEY);
      await page.page.getByLabel('API key', { exact: true }).press('Tab');
      await page.recommend();
      await page.waitForAnswer();
      expect(page.problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
