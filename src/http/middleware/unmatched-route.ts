import type { RequestHandler } from 'express';
import { MethodNotAllowedProblem, NotFoundProblem } from '../problem';

/** The API's routes and the methods each accepts: a known path with another method is a 405, not a 404. */
export type RouteTable = ReadonlyMap<string, readonly string[]>;

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
