import type { Express } from 'express';
import { createApp } from '../../src/app';
import { loadOpenApiDocument } from '../../src/contract/openapi-document';
import { silentLogger } from '../../src/logger';
import { OPENAPI_PATH } from '../../src/project-paths';
import { advisor } from './advisor';

export const BODY_LIMIT_BYTES = 64 * 1024;

/** The real application over the real rules, without a port, for supertest. */
export function testApp(options: { cacheEntries?: number } = {}): Express {
  return createApp({
    advisor,
    openApi: loadOpenApiDocument(OPENAPI_PATH),
    logger: silentLogger,
    readiness: { ready: true, reason: '' },
    bodyLimitBytes: BODY_LIMIT_BYTES,
    cacheEntries: options.cacheEntries ?? 64,
  });
}
