import type { RequestHandler } from 'express';
import { RequestTimeoutProblem } from '../problem';
import { sendProblem } from './error-handler';
import { contextOf } from './request-context';

/**
 * Answers 503 to a request still unanswered after `timeoutMs`, and closes its connection. Its handler
 * may still be running; whatever it sends later is dropped (see the error handler). The HTTP server's own
 * requestTimeout (src/server.ts) covers a client that is slow to send the request itself.
 */
export function requestTimeout(timeoutMs: number): RequestHandler {
  return (req, res, next) => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const context = contextOf(req);
      if (context !== undefined) context.timedOut = true;
      res.set('Connection', 'close');
      sendProblem(res, new RequestTimeoutProblem(timeoutMs));
    }, timeoutMs);
    res.once('close', () => clearTimeout(timer));
    next();
  };
}
