import type { Request } from 'express';
import type { RouteTable } from './unmatched-route';

/**
 * The path pattern a request is reported under in logs and metrics: its matched route, else its path
 * when the route table lists it (a request rejected before routing, such as a 401), `/docs` for Swagger
 * UI's assets, `/assets` for the workbench's, and `unmatched` for anything else, so a scan of random
 * paths cannot explode the number of metric series.
 */
export function routeLabel(req: Request, routes: RouteTable): string {
  const routePath: unknown = req.route?.path;
  if (typeof routePath === 'string') return `${req.baseUrl}${routePath}`;
  const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
  if (routes.has(path)) return path;
  if (path.startsWith('/docs/')) return '/docs';
  if (path.startsWith('/assets/')) return '/assets';
  return 'unmatched';
}
