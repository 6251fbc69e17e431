import type { Express } from 'express';
import type { Store } from 'express-rate-limit';
import { createApp, type ServiceSettings } from '../../src/app';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { type Logger, silentLogger } from '../../src/logger';
import { Metrics } from '../../src/observability/metrics';
import { OPENAPI_PATH } from '../../src/project-paths';
import { advisor } from './advisor';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface TestAppOptions extends Partial<ServiceSettings> {
  /** Bytes the answer cache may hold; 4 MiB by default, 0 turns it off. */
  cacheBytes?: number;
  /** Where the app logs; silent by default. */
  logger?: Logger;
  /** The metrics registry, to read what the app recorded; a fresh one by default. */
  metrics?: Metrics;
  ready?: boolean;
  /** Where rate-limit counts live; this process's memory by default. */
  rateLimitStore?: Store;
  /** The built workbench to serve at `/`; dist/workbench by default. */
  workbenchDir?: string;
}

/**
 * The real application over the real rules, without a port, for supertest. Open by default: no API keys,
 * no rate limit, no CORS, no request timeout; /metrics is served. Each option turns one of those on.
 */
export function testApp(options: TestAppOptions = {}): Express {
  const { cacheBytes, logger, metrics, ready, rateLimitStore, workbenchDir, ...settings } = options;
  return createApp({
    advisor,
    openApi: loadOpenApiDocument(OPENAPI_PATH),
    logger: logger ?? silentLogger,
    readiness: { ready: ready ?? true, reason: ready === false ? 'shutting down' : '' },
    bodyLimitBytes: BODY_LIMIT_BYTES,
    cacheBytes: cacheBytes ?? 4 * 1024 * 1024,
    metrics: metrics ?? new Metrics({ processMetrics: false }),
    settings,
    rateLimitStore,
    workbenchDir,
  });
}
