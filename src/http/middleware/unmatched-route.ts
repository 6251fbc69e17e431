import type { RequestHandler } from 'express';
import { MethodNotAllowedProblem, NotFoundProblem } from '../problem';

/** The API's routes and the methods each accepts: a known path with another method is a 405, not a 404. */
export type RouteTable = ReadonlyMap<string, readonly string[]>;

/** Everything no route answered: a known path with the wrong method is a 405, anything else a 404. */
export function unmatchedRoute(routes: RouteTable): RequestHandler {
  return (req, _res, next) => {
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const allowed = routes.get(path);
    next(
      allowed === undefined
        ? new NotFoundProblem(req.method, req.path)
        : new MethodNotAllowedProblem(req.method, path, allowed),
    );
  };
}

/**
 * Answers OPTIONS for every known path with 204 and an Allow header, before any router's automatic
 * text/plain reply; an unknown path falls through to the 404.
 */
export function optionsResponder(routes: RouteTable): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'OPTIONS') {
      next();
      return;
    }
    const path = req.path.length > 1 ? req.path.replace(/\/+$/, '') : req.path;
    const allowed = routes.get(path);
    if (allowed === undefined) {
      next();
      return;
    }
    res
      .set('Allow', [...allowed, 'OPTIONS'].join(', '))
      .status(204)
      .end();
  };
}
