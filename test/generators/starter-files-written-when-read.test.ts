import { recommendationSummary } from '../../src/advice/recommendation-summary';
import { advise } from '../support/advisor';

/** The modules' own export objects (an ES namespace import cannot be spied on), as the generators call them. */
const jsYaml = jest.requireActual<typeof import('js-yaml')>('js-yaml');
const drawio = jest.requireActual<typeof import('../../src/diagram/drawio')>('../../src/diagram/drawio');

const webService = {
  name: 'shop',
  workloadType: 'web',
  traffic: { protocol: 'https', pattern: 'steady' },
  persistence: { type: 'shared-file' },
};

describe('starter files are written when something reads them', () => {
  afterEach(() => jest.restoreAllMocks());

  it('lets a summary list every starter file without serializing any of them', async () => {
    const dump = jest.spyOn(jsYaml, 'dump');
    const draw = jest.spyOn(drawio, 'drawioFile');
    const advice = await advise(webService);
    if (advice.kind !== 'recommendation') throw new Error('expected a recommendation');
    const summary = recommendationSummary(advice.recommendation, advice.scoreContributions);
    JSON.stringify(summary);

    expect(summary.starterConfig.files.map((file) => file.path)).toEqual(
      advice.recommendation.starterConfig.files.map((file) => file.path),
    );
    expect(summary.starterConfig.files.map((file) => file.path)).toContain('cloudformation/template.yaml');
    expect(dump).not.toHaveBeenCalled();
    expect(draw).not.toHaveBeenCalled();
  });

  it('writes each file once for the full answer, with the same text every time it is read', async () => {
    const dump = jest.spyOn(jsYaml, 'dump');
    const advice = await advise(webService);
    if (advice.kind !== 'recommendation') throw new Error('expected a recommendation');
    const first = JSON.stringify(advice.recommendation);
    const calls = dump.mock.calls.length;
    const second = JSON.stringify(advice.recommendation);

    expect(calls).toBeGreaterThan(0);
    expect(second).toBe(first);
    expect(dump.mock.calls.length).toBe(calls);
    const template = advice.recommendation.starterConfig.files.find(
      (file) => file.path === 'cloudformation/template.yaml',
    );
    expect(template?.content).toContain('AWSTemplateFormatVersion');
  });
});
