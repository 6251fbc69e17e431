import type { RequestHandler } from 'express';
import type { Logger } from '../../logger';
import { contextOf } from './request-context';
import { routeLabel } from './route-label';
import type { RouteTable } from './unmatched-route';

export interface RequestLogOptions {
  /** Whether each line carries the request body; off unless BERTH_LOG_BODIES=true. */
  logBodies: boolean;
  routes: RouteTable;
}

/** Probes and scrapes arrive every few seconds; they are logged at debug so they do not drown the rest. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request once it is answered (or abandoned by the client): id, method, path, route,
 * status, duration, sizes, caller. Never the Authorization header; the body only when asked for.
 */
export function requestLog(logger: Logger, options: RequestLogOptions): RequestHandler {
  return (req, res, next) => {
    res.once('close', () => {
      const aborted = !res.writableFinished;
      const context = contextOf(req);
      const route = routeLabel(req, options.routes);
      const fields: Record<string, unknown> = {
        method: req.method,
        path: req.path,
        route,
        status: res.statusCode,
        durationMs:
          context === undefined ? undefined : Math.round((performance.now() - context.startedAt) * 10) / 10,
        requestBytes: Number(req.headers['content-length'] ?? 0),
        responseBytes: Number(res.getHeader('content-length') ?? 0),
        remoteAddress: req.ip,
        userAgent: req.headers['user-agent'],
        apiKey: context?.apiKeyId,
      };
      if (aborted) fields.aborted = true;
      if (context?.timedOut) fields.timedOut = true;
      if (options.logBodies && req.body !== undefined) fields.body = req.body;
      const target = context?.logger ?? logger;
      if (aborted) target.warn('request abandoned before its answer was complete', fields);
      else if (res.statusCode >= 500) target.warn('request answered', fields);
      else if (QUIET_ROUTES.has(route)) target.debug('request answered', fields);
      else target.info('request answered', fields);
    });
    next();
  };
}
