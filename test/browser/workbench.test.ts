import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-paths';
import { type ServerProcess, startServer } from '../production/support/server-process';
import { launchChromium, openWorkbench, type WorkbenchPage } from './support/workbench-browser';

const API_KEY = 'workbench-browser-key-0123456789';
const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** The axe-core violations of the page that are serious or critical, each with the nodes it names. */
async function seriousViolations(
  page: WorkbenchPage,
): Promise<{ id: string; impact: string; nodes: unknown[] }[]> {
  await page.page.evaluate(AXE_SOURCE);
  return page.page.evaluate<{ id: string; impact: string; nodes: unknown[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((results) =>
      results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target) })))`,
  );
}

/** A small application: a public web service, its PostgreSQL database and a worker that needs it too. */
const COMPOSE = `name: shop
services:
  web:
    image: nginx:1.27
    ports: ["8080:80"]
    depends_on: [db, worker]
  db:
    image: postgres:16
    volumes: ["dbdata:/var/lib/postgresql/data"]
  worker:
    image: example/worker:1
    depends_on: [db]
volumes:
  dbdata: {}
`;

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
      expect(await seriousViolations(page)).toEqual([]);
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

  describe('the Application (Compose) view', () => {
    const composeField = () => page.page.getByRole('textbox', { name: 'Compose file', exact: true });
    const design = () => page.page.getByRole('button', { name: 'Design', exact: true }).click();

    beforeEach(async () => {
      await page.page.getByRole('link', { name: 'Application (Compose)' }).click();
      await composeField().waitFor();
    });

    describe('when a Compose file is pasted and designed', () => {
      beforeEach(async () => {
        await composeField().fill(COMPOSE);
        await design();
        await page.page.locator('#application-heading').waitFor();
      });

      it('shows the services, the database as Amazon RDS, the total cost and the overview', async () => {
        const services = page.page.locator('table.services-table tbody tr');
        expect(await services.locator('th').allTextContents()).toEqual(['web', 'worker']);
        expect(await services.filter({ hasText: 'web' }).textContent()).toContain('public http on 80');
        const db = page.page.locator('table.managed-table tr[data-service="db"]');
        expect(await db.textContent()).toContain('Amazon RDS for PostgreSQL');
        expect(await db.getByRole('link').getAttribute('href')).toMatch(
          /^https:\/\/docs\.aws\.amazon\.com\//,
        );
        expect(await page.page.locator('.application-cost').textContent()).toMatch(/\$[\d,]+\.\d\d a month/);
        const overview = page.page.locator('svg.overview-svg');
        expect(await overview.locator('.overview-label').allTextContents()).toEqual(
          expect.arrayContaining(['Clients', 'public-alb', 'web', 'worker', 'Amazon RDS for PostgreSQL']),
        );
        expect(await overview.locator('path.overview-edge').count()).toBeGreaterThanOrEqual(3);
        expect(new URL(page.page.url()).hash).toBe('#compose');
        await page.screenshot('compose-answer');
      });

      it("opens a service's panel with its diagram and its starter files", async () => {
        await page.page.locator('details.service-panel[data-service="web"] > summary').click();
        const panel = page.page.locator('details.service-panel[data-service="web"]');
        await panel.locator('img.diagram-image').waitFor();
        await page.waitUntil(
          `document.querySelector('details.service-panel[data-service="web"] img.diagram-image')?.naturalWidth > 0`,
        );
        await panel.getByRole('button', { name: 'services/web/cloudformation/template.yaml' }).click();
        await panel
          .locator('.file-view figcaption', { hasText: 'services/web/cloudformation/template.yaml' })
          .waitFor();
        await page.screenshot('compose-service-panel');
      });

      it('has no serious or critical axe-core violations, with a panel open', async () => {
        await page.page.locator('details.service-panel[data-service="web"] > summary').click();
        await page.page.locator('details.service-panel[data-service="web"] .starter-files').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      });
    });

    it('keeps the view when the page is reloaded', async () => {
      await page.page.reload();
      await composeField().waitFor();
      expect(
        await page.page.getByRole('link', { name: 'Application (Compose)' }).getAttribute('aria-current'),
      ).toBe('page');
    });

    it('reads an uploaded file into the field, in the browser', async () => {
      await page.page.getByLabel('Or upload a Compose file').setInputFiles({
        name: 'compose.yaml',
        mimeType: 'application/yaml',
        buffer: Buffer.from(COMPOSE),
      });
      await page.page.locator('#compose-upload-help', { hasText: 'Read compose.yaml' }).waitFor();
      expect(await composeField().inputValue()).toBe(COMPOSE);
      await design();
      await page.page.locator('#application-heading', { hasText: 'shop' }).waitFor();
    });

    it("shows a bad file's problems under it, each with its path and line", async () => {
      await composeField().fill('services:\n  web:\n    image: nginx:1.27\n    ports: [ "abc" ]\n');
      await design();
      const errors = page.page.locator('.compose-errors');
      await errors.waitFor();
      expect(await errors.textContent()).toContain('services.web.ports[0] (line 4)');
      expect(await composeField().getAttribute('aria-invalid')).toBe('true');
      await page.screenshot('compose-invalid');

      await composeField().fill('services:\n  web:\n    image: nginx:1.27\nnetwork: {}\n');
      await design();
      await page.page.locator('.compose-errors', { hasText: 'network (line 4)' }).waitFor();
    });

    it('sends the variables and the profiles', async () => {
      await composeField().fill(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a Compose interpolation, not a template literal
        'services:\n  web:\n    image: nginx:${TAG}\n    ports: ["8080:80"]\n  debug:\n    image: busybox:1\n    profiles: [debug]\n',
      );
      await design();
      await page.page.locator('.compose-errors', { hasText: 'services.web.image (line 3)' }).waitFor();

      await page.page.locator('summary', { hasText: 'Variables and profiles' }).click();
      await page.page.getByLabel('Variables', { exact: true }).fill('TAG 1.27');
      await design();
      await page.page.locator('#compose-variables-error', { hasText: 'Line 1 has no "="' }).waitFor();

      await page.page.getByLabel('Variables', { exact: true }).fill('# the image tag\nTAG=1.27');
      await page.page.getByLabel('Profiles', { exact: true }).fill('debug');
      await design();
      await page.page.locator('#application-heading').waitFor();
      expect(await page.page.locator('table.services-table tbody th').allTextContents()).toEqual([
        'web',
        'debug',
      ]);
    });

    it("names the service no platform can run, with every platform's blockers", async () => {
      await composeField().fill(
        'services:\n  win:\n    image: mcr.microsoft.com/windows/servercore:ltsc2022\n    platform: windows/amd64\n    gpus: all\n',
      );
      await design();
      await page.page.locator('#no-platform-heading').waitFor();
      expect(await page.page.locator('.notice').textContent()).toContain('No platform can run win');
    });

    it('says plainly when Berth cannot be reached', async () => {
      await page.page.route('**/v1/architectures/from-compose', (route) => route.abort('connectionrefused'));
      await composeField().fill(COMPOSE);
      await design();
      await page.page.locator('.notice', { hasText: 'Berth could not be reached' }).waitFor();
    });

    it('shows names from the answer as text, never as markup', async () => {
      // The API allows only [a-z0-9-] in names; a changed answer checks that the page would not trust them.
      const hostile = '<img src=x onerror="document.title=1">';
      await page.page.route('**/v1/architectures/from-compose', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replaceAll('"worker"', JSON.stringify(hostile));
        await route.fulfill({ response, body });
      });
      await composeField().fill(COMPOSE);
      await design();
      await page.page.locator('#application-heading').waitFor();
      // The box's label is cut to fit; its tooltip holds the whole name.
      expect(await page.page.locator('svg.overview-svg .overview-node title').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining(hostile)]),
      );
      expect(await page.page.locator('table.services-table tbody th').allTextContents()).toContain(hostile);
      expect(await page.page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.page.title()).toBe('Berth workbench');
    });
  });

  describe('with the keyboard alone', () => {
    it('switches to the Compose view and back with Enter', async () => {
      const compose = page.page.getByRole('link', { name: 'Application (Compose)' });
      await compose.focus();
      await page.page.keyboard.press('Enter');
      await page.page.getByRole('textbox', { name: 'Compose file', exact: true }).waitFor();
      await page.page.getByRole('link', { name: 'One workload' }).focus();
      await page.page.keyboard.press('Enter');
      await page.control('workloadType').waitFor();
    });

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
