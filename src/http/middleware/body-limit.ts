import type { RequestHandler } from 'express';
import { PayloadTooLargeProblem } from '../problem';

/**
 * Rejects a request whose declared Content-Length is over the limit with 413 before any route reads it,
 * whatever the route; each route's body parser enforces the same limit on bodies sent without a length.
 */
export function bodyLimit(limitBytes: number): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    next(declared > limitBytes ? new PayloadTooLargeProblem(limitBytes) : undefined);
  };
}
