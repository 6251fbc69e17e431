import { createHash } from 'node:crypto';
import express, { type Request, type Response, Router } from 'express';
import type { Recommendation } from '../../advice/advice';
import type { Advisor } from '../../advice/advisor';
import { recommendationSummary } from '../../advice/recommendation-summary';
import { validateWorkload } from '../../contract/workload';
import {
  architectureDiagram,
  DIAGRAM_FORMATS,
  DIAGRAM_MEDIA_TYPES,
  type DiagramFormat,
} from '../../diagram/diagrams';
import type { AdviceMetrics } from '../../observability/metrics';
import {
  type ContentCoding,
  codesItsOwnContent,
  codingFor,
  gzipped,
  inCoding,
  type StoredCoding,
  storedCodingFor,
} from '../content-coding';
import { requireJson } from '../middleware/require-json';
import {
  InvalidRequestProblem,
  MalformedJsonProblem,
  NoEligiblePlatformProblem,
  type Problem,
} from '../problem';
import { type CachedAnswer, RecommendationCache } from '../recommendation-cache';
import {
  formatFrom,
  type RecommendationFormat,
  type RecommendationView,
  recommendationQuery,
  viewFrom,
} from '../recommendation-query';

const ZIP_MEDIA_TYPE = 'application/zip';
/** Every zip entry carries a modification time: a fixed one keeps the same answer the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * How long a cache may use an answer (a 200 or a 422) before it revalidates it, in seconds. An answer
 * holds as long as the rules that made it (`rulesVersion`, also in the Berth-Rules-Version header), and
 * only a deployment changes those, which Berth cannot foresee: an hour bounds how long a cache shows an
 * answer of the rules before, and revalidating costs a 304. No `public`: a shared cache then stores the
 * answers of an open Berth, but never those of a request with an API key in its Authorization header.
 */
export const ANSWER_MAX_AGE_SECONDS = 3600;
const ANSWER_CACHE_CONTROL = `max-age=${ANSWER_MAX_AGE_SECONDS}`;
/** A 400 says the request is wrong, which its sender fixes: nothing worth storing. */
const INVALID_REQUEST_CACHE_CONTROL = 'no-store';

/**
 * POST /v1/recommendations (a workload in the body) and GET /v1/recommendations?workload=<base64url of
 * the same JSON>: a recommendation (200), or why nothing fits (422), out. Both answer the same JSON text
 * with the same bytes. The raw JSON text is the cache key: answers are deterministic, so a text seen
 * before is answered with the same bytes without parsing or evaluating it again, and those bytes are
 * stored gzip-compressed once a client that accepts gzip has asked (uncompressed until then), so a gzip
 * client gets them without any work and a client that takes no compression costs none. A 200 carries an
 * ETag made from its bytes, so GET answers 304 to an If-None-Match that names it. A caller that asks for
 * application/zip (in Accept, or with ?format=zip) gets the recommendation's starter configuration as a
 * zip archive of its files instead, and ?format=mermaid|drawio|svg the architecture diagram; errors
 * stay problem+json (a 422 has no diagram), and any other Accept gets JSON. `view=summary` answers the
 * summary instead of the full JSON: another representation, so another cache entry (the view is part of
 * the key) with its own bytes and ETag; a zip and a diagram are always made from the full answer.
 */
export function recommendationsRouter(
  advisor: Advisor,
  cache: RecommendationCache,
  bodyLimitBytes: number,
  metrics: AdviceMetrics,
): Router {
  const rulesVersion = advisor.ruleSet.version;
  const answer = async (
    req: Request,
    res: Response,
    json: string,
    format: RecommendationFormat,
    requestedView: RecommendationView,
  ) => {
    const zip = wantsZip(req, format);
    const view = zip || isDiagramFormat(format) ? 'full' : requestedView;
    const key = RecommendationCache.keyOf(json, view);
    let cached = cache.get(key);
    metrics.countCacheLookup(cached === undefined ? 'miss' : 'hit');
    const coding = codingFor(req);
    if (cached === undefined) {
      cached = await answerFor(json, view, advisor, metrics, storedCodingFor(coding));
      cache.set(key, cached);
    } else if (cached.coding === 'identity' && coding === 'gzip') {
      // Kept uncompressed for the client that first asked: compressed once now, for every gzip client.
      cached = { ...cached, body: await gzipped(cached.body), coding: 'gzip' };
      cache.set(key, cached);
    }
    metrics.countRecommendation(cached.platformId);
    res.vary('Accept');
    res.set('Berth-Rules-Version', rulesVersion);
    if (cached.status === 200 && zip) await sendZip(req, res, cached);
    else if (cached.status === 200 && isDiagramFormat(format)) await sendDiagram(req, res, cached, format);
    else await sendAnswer(req, res, cached, coding);
  };
  const router = Router();
  router.post(
    '/v1/recommendations',
    requireJson,
    express.text({ type: () => true, limit: bodyLimitBytes }),
    async (req, res) => {
      const format = formatFrom(req.query);
      const view = viewFrom(req.query);
      await answer(req, res, typeof req.body === 'string' ? req.body : '', format, view);
    },
  );
  router.get('/v1/recommendations', async (req, res) => {
    const { workloadJson, format, view } = recommendationQuery(req.query, bodyLimitBytes);
    await answer(req, res, workloadJson, format, view);
  });
  return router;
}

