import cors from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers (HSTS, nosniff, frame and referrer policies, a content security policy) on every
 * answer. The policy is helmet's default without `upgrade-insecure-requests`, so Swagger UI at /docs
 * still loads when Berth is reached over plain HTTP on an internal network, and with `blob:` images,
 * so the workbench can show the diagram it fetched with the API key. Scripts stay `'self'` only.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: null, imgSrc: ["'self'", 'data:', 'blob:'] },
    },
  });
}

/** The headers a browser may send and read across origins. */
const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Request-Id'];
const EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'RateLimit', 'RateLimit-Policy'];

/**
 * CORS for the allowed origins only (BERTH_CORS_ORIGINS): their requests and preflights get
 * Access-Control-* headers; any other origin gets none, so the browser refuses to read the answer.
 */
export function corsPolicy(origins: readonly string[]): RequestHandler {
  return cors({
    origin: [...origins],
    methods: ['GET', 'HEAD', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}
