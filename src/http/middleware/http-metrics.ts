import type { RequestHandler } from 'express';
import type { Metrics } from '../../observability/metrics';
import { contextOf } from './request-context';
import { routeLabel } from './route-label';
import type { RouteTable } from './unmatched-route';

/**
 * Counts every request and observes its latency by method, route and status; a request the client
 * abandons before its answer is complete has the status `aborted`.
 */
export function httpMetrics(metrics: Metrics, routes: RouteTable): RequestHandler {
  return (req, res, next) => {
    const startedAt = contextOf(req)?.startedAt ?? performance.now();
    metrics.requestStarted();
    res.once('close', () => {
      metrics.requestEnded(
        req.method,
        routeLabel(req, routes),
        res.writableFinished ? String(res.statusCode) : 'aborted',
        (performance.now() - startedAt) / 1000,
      );
    });
    next();
  };
}