/**
 * Sends a stored answer in the coding the client accepts, with its ETag (a 200's) and how long it
 * stays valid; a GET or HEAD whose If-None-Match names the ETag gets a 304 without a body.
 */
async function sendAnswer(
  req: Request,
  res: Response,
  answer: CachedAnswer,
  coding: ContentCoding,
): Promise<void> {
  codesItsOwnContent(res);
  res.vary('Accept-Encoding');
  res.status(answer.status);
  res.set('Cache-Control', answer.status === 400 ? INVALID_REQUEST_CACHE_CONTROL : ANSWER_CACHE_CONTROL);
  if (answer.status === 200) {
    res.set('ETag', strongEtag(answer.digest, coding));
    if (req.fresh) {
      res.status(304).end();
      return;
    }
  }
  const body = await inCoding(answer.body, answer.coding, coding);
  if (coding !== 'identity') res.set('Content-Encoding', coding);
  res.set('Content-Type', answer.contentType).send(body);
}

/** Sends a 200's starter configuration as a zip archive, with the archive's own ETag. */
async function sendZip(req: Request, res: Response, answer: CachedAnswer): Promise<void> {
  const recommendation = await storedRecommendation(answer);
  sendRepresentation(req, res, await starterConfigZip(recommendation), ZIP_MEDIA_TYPE, {
    'Content-Disposition': `attachment; filename="${recommendation.workload.name}-starter-config.zip"`,
  });
}

/**
 * Sends a 200's architecture diagram, drawn from the answer's design, with the diagram's own ETag. The
 * graph is built from the stored answer, as the zip is, so a cached answer costs no evaluation.
 */
async function sendDiagram(
  req: Request,
  res: Response,
  answer: CachedAnswer,
  format: DiagramFormat,
): Promise<void> {
  const diagram = Buffer.from(architectureDiagram(await storedRecommendation(answer), format));
  sendRepresentation(req, res, diagram, `${DIAGRAM_MEDIA_TYPES[format]}; charset=utf-8`);
}

/** The recommendation a stored 200 holds, whatever coding it is stored in. */
async function storedRecommendation(answer: CachedAnswer): Promise<Recommendation> {
  return JSON.parse(
    (await inCoding(answer.body, answer.coding, 'identity')).toString('utf8'),
  ) as Recommendation;
}

/**
 * Sends bytes made from a 200 (its zip, a diagram): another representation, so an ETag of its own and
 * how long it stays valid; a GET or HEAD whose If-None-Match names the ETag gets a 304 without a body.
 */
function sendRepresentation(
  req: Request,
  res: Response,
  bytes: Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  res
    .status(200)
    .set('Cache-Control', ANSWER_CACHE_CONTROL)
    .set('ETag', strongEtag(digestOf(bytes), 'identity'));
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  res.set(headers).set('Content-Type', contentType).send(bytes);
}

function isDiagramFormat(format: RecommendationFormat): format is DiagramFormat {
  return DIAGRAM_FORMATS.some((candidate) => candidate === format);
}

/**
 * A strong ETag per content coding: the gzip and brotli bytes of an answer are other representations
 * than its uncompressed bytes (RFC 9110, section 8.8.3), so each gets its own tag.
 */
function strongEtag(digest: string, coding: ContentCoding): string {
  return coding === 'identity' ? `"${digest}"` : `"${digest}-${coding}"`;
}

function digestOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url');
}

async function answerFor(
  raw: string,
  view: RecommendationView,
  advisor: Advisor,
  metrics: AdviceMetrics,
  coding: StoredCoding,
): Promise<CachedAnswer> {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (error) {
    return problemAnswer(new MalformedJsonProblem((error as Error).message), coding);
  }
  const validation = validateWorkload(body);
  if (!validation.ok) return problemAnswer(new InvalidRequestProblem(validation.errors), coding);
  const advice = await metrics.timeAdvice(() => advisor.advise(validation.workload));
  if (advice.kind === 'no-eligible-platform') {
    return problemAnswer(
      new NoEligiblePlatformProblem({
        platforms: advice.platforms,
        suggestions: advice.suggestions,
        rulesVersion: advisor.ruleSet.version,
      }),
      coding,
    );
  }
  const representation =
    view === 'summary'
      ? recommendationSummary(advice.recommendation, advice.scoreContributions)
      : advice.recommendation;
  return stored(200, 'application/json; charset=utf-8', JSON.stringify(representation), coding, {
    platformId: advice.recommendation.platform.id,
  });
}

function problemAnswer(problem: Problem, coding: StoredCoding): Promise<CachedAnswer> {
  return stored(
    problem.status,
    'application/problem+json; charset=utf-8',
    JSON.stringify(problem.toBody()),
    coding,
  );
}

async function stored(
  status: number,
  contentType: string,
  text: string,
  coding: StoredCoding,
  extra: { platformId?: string } = {},
): Promise<CachedAnswer> {
  const plain = Buffer.from(text);
  const body = coding === 'gzip' ? await gzipped(plain) : plain;
  return { status, contentType, ...extra, body, coding, digest: digestOf(plain) };
}

function wantsZip(req: Request, format: RecommendationFormat): boolean {
  return format === 'zip' || req.accepts(['application/json', ZIP_MEDIA_TYPE]) === ZIP_MEDIA_TYPE;
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
