import express, { type Request, Router } from 'express';
import type { Recommendation } from '../../advice/advice';
import type { Advisor } from '../../advice/advisor';
import { validateWorkload } from '../../contract/workload';
import type { AdviceMetrics } from '../../observability/metrics';
import { requireJson } from '../middleware/require-json';
import {
  InvalidRequestProblem,
  MalformedJsonProblem,
  NoEligiblePlatformProblem,
  type Problem,
} from '../problem';
import type { CachedAnswer, RecommendationCache } from '../recommendation-cache';

const ZIP_MEDIA_TYPE = 'application/zip';
/** Every zip entry carries a modification time: a fixed one keeps the same answer the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * POST /v1/recommendations: a workload in, a recommendation (200), or why nothing fits (422), out. The
 * raw body is the cache key: answers are deterministic, so a body seen before is answered with the same
 * bytes without parsing or evaluating it again. A caller that asks for application/zip (in Accept, or with
 * ?format=zip) gets the recommendation's starter configuration as a zip archive of its files instead;
 * errors stay problem+json, and any other Accept gets JSON.
 */
export function recommendationsRouter(
  advisor: Advisor,
  cache: RecommendationCache,
  bodyLimitBytes: number,
  metrics: AdviceMetrics,
): Router {
  const router = Router();
  router.post(
    '/v1/recommendations',
    requireJson,
    express.text({ type: () => true, limit: bodyLimitBytes }),
    async (req, res) => {
      const raw = typeof req.body === 'string' ? req.body : '';
      const answer = cache.get(raw) ?? (await answerFor(raw, advisor, metrics));
      cache.set(raw, answer);
      metrics.countRecommendation(answer.platformId);
      res.vary('Accept');
      if (answer.status === 200 && wantsZip(req)) {
        const recommendation = JSON.parse(answer.body.toString('utf8')) as Recommendation;
        res
          .status(200)
          .set('Content-Type', ZIP_MEDIA_TYPE)
          .set(
            'Content-Disposition',
            `attachment; filename="${recommendation.workload.name}-starter-config.zip"`,
          )
          .send(await starterConfigZip(recommendation));
        return;
      }
      res.status(answer.status).set('Content-Type', answer.contentType).send(answer.body);
    },
  );
  return router;
}

async function answerFor(raw: string, advisor: Advisor, metrics: AdviceMetrics): Promise<CachedAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    return problemAnswer(new MalformedJsonProblem((error as Error).message));
  }
  const validation = validateWorkload(body);
  if (!validation.ok) return problemAnswer(new InvalidRequestProblem(validation.errors));
  const advice = await metrics.timeAdvice(() => advisor.advise(validation.workload));
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
    platformId: advice.recommendation.platform.id,
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

function wantsZip(req: Request): boolean {
  return req.query.format === 'zip' || req.accepts(['application/json', ZIP_MEDIA_TYPE]) === ZIP_MEDIA_TYPE;
}

/**
 * The starter files, each at its path, compressed, with the fixed date: the same answer, the same bytes.
 * jszip is loaded by the first zip asked for, not at start.
 */
async function starterConfigZip(recommendation: Recommendation): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of recommendation.starterConfig.files) {
    zip.file(file.path, file.content, { date: ZIP_ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}
