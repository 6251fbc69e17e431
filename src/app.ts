import express, { type Express } from 'express';
import type { Store } from 'express-rate-limit';
import type { Advisor } from './advice/advisor';
import { mcpRouter } from './clients/mcp/streamable-http';
import { toolDefinitionRouter } from './clients/tool-definition-route';
import type { Config } from './config';
import type { OpenApiDocument } from './contract/openapi-document';
import { ApiKeys, identifyCaller, openPaths, requireApiKey } from './http/middleware/api-key';
import { bodyLimit } from './http/middleware/body-limit';
import { responseCompression } from './http/middleware/compression';
import { errorHandler } from './http/middleware/error-handler';
import { httpMetrics } from './http/middleware/http-metrics';
import { rateLimitByCaller } from './http/middleware/rate-limit';
import { requestContext } from './http/middleware/request-context';
import { requestLog } from './http/middleware/request-log';
import { requestTimeout } from './http/middleware/request-timeout';
import { corsPolicy, securityHeaders } from './http/middleware/security-headers';
import { optionsResponder, type RouteTable, unmatchedRoute } from './http/middleware/unmatched-route';
import { RecommendationCache } from './http/recommendation-cache';
import { architecturesRouter } from './http/routes/architectures';
import { catalogueRouter } from './http/routes/catalogue';
import { healthRouter, type Readiness } from './http/routes/health';
import { openApiRouter } from './http/routes/openapi';
import { recommendationsRouter } from './http/routes/recommendations';
import { workbenchRouter } from './http/routes/workbench';
import type { Logger } from './logger';
import { Metrics } from './observability/metrics';
import { metricsRouter } from './observability/metrics-endpoint';
import { WORKBENCH_DIR } from './project-paths';

export interface AppOptions {
  advisor: Advisor;
  openApi: OpenApiDocument;
  logger: Logger;
  readiness: Readiness;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Bytes the answer cache may hold (0 turns the cache off). */
  cacheBytes: number;
  /** The registry GET /metrics serves; when absent, a new one without the process metrics. */
  metrics?: Metrics;
  /**
   * Security and operations settings, as src/config.ts reads them. Each one left out is off: no API
   * keys, no CORS, no rate limit, no request timeout, no trusted proxy, no request bodies in the log.
   */
  settings?: Partial<ServiceSettings>;
  /** Where rate-limit counts live, e.g. shared through Redis; this process's memory when absent. */
  rateLimitStore?: Store;
  /** The built workbench served at `/`; dist/workbench when absent. */
  workbenchDir?: string;
}

export type ServiceSettings = Pick<
  Config,
  | 'apiKeys'
  | 'metricsRequireApiKey'
  | 'corsOrigins'
  | 'rateLimitRequests'
  | 'rateLimitWindowMs'
  | 'trustProxyHops'
  | 'requestTimeoutMs'
  | 'logBodies'
>;

/** What each setting is when createApp is not given it (the service's defaults are in src/config.ts). */
const SETTINGS_LEFT_OUT: Omit<ServiceSettings, 'requestTimeoutMs'> & { requestTimeoutMs?: number } = {
  apiKeys: [],
  metricsRequireApiKey: false,
  corsOrigins: [],
  rateLimitRequests: 0,
  rateLimitWindowMs: 60_000,
  trustProxyHops: 0,
  logBodies: false,
};

const GET = ['GET', 'HEAD'] as const;
const ROUTES: RouteTable = new Map<string, readonly string[]>([
  ['/v1/recommendations', ['GET', 'HEAD', 'POST']],
  ['/v1/architectures', ['POST']],
  ['/v1/architectures/from-compose', ['POST']],
  ['/v1/platforms', GET],
  ['/v1/rules', GET],
  ['/v1/tool-definition', GET],
  ['/mcp', ['POST']],
  ['/v1/prices', GET],
  ['/openapi.yaml', GET],
  ['/openapi.json', GET],
  ['/docs', GET],
  ['/healthz', GET],
  ['/readyz', GET],
  ['/metrics', GET],
]);

/**
 * Builds the HTTP application in a fixed order: settings; request id, log and metrics; security headers,
 * compression, timeout and CORS; OPTIONS; API key, rate limit and body limit; routes; docs; unmatched routes
 * (404/405); error handler. It does not listen; src/server.ts does, so tests drive the app without a port.
 */
export function createApp(options: AppOptions): Express {
  const settings = { ...SETTINGS_LEFT_OUT, ...options.settings };
  const metrics = options.metrics ?? new Metrics({ processMetrics: false });
  const apiKeys = new ApiKeys(settings.apiKeys);
  const isOpen = openPaths(settings.metricsRequireApiKey);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', settings.trustProxyHops > 0 ? settings.trustProxyHops : false);
  app.use(requestContext(options.logger));
  app.use(requestLog(options.logger, { logBodies: settings.logBodies, routes: ROUTES }));
  app.use(httpMetrics(metrics, ROUTES));
  app.use(securityHeaders());
  app.use(responseCompression());
  if (settings.requestTimeoutMs !== undefined) app.use(requestTimeout(settings.requestTimeoutMs));
  if (settings.corsOrigins.length > 0) app.use(corsPolicy(settings.corsOrigins));
  app.use(optionsResponder(ROUTES));
  app.use(identifyCaller(apiKeys));
  app.use(
    rateLimitByCaller({
      requests: settings.rateLimitRequests,
      windowMs: settings.rateLimitWindowMs,
      isOpen,
      logger: options.logger,
      store: options.rateLimitStore,
    }),
  );
  app.use(requireApiKey(apiKeys, isOpen));
  app.use(bodyLimit(options.bodyLimitBytes));
  app.use(healthRouter(options.readiness, options.advisor.ruleSet.version));
  app.use(metricsRouter(metrics));
  const answerCache = new RecommendationCache(options.cacheBytes);
  metrics.reportAnswerCache(answerCache);
  app.use(recommendationsRouter(options.advisor, answerCache, options.bodyLimitBytes, metrics));
  app.use(architecturesRouter(options.advisor, options.bodyLimitBytes));
  app.use(catalogueRouter(options.advisor));
  app.use(toolDefinitionRouter(options.openApi, options.advisor.ruleSet.platforms));
  app.use(mcpRouter(options.advisor, options.openApi, options.bodyLimitBytes));
  app.use(openApiRouter(options.openApi));
  app.use(workbenchRouter(options.workbenchDir ?? WORKBENCH_DIR));
  app.use(unmatchedRoute(ROUTES));
  app.use(errorHandler(options.logger));
  return app;
}
