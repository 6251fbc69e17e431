import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from '../../logger';
import { TooManyRequestsProblem } from '../problem';
import { contextOf } from './request-context';

export interface RateLimitOptions {
  /** Requests each caller may make per window; 0 turns the limit off. */
  requests: number;
  windowMs: number;
  /** Paths never limited: the probes, the docs, /metrics (see api-key.ts's openPaths). */
  isOpen: (path: string) => boolean;
  logger: Logger;
  /** Where the counts live; this process's memory when absent (see shared-rate-limit-store.ts for Redis). */
  store?: Store;
}

/**
 * Limits each caller to `requests` per window, in this process's memory or in the store given: a caller is its API key when it
 * sends a valid one (so callers behind one proxy do not share a quota), its client address otherwise
 * (IPv6 addresses by /56, as express-rate-limit advises). Over the limit, a 429 problem with
 * Retry-After; every answer carries the draft-8 RateLimit and RateLimit-Policy headers.
 */
export function rateLimitByCaller(options: RateLimitOptions): RequestHandler {
  if (options.requests === 0) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.requests,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: options.store,
    skip: (req) => options.isOpen(req.path),
    keyGenerator: (req) => {
      const apiKeyId = contextOf(req)?.apiKeyId;
      return apiKeyId === undefined ? `address:${ipKeyGenerator(req.ip ?? '')}` : `key:${apiKeyId}`;
    },
    handler: (req, res, next) => {
      const retryAfterSeconds = Number(res.getHeader('Retry-After') ?? Math.ceil(options.windowMs / 1000));
      next(
        new TooManyRequestsProblem(
          contextOf(req)?.apiKeyId === undefined ? 'client address' : 'API key',
          options.requests,
          Math.ceil(options.windowMs / 1000),
          retryAfterSeconds,
        ),
      );
    },
    logger: {
      error: (error, message) => options.logger.error(message ?? 'rate limiter error', { error }),
      warn: (error, message) => options.logger.warn(message ?? 'rate limiter warning', { error }),
    },
  });
}
