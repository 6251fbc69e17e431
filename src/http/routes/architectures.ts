import express, { Router } from 'express';
import type { Advisor } from '../../advice/advisor';
import { ApplicationDesigner } from '../../advice/application/application-designer';
import { requireJson } from '../middleware/require-json';
import { InvalidRequestProblem, MalformedJsonProblem, NoEligiblePlatformProblem } from '../problem';

/**
 * POST /v1/architectures: the services of one application designed together (ApplicationDesigner). A
 * service's field errors come back at `services.<index>.<field>`; a service no platform can run is a 422
 * with that service's blockers, and its suggestions' paths point into that service.
 */
export function architecturesRouter(advisor: Advisor, bodyLimitBytes: number): Router {
  const designer = new ApplicationDesigner(advisor);
  const router = Router();
  router.post(
    '/v1/architectures',
    requireJson,
    express.text({ type: () => true, limit: bodyLimitBytes }),
    async (req, res) => {
      let body: unknown;
      try {
        body = JSON.parse(typeof req.body === 'string' ? req.body : '');
      } catch (error) {
        throw new MalformedJsonProblem((error as Error).message);
      }
      const design = await designer.design(body);
      if (design.kind === 'invalid') throw new InvalidRequestProblem(design.errors);
      if (design.kind === 'no-eligible-platform') {
        const { service, index, answer } = design;
        throw new NoEligiblePlatformProblem({
          service,
          platforms: answer.platforms,
          suggestions: answer.suggestions.map((suggestion) => ({
            ...suggestion,
            changes: suggestion.changes.map((change) => ({
              ...change,
              path: `services.${index}.${change.path}`,
            })),
          })),
          rulesVersion: advisor.ruleSet.version,
        });
      }
      res.type('application/json').send(JSON.stringify(design.answer));
    },
  );
  return router;
}
