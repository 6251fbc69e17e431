import fc from 'fast-check';
import request from 'supertest';
import { testApp } from '../support/app';
import { jsonOf } from '../support/body';
import { schemaErrors } from '../support/openapi-validator';
import { invalidRequestBody, workloadRequest } from './arbitraries';

const JSON_TYPE = /^application\/json(;|$)/;
const PROBLEM_JSON_TYPE = /^application\/problem\+json(;|$)/;

describe('POST /v1/recommendations', () => {
  const app = testApp({ cacheBytes: 0 });

  describe('when the body is any valid workload', () => {
    it('answers a Recommendation (200) or a NoEligiblePlatformProblem (422), as openapi.yaml describes', async () => {
      await fc.assert(
        fc.asyncProperty(workloadRequest, async (body) => {
          const response = await request(app).post('/v1/recommendations').send(body);
          expect([200, 422]).toContain(response.status);
          if (response.status === 200) {
            expect(response.headers['content-type']).toMatch(JSON_TYPE);
            expect(schemaErrors('Recommendation', jsonOf(response))).toEqual([]);
          } else {
            expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
            expect(schemaErrors('NoEligiblePlatformProblem', jsonOf(response))).toEqual([]);
          }
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('when the body is not a valid workload', () => {
    it('answers 400 with a ValidationProblem naming the field, never a 5xx', async () => {
      await fc.assert(
        fc.asyncProperty(invalidRequestBody, async ({ body, path }) => {
          const response = await request(app)
            .post('/v1/recommendations')
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expect(response.status).toBeLessThan(500);
          expect(response.headers['content-type']).toMatch(PROBLEM_JSON_TYPE);
          const problem = jsonOf(response);
          expect(schemaErrors('Problem', problem)).toEqual([]);
          expect(response.status).toBe(400);
          expect(schemaErrors('ValidationProblem', problem)).toEqual([]);
          expect((problem.errors as { path: string }[]).map((error) => error.path)).toContain(path);
        }),
        { numRuns: 300 },
      );
    });
  });
});
