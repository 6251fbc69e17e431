import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../logger';

/** What the middleware learns about one request, for the ones that run after it. */
export interface RequestContext {
  /** The caller's X-Request-Id when it is a sensible token, a new UUID otherwise; echoed in the answer. */
  id: string;
  /** The app's logger with `requestId` on every line. */
  logger: Logger;
  /** When the request arrived, from performance.now(). */
  startedAt: number;
  /** The short id of the API key the request carries (see api-key.ts), when it carries a valid one. */
  apiKeyId?: string;
  /** Set when the request timed out and was answered 503 before its handler finished. */
  timedOut?: boolean;
}

const contexts = new WeakMap<Request, RequestContext>();

/** Letters, digits and `-_.:@/+=`, up to 128: any tracing id, and nothing that could forge a log line. */
const ACCEPTED_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/**
 * Gives every request an id (honouring the caller's `X-Request-Id`), echoes it in the answer and keeps a
 * logger that carries it. Runs first, so every later log line and every answer has the id.
 */
export function requestContext(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const received = req.headers['x-request-id'];
    const id = typeof received === 'string' && ACCEPTED_REQUEST_ID.test(received) ? received : randomUUID();
    contexts.set(req, { id, logger: logger.child({ requestId: id }), startedAt: performance.now() });
    res.set('X-Request-Id', id);
    next();
  };
}

/** The request's context; undefined only for a request that did not pass through requestContext. */
export function contextOf(req: Request): RequestContext | undefined {
  return contexts.get(req);
}
