import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { type MissingKeyReason, UnauthorizedProblem } from '../problem';
import { contextOf } from './request-context';

/**
 * The API keys a caller may present as `Authorization: Bearer <key>`. Keys are compared as SHA-256
 * digests with crypto.timingSafeEqual, so the comparison takes the same time whatever the key sent (its
 * length included) and however much of it matches. A key is known in logs by `id`, the first 8 hex
 * digits of its digest, never by its value.
 */
export class ApiKeys {
  private readonly digests: { id: string; digest: Buffer }[];

  constructor(keys: readonly string[]) {
    this.digests = keys.map((key) => {
      const digest = sha256(key);
      return { id: digest.toString('hex').slice(0, 8), digest };
    });
  }

  /** Whether any key is configured; without keys the API is open. */
  get required(): boolean {
    return this.digests.length > 0;
  }

  /** The id of the key in an Authorization header, or why there is none. */
  identify(authorization: string | undefined): { keyId: string } | { reason: MissingKeyReason } {
    if (authorization === undefined || authorization.trim() === '')
      return { reason: 'no-authorization-header' };
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    if (match?.[1] === undefined) return { reason: 'not-bearer' };
    const presented = sha256(match[1]);
    let found: string | undefined;
    // Every key is compared, so the time taken does not tell which one matched.
    for (const { id, digest } of this.digests) {
      if (timingSafeEqual(presented, digest) && found === undefined) found = id;
    }
    return found === undefined ? { reason: 'unknown-key' } : { keyId: found };
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Which paths stay open when API keys are set: the probes, the contract and its docs, the workbench's
 * page and assets, and /metrics unless it is configured to need a key. Everything else needs one (the
 * API: /v1/*, /mcp, and any path not listed, which answers 401 rather than revealing whether it exists).
 */
export function openPaths(metricsRequireApiKey: boolean): (path: string) => boolean {
  return (path) => {
    // Express matches routes case-insensitively, so an open path is recognized whatever its case.
    const lower = path.toLowerCase().replace(/\/+$/, '') || '/';
    return (
      lower === '/healthz' ||
      lower === '/readyz' ||
      lower === '/openapi.yaml' ||
      lower === '/openapi.json' ||
      lower === '/docs' ||
      lower.startsWith('/docs/') ||
      // The workbench's page and assets: it asks for the key, then sends it with each API call.
      lower === '/' ||
      lower.startsWith('/assets/') ||
      (lower === '/metrics' && !metricsRequireApiKey)
    );
  };
}

/** Records which key, if any, the request carries; rejects nothing (requireApiKey does). */
export function identifyCaller(keys: ApiKeys): RequestHandler {
  return (req, _res, next) => {
    const context = contextOf(req);
    if (keys.required && context !== undefined) {
      const identity = keys.identify(req.headers.authorization);
      if ('keyId' in identity) context.apiKeyId = identity.keyId;
    }
    next();
  };
}

/** When keys are configured, answers 401 to a request for a path that is not open without a valid key. */
export function requireApiKey(keys: ApiKeys, isOpen: (path: string) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (!keys.required || isOpen(req.path) || contextOf(req)?.apiKeyId !== undefined) {
      next();
      return;
    }
    const identity = keys.identify(req.headers.authorization);
    next(new UnauthorizedProblem(req.path, 'reason' in identity ? identity.reason : 'unknown-key'));
  };
}
