import type { RequestHandler } from 'express';
import { UnsupportedMediaTypeProblem } from '../problem';

/** Rejects a body that is not declared as JSON with 415, before anything reads it. */
export const requireJson: RequestHandler = (req, _res, next) => {
  if (
    req.is(['application/json', 'application/*+json']) === false ||
    req.headers['content-type'] === undefined
  ) {
    next(new UnsupportedMediaTypeProblem(req.headers['content-type']));
    return;
  }
  next();
};
