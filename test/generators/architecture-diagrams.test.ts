import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { architectureDiagram } from '../../src/diagram/diagrams';
import { behaviourCorpus } from '../behaviour/behaviour-corpus';
import { validWorkload } from '../properties/valid-workloads';
import { advisor, recommend } from '../support/advisor';
import { drawioProblems, mermaidFenceOf, svgProblems } from '../support/diagram-checks';
import { MermaidParser } from '../support/mermaid-parser';
import { RANDOM_SEED } from '../support/random-seed';
import { type GeneratedStarter, startersOnEveryEligiblePlatform } from '../support/starter-corpus';
import { filesCheckedBy } from '../support/starter-file-checks';
import { CORPUS_TIMEOUT_MS } from '../support/timeouts';
import { webWorkload, workerWorkload } from '../support/workloads';

let parser: MermaidParser;

beforeAll(async () => {
  parser = await MermaidParser.start();
}, CORPUS_TIMEOUT_MS);

afterAll(async () => {
  await parser.close();
});

describe('The architecture diagrams of the starter files', () => {
  let starters: GeneratedStarter[];

  beforeAll(async () => {
    starters = await startersOnEveryEligiblePlatform(behaviourCorpus());
  }, CORPUS_TIMEOUT_MS);

  it('has an architecture.drawio that is XML diagrams.net reads, with only verified AWS shapes', () => {
    const problems = starters.flatMap(({ label, platform, files }) =>
      filesCheckedBy('fast-xml-parser and diagrams.net structure', files).flatMap((file) =>
        drawioProblems(file.content).map((problem) => `${label} on ${platform}: ${problem}`),
      ),
    );
    expect(starters.every(({ files }) => files.some((file) => file.path === 'architecture.drawio'))).toBe(
      true,
    );
    expect(problems).toEqual([]);
  });

  it(
    'has an architecture.md whose one Mermaid flowchart mermaid parses',
    async () => {
      const charts = starters.flatMap(({ label, platform, files }) =>
        filesCheckedBy('mermaid parser', files).map((file) => ({
          where: `${label} on ${platform}`,
          text: mermaidFenceOf(file.content),
        })),
      );
      expect(charts.length).toBe(starters.length);
      expect(charts.filter((chart) => chart.text === undefined).map((chart) => chart.where)).toEqual([]);
      const errors = await parser.parseAll(charts.map((chart) => chart.text ?? ''));
      expect(
        charts.flatMap((chart, index) =>
          errors[index] === null ? [] : [`${chart.where}: ${errors[index]}`],
        ),
      ).toEqual([]);
    },
    CORPUS_TIMEOUT_MS,
  );
});

/** The label (the `value` attribute) of every mxCell, as an XML parser reads it. */
function drawioLabels(drawio: string): string[] {
  const cells: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'mxCell') cells.push(...(Array.isArray(child) ? child : [child]));
        walk(child);
      }
    }
  };
  walk(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(drawio));
  return cells.map((cell) => String((cell as { value?: unknown }).value ?? ''));
}

describe('The architecture diagram of an answer', () => {
  describe('when the request holds characters markup reads', () => {
    const hostile = [
      webWorkload({ name: 'quote', image: 'evil"><script>alert(1)</script>&amp;#quot;end' }),
      workerWorkload({ name: 'queue', image: "it's<b>]|-->x", trigger: { type: 'sqs', queueName: 'q_-x' } }),
    ];

    it.each(hostile.map((body) => ({ body, name: String(body.name) })))(
      'writes $name only as escaped text in every format',
      async ({ body }) => {
        const recommendation = await recommend(body);
        const svg = architectureDiagram(recommendation, 'svg');
        const drawio = architectureDiagram(recommendation, 'drawio');
        const mermaid = architectureDiagram(recommendation, 'mermaid');
        expect(svgProblems(svg)).toEqual([]);
        expect(drawioProblems(drawio)).toEqual([]);
        expect(svg).not.toContain('<script');
        expect(drawio).not.toContain('<script');
        // diagrams.net reads a label as HTML: once the XML is parsed, the only markup left is <br>.
        expect(drawioLabels(drawio).filter((label) => /[<>]/.test(label.replaceAll('<br>', '')))).toEqual([]);
        const labels = [...mermaid.matchAll(/"([^"]*)"/g)].map((match) =>
          (match[1] ?? '').replaceAll('<br>', ''),
        );
        expect(labels.filter((label) => /[<>&]/.test(label))).toEqual([]);
        expect(await parser.parseAll([mermaid])).toEqual([null]);
      },
    );
  });

  it(
    'parses in every format for generated workloads',
    async () => {
      await fc.assert(
        fc.asyncProperty(validWorkload, async (workload) => {
          const advice = await advisor.advise(workload);
          if (advice.kind !== 'recommendation') return;
          const { recommendation } = advice;
          expect(svgProblems(architectureDiagram(recommendation, 'svg'))).toEqual([]);
          expect(drawioProblems(architectureDiagram(recommendation, 'drawio'))).toEqual([]);
          expect(await parser.parseAll([architectureDiagram(recommendation, 'mermaid')])).toEqual([null]);
        }),
        { seed: RANDOM_SEED, numRuns: 60 },
      );
    },
    CORPUS_TIMEOUT_MS,
  );

  it('gives the same bytes when the same workload is answered again', async () => {
    const [first, second] = [
      await recommend(webWorkload({ name: 'twice' })),
      await recommend(webWorkload({ name: 'twice' })),
    ];
    for (const format of ['mermaid', 'drawio', 'svg'] as const) {
      expect(architectureDiagram(second, format)).toBe(architectureDiagram(first, format));
    }
  });
});
