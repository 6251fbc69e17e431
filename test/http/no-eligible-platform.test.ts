import { normalize } from '../support/advisor';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { CONTRACT_PLATFORM_IDS } from '../support/contract-platform-ids';
import { schemaErrors } from '../support/openapi-validator';
import { batchWorkload, webWorkload } from '../support/workloads';
import { PROBLEM_JSON_TYPE, postRecommendation, valueAt, withChange } from './requests';

interface Suggestion {
  platformId: string;
  changes: { path: string; from?: unknown; to: unknown }[];
  description: string;
}

describe('POST /v1/recommendations', () => {
  const app = testApp();

  const cases = [
    {
      given: 'Windows file storage for a Linux workload',
      body: webWorkload({ persistence: { type: 'windows-file' } }),
    },
    { given: 'Windows on arm64', body: webWorkload({ control: { os: 'windows', architecture: 'arm64' } }) },
    { given: 'a GPU with Windows', body: webWorkload({ control: { gpu: true, os: 'windows' } }) },
    {
      given: 'Lustre while avoiding Kubernetes',
      body: batchWorkload({
        persistence: { type: 'high-performance-file' },
        control: { kubernetes: 'avoid' },
      }),
    },
    {
      given: 'full host control with Kubernetes required on Windows arm64',
      body: webWorkload({
        control: { level: 'full', kubernetes: 'required', os: 'windows', architecture: 'arm64' },
      }),
    },
  ];

  describe.each(cases)('when no platform can run $given', ({ body }) => {
    it('answers 422 with a NoEligiblePlatformProblem', async () => {
      const response = await postRecommendation(app, body);
      expect(response.status).toBe(422);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
      const problem = jsonOf(response);
      expect(schemaErrors('NoEligiblePlatformProblem', problem)).toEqual([]);
      expect(problem.status).toBe(422);
    });

    it('lists every platform once, each with at least one blocker', async () => {
      const problem = jsonOf(await postRecommendation(app, body));
      const platforms = problem.platforms as { platformId: string; blockers: string[] }[];
      expect(platforms.map((platform) => platform.platformId).sort()).toEqual(
        [...CONTRACT_PLATFORM_IDS].sort(),
      );
      for (const platform of platforms) expect(platform.blockers.length).toBeGreaterThan(0);
    });

    it('suggests changes whose "from" is what the request means today, smallest first', async () => {
      const problem = jsonOf(await postRecommendation(app, body));
      const suggestions = problem.suggestions as Suggestion[];
      expect(suggestions.length).toBeGreaterThan(0);
      const workload = normalize(body);
      for (const suggestion of suggestions) {
        for (const change of suggestion.changes) expect(change.from).toEqual(valueAt(workload, change.path));
      }
      const sizes = suggestions.map((suggestion) => suggestion.changes.length);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    });

    it('suggests first a change that, applied to the request, gets a recommendation', async () => {
      const problem = jsonOf(await postRecommendation(app, body));
      const [first] = problem.suggestions as Suggestion[];
      expect(first).toBeDefined();
      const changed = (first as Suggestion).changes.reduce<object>(
        (request, change) => withChange(request, change.path, change.to),
        body,
      );
      const retry = await postRecommendation(app, changed);
      expect(retry.status).toBe(200);
      const alternatives = jsonOf(retry).alternatives as { platformId: string; eligible: boolean }[];
      expect(alternatives.find((alternative) => alternative.platformId === first?.platformId)?.eligible).toBe(
        true,
      );
    });

    it('keeps every suggestion: each one, applied alone, makes its platform eligible', async () => {
      const problem = jsonOf(await postRecommendation(app, body));
      for (const suggestion of problem.suggestions as Suggestion[]) {
        const changed = suggestion.changes.reduce<object>(
          (request, change) => withChange(request, change.path, change.to),
          body,
        );
        const retry = jsonOf(await postRecommendation(app, changed));
        const alternatives = retry.alternatives as { platformId: string; eligible: boolean }[] | undefined;
        expect({
          suggestion,
          eligible: alternatives?.find((a) => a.platformId === suggestion.platformId)?.eligible,
        }).toEqual({
          suggestion,
          eligible: true,
        });
      }
    });
  });
});
