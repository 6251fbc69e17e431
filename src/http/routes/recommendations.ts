import express, { Router } from 'express';
import { validateWorkload } from '../../contract/workload';
import type { Advisor } from '../../engine/advisor';
import { requireJson } from '../middleware/require-json';
import {
  InvalidRequestProblem,
  MalformedJsonProblem,
  NoEligiblePlatformProblem,
  type Problem,
} from '../problem';
import type { CachedAnswer, RecommendationCache } from '../recommendation-cache';

/**
 * POST /v1/recommendations: a workload in, a recommendation (200), or why nothing fits (422), out. The
 * raw body is the cache key: answers are deterministic, so a body seen before is answered with the same
 * bytes without parsing or evaluating it again.
 */
export function recommendationsRouter(
  advisor: Advisor,
  cache: RecommendationCache,
  bodyLimitBytes: number,
): Router {
  const router = Router();
  router.post(
    '/v1/recommendations',
    requireJson,
    express.text({ type: () => true, limit: bodyLimitBytes }),
    async (req, res) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      const answer = cache.get(raw) ?? (await answerFor(raw, advisor));
      cache.set(raw, answer);
      res.status(answer.status).set('Content-Type', answer.contentType).send(answer.body);
    },
  );
  return router;
}

async function answerFor(raw: string, advisor: Advisor): Promise<CachedAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    return problemAnswer(new MalformedJsonProblem((error as Error).message));
  }
  const validation = validateWorkload(body);
  if (!validation.ok) return problemAnswer(new InvalidRequestProblem(validation.errors));
  const advice = await advisor.advise(validation.workload);
  if (advice.kind === 'no-eligible-platform') {
    return problemAnswer(
      new NoEligiblePlatformProblem({
        platforms: advice.platforms,
        suggestions: advice.suggestions,
        rulesVersion: advisor.ruleSet.version,
      }),
    );
  }
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(advice.recommendation)),
  };
}

function problemAnswer(problem: Problem): CachedAnswer {
  return {
    status: problem.status,
    contentType: 'application/problem+json; charset=utf-8',
    body: Buffer.from(JSON.stringify(problem.toBody())),
  };
}
