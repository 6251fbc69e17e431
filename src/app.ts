import express, { type Express } from 'express';
import type { OpenApiDocument } from './contract/openapi-document';
import type { Advisor } from './engine/advisor';
import { errorHandler } from './http/middleware/error-handler';
import { optionsResponder, type RouteTable, unmatchedRoute } from './http/middleware/unmatched-route';
import { RecommendationCache } from './http/recommendation-cache';
import { catalogueRouter } from './http/routes/catalogue';
import { healthRouter, type Readiness } from './http/routes/health';
import { openApiRouter } from './http/routes/openapi';
import { recommendationsRouter } from './http/routes/recommendations';
import type { Logger } from './logger';

export interface AppOptions {
  advisor: Advisor;
  openApi: OpenApiDocument;
  logger: Logger;
  readiness: Readiness;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** How many distinct request bodies keep their answer cached (0 turns the cache off). */
  cacheEntries: number;
}

const GET = ['GET', 'HEAD'] as const;
const ROUTES: RouteTable = new Map<string, readonly string[]>([
  ['/v1/recommendations', ['POST']],
  ['/v1/platforms', GET],
  ['/v1/rules', GET],
  ['/openapi.yaml', GET],
  ['/openapi.json', GET],
  ['/docs', GET],
  ['/healthz', GET],
  ['/readyz', GET],
]);

/**
 * Builds the HTTP application in a fixed order: settings, OPTIONS, routes, docs, unmatched routes
 * (404/405), error handler. It does not listen; src/server.ts does, so tests drive the app without a port.
 */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(optionsResponder(ROUTES));
  app.use(healthRouter(options.readiness, options.advisor.ruleSet.version));
  app.use(
    recommendationsRouter(
      options.advisor,
      new RecommendationCache(options.cacheEntries),
      options.bodyLimitBytes,
    ),
  );
  app.use(catalogueRouter(options.advisor));
  app.use(openApiRouter(options.openApi));
  app.use(unmatchedRoute(ROUTES));
  app.use(errorHandler(options.logger));
  return app;
}
